#include "onlinemembers.h"

#include "chatclient.h"
#include "conversation.h"
#include "validation.h"

namespace Natter {

using namespace Protocol;

OnlineMembers::OnlineMembers(ChatClient *client, const QHash<ConversationId, Conversation *> *conversations,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversations(conversations)
{ }

void OnlineMembers::setCache(ClientCache *cache)
{
    m_keys.setCache(cache);
    m_currentKeys.clear();
}

QByteArray OnlineMembers::keyOf(const QString &name) const
{
    const auto current = m_currentKeys.constFind(nameKey(name));
    return current != m_currentKeys.cend() ? *current : m_keys.keyOf(name);
}

bool OnlineMembers::isGuest(const QString &name) const
{
    return m_currentKeys.contains(nameKey(name)) && keyOf(name).isEmpty();
}

void OnlineMembers::noteKey(const QString &name, const QByteArray &key)
{
    m_currentKeys.insert(nameKey(name), key);
    if (Conversation *direct = m_conversations->value(ConversationId::direct(name)))
        direct->setPeerGuest(key.isEmpty());
    if (m_keys.see(name, key) != KnownKeys::Seen::Changed || nameKey(name) == nameKey(m_client->name()))
        return;
    emit noticeRaised(tr("%1 signed in with a different key than before on this server: it may be someone else, "
                         "or %1 on a new computer. Compare safety numbers in %1's profile before you trust "
                         "what they say.")
                          .arg(name));
}

void OnlineMembers::arrived(const QString &name)
{
    if (m_online[nameKey(name)]++ > 0)
        return;
    if (Conversation *direct = m_conversations->value(ConversationId::direct(name)))
        direct->setPeerOnline(true);
}

void OnlineMembers::departed(const QString &name)
{
    const auto found = m_online.find(nameKey(name));
    if (found == m_online.end() || --*found > 0)
        return;
    m_online.erase(found);
    if (Conversation *direct = m_conversations->value(ConversationId::direct(name)))
        direct->setPeerOnline(false);
}

void OnlineMembers::clear()
{
    m_online.clear();
    for (Conversation *object : std::as_const(*m_conversations)) {
        if (!object->id().isRoom())
            object->setPeerOnline(false);
    }
}

} // namespace Natter
