#include "conversationid.h"

#include "validation.h"

namespace Natter {

QString ConversationId::key() const
{
    return isRoom() ? QStringLiteral("#") + name : QStringLiteral("@") + Protocol::nameKey(name);
}

QString ConversationId::sinceKey() const
{
    return isRoom() ? name : QStringLiteral("@") + name;
}

ConversationId ConversationId::fromKey(const QString &key)
{
    if (key.size() < 2)
        return {};
    if (key.startsWith(u'@'))
        return direct(key.mid(1));
    return room(key.startsWith(u'#') ? key.mid(1) : key);
}

bool operator==(const ConversationId &a, const ConversationId &b)
{
    if (a.kind != b.kind)
        return false;
    if (a.name == b.name)
        return true;
    return !a.isRoom() && Protocol::nameKey(a.name) == Protocol::nameKey(b.name);
}

size_t qHash(const ConversationId &conversation, size_t seed)
{
    return qHash(conversation.key(), seed);
}

} // namespace Natter
