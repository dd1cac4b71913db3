#include "reactionmessages.h"

#include "emoji.h"
#include "framecodec.h"
#include "jsonreader.h"
#include "validation.h"

#include <QJsonArray>

#include <limits>

namespace Natter::Protocol {

namespace {

// The checks every reaction frame shares: one conversation, a seq of 1 or more.
std::optional<ProtocolError> checkTarget(QStringView type, const QString &room, const QString &to, qint64 seq)
{
    if (auto error = checkOneTarget(type, room, to))
        return error;
    if (seq < 1)
        return badFrame(type, QStringLiteral("seq must be 1 or more"));
    return std::nullopt;
}

// What a client names in a request: a valid room or name, and one emoji.
std::optional<ProtocolError> checkRequest(QStringView type, const QString &room, const QString &to, qint64 seq,
                                          const QString &emoji)
{
    if (auto error = checkTarget(type, room, to, seq))
        return error;
    if (auto error = room.isEmpty() ? validateName(to) : validateRoomName(room))
        return error;
    return validateEmoji(emoji);
}

} // namespace

QJsonObject React::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq}, {QStringLiteral("emoji"), emoji}, {QStringLiteral("on"), on}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<React> React::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, Type.toString());
    React react;
    react.room = reader.optionalString(QStringLiteral("room"));
    react.to = reader.optionalString(QStringLiteral("to"));
    react.seq = reader.requiredInteger(QStringLiteral("seq"));
    react.emoji = reader.requiredString(QStringLiteral("emoji"));
    react.on = reader.requiredBool(QStringLiteral("on"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkRequest(Type, react.room, react.to, react.seq, react.emoji))
        return *std::move(error);
    return react;
}

QJsonObject ReactorsRequest::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq}, {QStringLiteral("emoji"), emoji}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<ReactorsRequest> ReactorsRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, Type.toString());
    ReactorsRequest request;
    request.room = reader.optionalString(QStringLiteral("room"));
    request.to = reader.optionalString(QStringLiteral("to"));
    request.seq = reader.requiredInteger(QStringLiteral("seq"));
    request.emoji = reader.requiredString(QStringLiteral("emoji"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkRequest(Type, request.room, request.to, request.seq, request.emoji))
        return *std::move(error);
    return request;
}

QJsonObject ReactionEvent::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq}, {QStringLiteral("emoji"), emoji}, {QStringLiteral("count"), count},
                       {QStringLiteral("by"), by},   {QStringLiteral("on"), on},       {QStringLiteral("rev"), rev}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<ReactionEvent> ReactionEvent::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, Type.toString());
    ReactionEvent event;
    event.room = reader.optionalString(QStringLiteral("room"));
    event.to = reader.optionalString(QStringLiteral("to"));
    event.seq = reader.requiredInteger(QStringLiteral("seq"));
    event.emoji = reader.requiredString(QStringLiteral("emoji"));
    const qint64 count = reader.requiredInteger(QStringLiteral("count"));
    event.by = reader.requiredString(QStringLiteral("by"));
    event.on = reader.requiredBool(QStringLiteral("on"));
    event.rev = reader.requiredInteger(QStringLiteral("rev"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkTarget(Type, event.room, event.to, event.seq))
        return *std::move(error);
    if (count < 0 || count > std::numeric_limits<int>::max() || event.rev < 1)
        return badFrame(Type, QStringLiteral("count cannot be negative and rev must be 1 or more"));
    event.count = static_cast<int>(count);
    return event;
}

QJsonObject ReactorList::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq},
                       {QStringLiteral("emoji"), emoji},
                       {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                       {QStringLiteral("count"), count}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<ReactorList> ReactorList::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, Type.toString());
    ReactorList list;
    list.room = reader.optionalString(QStringLiteral("room"));
    list.to = reader.optionalString(QStringLiteral("to"));
    list.seq = reader.requiredInteger(QStringLiteral("seq"));
    list.emoji = reader.requiredString(QStringLiteral("emoji"));
    list.names = reader.requiredStringList(QStringLiteral("names"));
    const qint64 count = reader.requiredInteger(QStringLiteral("count"));
    if (!reader.ok())
        return reader.error();
    if (auto error = checkTarget(Type, list.room, list.to, list.seq))
        return *std::move(error);
    if (count < list.names.size() || count > std::numeric_limits<int>::max())
        return badFrame(Type, QStringLiteral("count cannot be smaller than the names given"));
    list.count = static_cast<int>(count);
    return list;
}

} // namespace Natter::Protocol
