#include "knownkeys.h"

#include "clientcache.h"
#include "validation.h"

namespace Natter {

void KnownKeys::setCache(ClientCache *cache)
{
    m_cache = cache;
    m_keys.clear();
}

QString KnownKeys::cacheKey(const QString &name)
{
    return QStringLiteral("key/") + Protocol::nameKey(name);
}

QByteArray KnownKeys::keyOf(const QString &name) const
{
    const QString folded = Protocol::nameKey(name);
    if (const auto known = m_keys.constFind(folded); known != m_keys.cend())
        return *known;
    QByteArray key;
    if (m_cache)
        key = QByteArray::fromBase64(m_cache->value(cacheKey(name)).toLatin1());
    m_keys.insert(folded, key);
    return key;
}

KnownKeys::Seen KnownKeys::see(const QString &name, const QByteArray &key)
{
    if (key.isEmpty())
        return Seen::Guest;
    const QByteArray before = keyOf(name);
    if (before == key)
        return Seen::Same;
    m_keys.insert(Protocol::nameKey(name), key);
    if (m_cache)
        m_cache->setValue(cacheKey(name), QString::fromLatin1(key.toBase64()));
    return before.isEmpty() ? Seen::First : Seen::Changed;
}

} // namespace Natter
