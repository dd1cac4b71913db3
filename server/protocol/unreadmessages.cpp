#include "unreadmessages.h"

#include "framecodec.h"
#include "jsonreader.h"
#include "validation.h"

#include <QJsonArray>

namespace Natter::Protocol {

namespace {

// Exactly one of room and to, each valid.
std::optional<ProtocolError> checkTarget(QStringView frame, const QString &room, const QString &to)
{
    if (auto error = checkOneTarget(frame, room, to))
        return error;
    return room.isEmpty() ? validateName(to) : validateRoomName(room);
}

} // namespace

QJsonObject ReadMarker::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<ReadMarker> ReadMarker::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("read"));
    ReadMarker marker;
    marker.room = reader.optionalString(QStringLiteral("room"));
    marker.to = reader.optionalString(QStringLiteral("to"));
    marker.seq = reader.requiredInteger(QStringLiteral("seq"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkTarget(u"read", marker.room, marker.to))
        return *std::move(error);
    if (marker.seq < 1)
        return badFrame(u"read", QStringLiteral("seq must be 1 or more"));
    return marker;
}

QJsonObject UnreadCount::toJson() const
{
    QJsonObject object{
        {QStringLiteral("read"), read}, {QStringLiteral("unread"), unread}, {QStringLiteral("mentions"), mentions}};
    insertTarget(object, room, to);
    return object;
}

Parsed<UnreadCount> UnreadCount::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("unread.conversations"));
    UnreadCount count;
    count.room = reader.optionalString(QStringLiteral("room"));
    count.to = reader.optionalString(QStringLiteral("to"));
    count.read = reader.requiredInteger(QStringLiteral("read"));
    const qint64 unread = reader.requiredInteger(QStringLiteral("unread"));
    const qint64 mentions = reader.requiredInteger(QStringLiteral("mentions"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkTarget(u"unread", count.room, count.to))
        return *std::move(error);
    if (count.read < 0 || unread < 0 || mentions < 0 || unread > MaxUnread || mentions > unread)
        return badFrame(u"unread", QStringLiteral("counts must be 0 or more, and at most their bounds"));
    count.unread = int(unread);
    count.mentions = int(mentions);
    return count;
}

QJsonObject UnreadCounts::toJson() const
{
    QJsonArray array;
    for (const UnreadCount &count : conversations)
        array.append(count.toJson());
    return withType(Type, QJsonObject{{QStringLiteral("conversations"), array}});
}

Parsed<UnreadCounts> UnreadCounts::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("unread"));
    const QJsonArray array = reader.requiredArray(QStringLiteral("conversations"));
    if (!reader.ok())
        return reader.error();
    if (array.size() > MaxConversations)
        return badFrame(u"unread", QStringLiteral("too many conversations"));
    UnreadCounts counts;
    for (const QJsonValue value : array) {
        if (!value.isObject())
            return badFrame(u"unread", QStringLiteral("\"conversations\" must hold objects"));
        auto count = UnreadCount::fromJson(value.toObject());
        if (!count)
            return count.error();
        counts.conversations.append(std::move(count).value());
    }
    return counts;
}

} // namespace Natter::Protocol
