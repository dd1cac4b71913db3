#include "servermessages.h"

#include "framecodec.h"
#include "identityproof.h"
#include "jsonobjectwriter.h"
#include "jsonreader.h"

#include <QJsonArray>

namespace Natter::Protocol {

namespace {

// Reads an array of objects with T::fromJson; the first bad element fails the whole frame.
template<typename T> std::optional<ProtocolError> readList(JsonReader &reader, const QString &key, QList<T> &out)
{
    const QJsonArray array = reader.requiredArray(key);
    if (!reader.ok())
        return reader.error();
    out.reserve(array.size());
    for (const QJsonValue item : array) {
        if (!item.isObject())
            return ProtocolError{ErrorCode::BadRequest, QStringLiteral("\"%1\" must hold objects").arg(key)};
        auto parsed = T::fromJson(item.toObject());
        if (!parsed)
            return parsed.error();
        out.append(std::move(parsed).value());
    }
    return std::nullopt;
}

QString presenceWord(PresenceChange change)
{
    switch (change) {
    case PresenceChange::Joined:
        return QStringLiteral("joined");
    case PresenceChange::Left:
        return QStringLiteral("left");
    case PresenceChange::Renamed:
        return QStringLiteral("renamed");
    }
    return {};
}

} // namespace

QJsonObject Welcome::toJson() const
{
    const QJsonObject serverObject{
        {QStringLiteral("name"), server.name},
        {QStringLiteral("version"), server.version},
        {QStringLiteral("limits"), server.limits.toJson()},
        {QStringLiteral("features"), QJsonArray::fromStringList(server.features)},
    };
    return withType(Type,
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("token"), token},
                     {QStringLiteral("server"), serverObject},
                     {QStringLiteral("rooms"), roomSummariesToJson(rooms)}});
}

Parsed<Welcome> Welcome::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("welcome"));
    Welcome welcome;
    welcome.name = reader.requiredString(QStringLiteral("name"));
    welcome.token = reader.requiredString(QStringLiteral("token"));
    const QJsonObject serverObject = reader.requiredObject(QStringLiteral("server"));
    if (!reader.ok())
        return reader.error();
    JsonReader serverReader(serverObject, QStringLiteral("welcome.server"));
    welcome.server.name = serverReader.requiredString(QStringLiteral("name"));
    welcome.server.version = serverReader.requiredString(QStringLiteral("version"));
    const QJsonObject limits = serverReader.optionalObject(QStringLiteral("limits"));
    // Servers before features were announced send none: such a server has none of them.
    if (serverReader.has(QStringLiteral("features")))
        welcome.server.features = serverReader.requiredStringList(QStringLiteral("features"));
    if (!serverReader.ok())
        return serverReader.error();
    auto parsedLimits = Limits::fromJson(limits);
    if (!parsedLimits)
        return parsedLimits.error();
    welcome.server.limits = parsedLimits.value();
    if (const auto error = readList(reader, QStringLiteral("rooms"), welcome.rooms))
        return *error;
    return welcome;
}

QJsonObject Challenge::toJson() const
{
    return withType(Type, {{QStringLiteral("nonce"), encodeBase64(nonce)}});
}

Parsed<Challenge> Challenge::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("challenge"));
    const QString nonce = reader.requiredString(QStringLiteral("nonce"));
    if (!reader.ok())
        return reader.error();
    const auto decoded = decodeFixedBase64(nonce, NonceBytes);
    if (!decoded) {
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("challenge: \"nonce\" must be the standard base64 of 32 bytes")};
    }
    return Challenge{*decoded};
}

QJsonObject Joined::toJson() const
{
    QJsonObject object{{QStringLiteral("room"), room},
                       {QStringLiteral("topic"), topic},
                       {QStringLiteral("members"), QJsonArray::fromStringList(members)},
                       {QStringLiteral("history"), chatMessagesToJson(history)},
                       {QStringLiteral("more"), more}};
    if (!keys.isEmpty()) {
        QJsonObject keyObject;
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            keyObject.insert(it.key(), encodeBase64(it.value()));
        object.insert(QStringLiteral("keys"), keyObject);
    }
    if (unread) {
        QJsonObject count = unread->toJson();
        count.remove(QStringLiteral("room"));
        count.remove(QStringLiteral("to"));
        object.insert(QStringLiteral("unread"), count);
    }
    return withType(Type, object);
}

Parsed<Joined> Joined::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("joined"));
    Joined joined;
    joined.room = reader.requiredString(QStringLiteral("room"));
    joined.topic = reader.optionalString(QStringLiteral("topic"));
    joined.members = reader.requiredStringList(QStringLiteral("members"));
    joined.more = reader.optionalBool(QStringLiteral("more"), false);
    const QJsonObject keys = reader.optionalObject(QStringLiteral("keys"));
    QJsonObject unread = reader.optionalObject(QStringLiteral("unread"));
    if (!reader.ok())
        return reader.error();
    if (!unread.isEmpty()) {
        unread.insert(QStringLiteral("room"), joined.room);
        auto count = UnreadCount::fromJson(unread);
        if (!count)
            return count.error();
        joined.unread = std::move(count).value();
    }
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
        const auto key = decodeFixedBase64(it.value().toString(), PublicKeyBytes);
        if (!key || !joined.members.contains(it.key())) {
            return ProtocolError{
                ErrorCode::BadRequest,
                QStringLiteral("joined: \"keys\" maps members to base64 public keys; \"%1\" does not").arg(it.key())};
        }
        joined.keys.insert(it.key(), *key);
    }
    if (const auto error = readList(reader, QStringLiteral("history"), joined.history))
        return *error;
    return joined;
}

QJsonObject MessageEvent::toJson() const
{
    return withType(Type, message.toJson());
}

Parsed<MessageEvent> MessageEvent::fromJson(const QJsonObject &object)
{
    auto parsed = ChatMessage::fromJson(object);
    if (!parsed)
        return parsed.error();
    return MessageEvent{std::move(parsed).value()};
}

QJsonObject Ack::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id}, {QStringLiteral("seq"), seq}, {QStringLiteral("ts"), ts}};
    if (!room.isEmpty() || !to.isEmpty())
        insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<Ack> Ack::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("ack"));
    Ack ack;
    ack.id = reader.requiredString(QStringLiteral("id"));
    ack.seq = reader.requiredInteger(QStringLiteral("seq"));
    ack.ts = reader.requiredInteger(QStringLiteral("ts"));
    ack.room = reader.optionalString(QStringLiteral("room"));
    ack.to = reader.optionalString(QStringLiteral("to"));
    if (!reader.ok())
        return reader.error();
    return ack;
}

QJsonObject Presence::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name}, {QStringLiteral("event"), presenceWord(event)}};
    if (!room.isEmpty())
        object.insert(QStringLiteral("room"), room);
    if (event == PresenceChange::Renamed)
        object.insert(QStringLiteral("previous"), previous);
    if (!key.isEmpty() && event != PresenceChange::Left)
        object.insert(QStringLiteral("key"), encodeBase64(key));
    return withType(Type, object);
}

Parsed<Presence> Presence::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("presence"));
    Presence presence;
    presence.room = reader.optionalString(QStringLiteral("room"));
    presence.name = reader.requiredString(QStringLiteral("name"));
    const QString event = reader.requiredString(QStringLiteral("event"));
    presence.previous = reader.optionalString(QStringLiteral("previous"));
    const QString key = reader.optionalString(QStringLiteral("key"));
    if (!reader.ok())
        return reader.error();
    if (!key.isEmpty()) {
        const auto decoded = decodeFixedBase64(key, PublicKeyBytes);
        if (!decoded)
            return ProtocolError{ErrorCode::BadRequest, QStringLiteral("presence: \"key\" is not a public key")};
        presence.key = *decoded;
    }
    if (event == u"joined")
        presence.event = PresenceChange::Joined;
    else if (event == u"left")
        presence.event = PresenceChange::Left;
    else if (event == u"renamed")
        presence.event = PresenceChange::Renamed;
    else
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("presence: unknown event \"%1\"").arg(event)};
    return presence;
}

QJsonObject RoomList::toJson() const
{
    return withType(Type, {{QStringLiteral("rooms"), roomSummariesToJson(rooms)}});
}

Parsed<RoomList> RoomList::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("rooms"));
    RoomList list;
    if (const auto error = readList(reader, QStringLiteral("rooms"), list.rooms))
        return *error;
    return list;
}

QJsonObject HistoryPage::toJson() const
{
    QJsonObject object{{QStringLiteral("messages"), chatMessagesToJson(messages)}, {QStringLiteral("more"), more}};
    if (newer)
        object.insert(QStringLiteral("newer"), true);
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<HistoryPage> HistoryPage::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("history"));
    HistoryPage page;
    page.room = reader.optionalString(QStringLiteral("room"));
    page.to = reader.optionalString(QStringLiteral("to"));
    page.more = reader.optionalBool(QStringLiteral("more"), false);
    page.newer = reader.optionalBool(QStringLiteral("newer"), false);
    if (const auto error = readList(reader, QStringLiteral("messages"), page.messages))
        return *error;
    if (page.room.isEmpty() == page.to.isEmpty())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("history: exactly one of room and to is required")};
    return page;
}

QJsonObject TypingEvent::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name}};
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<TypingEvent> TypingEvent::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("typing"));
    TypingEvent typing;
    typing.room = reader.optionalString(QStringLiteral("room"));
    typing.to = reader.optionalString(QStringLiteral("to"));
    typing.name = reader.requiredString(QStringLiteral("name"));
    if (!reader.ok())
        return reader.error();
    if (typing.room.isEmpty() == typing.to.isEmpty())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("typing: exactly one of room and to is required")};
    return typing;
}

QJsonObject TopicChanged::toJson() const
{
    return withType(Type,
                    {{QStringLiteral("room"), room}, {QStringLiteral("topic"), topic}, {QStringLiteral("by"), by}});
}

Parsed<TopicChanged> TopicChanged::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("topic"));
    TopicChanged change;
    change.room = reader.requiredString(QStringLiteral("room"));
    change.topic = reader.requiredString(QStringLiteral("topic"));
    change.by = reader.optionalString(QStringLiteral("by"));
    if (!reader.ok())
        return reader.error();
    return change;
}

ErrorEvent ErrorEvent::from(const ProtocolError &error, const QString &ref)
{
    return ErrorEvent{error.code, error.message, ref};
}

QJsonObject ErrorEvent::toJson() const
{
    QJsonObject object{{QStringLiteral("code"), errorCodeWord(code)}, {QStringLiteral("message"), message}};
    if (!ref.isEmpty())
        object.insert(QStringLiteral("ref"), ref);
    return withType(Type, object);
}

Parsed<ErrorEvent> ErrorEvent::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("error"));
    ErrorEvent event;
    const QString code = reader.requiredString(QStringLiteral("code"));
    event.message = reader.optionalString(QStringLiteral("message"));
    event.ref = reader.optionalString(QStringLiteral("ref"));
    if (!reader.ok())
        return reader.error();
    // A newer server may send codes this client does not know yet: treat them as a generic failure.
    event.code = errorCodeFromWord(code).value_or(ErrorCode::InternalError);
    return event;
}

QString typeOf(const ServerMessage &message)
{
    return variantType(message);
}

QJsonObject toJson(const ServerMessage &message)
{
    return variantJson(message);
}

QString encodeFrame(const ServerMessage &message)
{
    return frameText(variantJson(message));
}

QByteArray encodeFrameUtf8(const ServerMessage &message)
{
    using namespace Qt::Literals::StringLiterals;
    // Every chat message causes one message frame per receiver and an ack: those two are written directly.
    // A message with reactions (a replayed one) takes the general path, which writes the array.
    if (const auto *event = std::get_if<MessageEvent>(&message); event && event->message.reactions.isEmpty()) {
        const ChatMessage &m = event->message;
        JsonObjectWriter json;
        if (m.deleted)
            json.addTrue("deleted"_L1);
        if (m.edited > 0)
            json.add("edited"_L1, m.edited);
        json.add("from"_L1, m.from);
        json.add("id"_L1, m.id);
        json.add("kind"_L1, messageKindWord(m.kind));
        if (m.replyTo > 0) {
            json.add("replyFrom"_L1, m.replyFrom);
            json.add("replyText"_L1, m.replyText);
            json.add("replyTo"_L1, m.replyTo);
        }
        if (!m.isDirect())
            json.add("room"_L1, m.room);
        json.add("seq"_L1, m.seq);
        if (m.target > 0)
            json.add("target"_L1, m.target);
        json.add("text"_L1, m.text);
        if (m.isDirect())
            json.add("to"_L1, m.to);
        json.add("ts"_L1, m.ts);
        json.add("type"_L1, MessageEvent::Type);
        return json.take();
    }
    if (const auto *ack = std::get_if<Ack>(&message)) {
        JsonObjectWriter json;
        json.add("id"_L1, ack->id);
        if (!ack->room.isEmpty())
            json.add("room"_L1, ack->room);
        json.add("seq"_L1, ack->seq);
        if (ack->room.isEmpty() && !ack->to.isEmpty())
            json.add("to"_L1, ack->to);
        json.add("ts"_L1, ack->ts);
        json.add("type"_L1, Ack::Type);
        return json.take();
    }
    return frameUtf8(variantJson(message));
}

Parsed<ServerMessage> decodeServerFrame(const QString &frame)
{
    return decodeFrame<ServerMessage, Welcome, Challenge, Joined, MessageEvent, Ack, Presence, RoomList, HistoryPage,
                       TypingEvent, TopicChanged, ErrorEvent, SearchResults, ReactionEvent, ReactorList, UnreadCounts>(
        frame);
}

QStringList serverFeatures()
{
    return {QStringLiteral("reply"),  QStringLiteral("edit"),  QStringLiteral("delete"),
            QStringLiteral("search"), QStringLiteral("react"), QStringLiteral("read")};
}

} // namespace Natter::Protocol
