#include "chatcaches.h"

#include "clientcache.h"

namespace Natter {

ChatCaches::ChatCaches()
    : m_cache(std::make_unique<ClientCache>())
{ }

ChatCaches::~ChatCaches() = default;

QString ChatCaches::pathFor(const QString &name) const
{
    return ClientCache::pathFor(m_directory, m_serverIdentity, name);
}

ClientCache *ChatCaches::open(const QString &serverIdentity, const QString &name)
{
    m_serverIdentity = serverIdentity;
    if (!m_cache->open(pathFor(name)))
        qWarning("natter: %s", qUtf8Printable(m_cache->lastError()));
    return m_cache->isOpen() ? m_cache.get() : nullptr;
}

void ChatCaches::rename(const QString &from, const QString &to)
{
    if (m_serverIdentity.isEmpty())
        return;
    const QString source = pathFor(from);
    if (m_cache->path() == source) {
        if (!m_cache->moveTo(pathFor(to)))
            qWarning("natter: %s", qUtf8Printable(m_cache->lastError()));
    } else {
        ClientCache::moveFile(source, pathFor(to));
    }
}

} // namespace Natter
