#include "clientmessages.h"

#include "framecodec.h"
#include "identityproof.h"
#include "jsonreader.h"
#include "validation.h"

namespace Natter::Protocol {

namespace {

// Reads the "room | to" pair that names a conversation; exactly one must be present.
bool readTarget(JsonReader &reader, QString &room, QString &to)
{
    room = reader.optionalString(QStringLiteral("room"));
    to = reader.optionalString(QStringLiteral("to"));
    if (!reader.ok())
        return false;
    if (room.isEmpty() == to.isEmpty()) {
        reader.fail(ErrorCode::BadRequest, QStringLiteral("exactly one of \"room\" and \"to\" is required"));
        return false;
    }
    if (!room.isEmpty()) {
        if (const auto error = validateRoomName(room)) {
            reader.fail(error->code, error->message);
            return false;
        }
    } else if (const auto error = validateName(to)) {
        reader.fail(error->code, error->message);
        return false;
    }
    return true;
}

void checkRoom(JsonReader &reader, const QString &room)
{
    if (!reader.ok())
        return;
    if (const auto error = validateRoomName(room))
        reader.fail(error->code, error->message);
}

void checkName(JsonReader &reader, const QString &name)
{
    if (!reader.ok())
        return;
    if (const auto error = validateName(name))
        reader.fail(error->code, error->message);
}

} // namespace

QJsonObject Hello::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name}};
    if (!password.isEmpty())
        object.insert(QStringLiteral("password"), password);
    if (!token.isEmpty())
        object.insert(QStringLiteral("token"), token);
    if (!key.isEmpty())
        object.insert(QStringLiteral("key"), encodeBase64(key));
    if (!since.isEmpty()) {
        QJsonObject seqs;
        for (auto it = since.cbegin(); it != since.cend(); ++it)
            seqs.insert(it.key(), it.value());
        object.insert(QStringLiteral("since"), seqs);
    }
    return withType(Type, object);
}

Parsed<Hello> Hello::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("hello"));
    Hello hello;
    hello.name = reader.requiredString(QStringLiteral("name"));
    hello.password = reader.optionalString(QStringLiteral("password"));
    hello.token = reader.optionalString(QStringLiteral("token"));
    const QString key = reader.optionalString(QStringLiteral("key"));
    const QJsonObject since = reader.optionalObject(QStringLiteral("since"));
    checkName(reader, hello.name);
    if (!reader.ok())
        return reader.error();
    if (!key.isEmpty()) {
        const auto decoded = decodeFixedBase64(key, PublicKeyBytes);
        if (!decoded) {
            return ProtocolError{ErrorCode::BadRequest,
                                 QStringLiteral("hello: \"key\" must be the standard base64 of a 32-byte Ed25519 "
                                                "public key")};
        }
        hello.key = *decoded;
    }
    for (auto it = since.constBegin(); it != since.constEnd(); ++it) {
        const QString &key = it.key();
        const bool direct = key.startsWith(u'@');
        const bool validKey = direct ? !validateName(key.mid(1)) : !validateRoomName(key);
        const std::optional<qint64> seq = exactInteger(it.value());
        if (!validKey || !seq || *seq < 0) {
            return ProtocolError{ErrorCode::BadRequest,
                                 QStringLiteral("hello: \"since\" maps room names or \"@name\" to a seq "
                                                "(an integer of 0 or more); \"%1\" does not")
                                     .arg(key)};
        }
        hello.since.insert(key, *seq);
    }
    return hello;
}

QJsonObject Prove::toJson() const
{
    return withType(Type, {{QStringLiteral("signature"), encodeBase64(signature)}});
}

Parsed<Prove> Prove::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("prove"));
    const QString signature = reader.requiredString(QStringLiteral("signature"));
    if (!reader.ok())
        return reader.error();
    const auto decoded = decodeFixedBase64(signature, SignatureBytes);
    if (!decoded) {
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("prove: \"signature\" must be the standard base64 of a 64-byte Ed25519 "
                                            "signature")};
    }
    return Prove{*decoded};
}

QJsonObject Join::toJson() const
{
    return withType(Type, {{QStringLiteral("room"), room}});
}

Parsed<Join> Join::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("join"));
    Join join{reader.requiredString(QStringLiteral("room"))};
    checkRoom(reader, join.room);
    if (!reader.ok())
        return reader.error();
    return join;
}

QJsonObject Leave::toJson() const
{
    return withType(Type, {{QStringLiteral("room"), room}});
}

Parsed<Leave> Leave::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("leave"));
    Leave leave{reader.requiredString(QStringLiteral("room"))};
    checkRoom(reader, leave.room);
    if (!reader.ok())
        return reader.error();
    return leave;
}

QJsonObject Send::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id}, {QStringLiteral("text"), text}};
    insertTarget(object, room, to);
    if (kind != MessageKind::Text)
        object.insert(QStringLiteral("kind"), messageKindWord(kind));
    if (target > 0)
        object.insert(QStringLiteral("target"), target);
    if (replyTo > 0)
        object.insert(QStringLiteral("replyTo"), replyTo);
    return withType(Type, object);
}

Parsed<Send> Send::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("send"));
    Send send;
    send.id = reader.requiredString(QStringLiteral("id"));
    const QString kind = reader.optionalString(QStringLiteral("kind"), QStringLiteral("text"));
    // A delete has nothing to say; everything else does.
    send.text = kind == u"delete" ? reader.optionalString(QStringLiteral("text"))
                                  : reader.requiredString(QStringLiteral("text"));
    send.target = reader.optionalInteger(QStringLiteral("target")).value_or(0);
    send.replyTo = reader.optionalInteger(QStringLiteral("replyTo")).value_or(0);
    if (!reader.ok())
        return reader.error();
    if (const auto error = validateClientId(send.id))
        return *error;
    if (!readTarget(reader, send.room, send.to))
        return reader.error();
    const auto parsedKind = messageKindFromWord(kind);
    if (!parsedKind)
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("send: kind must be \"text\", \"action\", \"edit\" or \"delete\"")};
    send.kind = *parsedKind;
    if (isRevision(send.kind) != (send.target > 0))
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("send: edit and delete name a target seq of 1 or more, others none")};
    if (send.replyTo < 0 || (send.replyTo > 0 && isRevision(send.kind)))
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("send: replyTo is a seq of 1 or more, on a text or action only")};
    if (send.kind == MessageKind::Delete && !send.text.isEmpty())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("send: a delete carries no text")};
    return send;
}

QJsonObject HistoryRequest::toJson() const
{
    QJsonObject object;
    insertTarget(object, room, to);
    if (before > 0)
        object.insert(QStringLiteral("before"), before);
    if (around > 0)
        object.insert(QStringLiteral("around"), around);
    if (limit > 0)
        object.insert(QStringLiteral("limit"), limit);
    return withType(Type, object);
}

Parsed<HistoryRequest> HistoryRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("history"));
    HistoryRequest request;
    const qint64 before = reader.optionalInteger(QStringLiteral("before")).value_or(0);
    const qint64 around = reader.optionalInteger(QStringLiteral("around")).value_or(0);
    const qint64 limit = reader.optionalInteger(QStringLiteral("limit")).value_or(0);
    if (!reader.ok() || !readTarget(reader, request.room, request.to))
        return reader.error();
    if (before < 0 || around < 0 || limit < 0) {
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("history: before, around and limit cannot be negative")};
    }
    if (before > 0 && around > 0)
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("history: at most one of before and around")};
    request.before = before;
    request.around = around;
    request.limit = static_cast<int>(qMin<qint64>(limit, std::numeric_limits<int>::max()));
    return request;
}

QJsonObject Typing::toJson() const
{
    QJsonObject object;
    insertTarget(object, room, to);
    return withType(Type, object);
}

Parsed<Typing> Typing::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("typing"));
    Typing typing;
    if (!readTarget(reader, typing.room, typing.to))
        return reader.error();
    return typing;
}

QJsonObject RoomsRequest::toJson() const
{
    return withType(Type, {});
}

Parsed<RoomsRequest> RoomsRequest::fromJson(const QJsonObject &)
{
    return RoomsRequest{};
}

QJsonObject SetTopic::toJson() const
{
    return withType(Type, {{QStringLiteral("room"), room}, {QStringLiteral("topic"), topic}});
}

Parsed<SetTopic> SetTopic::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("topic"));
    SetTopic request;
    request.room = reader.requiredString(QStringLiteral("room"));
    request.topic = reader.requiredString(QStringLiteral("topic"));
    checkRoom(reader, request.room);
    if (!reader.ok())
        return reader.error();
    return request;
}

QJsonObject Nick::toJson() const
{
    return withType(Type, {{QStringLiteral("name"), name}});
}

Parsed<Nick> Nick::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("nick"));
    Nick nick{reader.requiredString(QStringLiteral("name"))};
    checkName(reader, nick.name);
    if (!reader.ok())
        return reader.error();
    return nick;
}

QString typeOf(const ClientMessage &message)
{
    return variantType(message);
}

QJsonObject toJson(const ClientMessage &message)
{
    return variantJson(message);
}

QString encodeFrame(const ClientMessage &message)
{
    return frameText(variantJson(message));
}

Parsed<ClientMessage> decodeClientFrame(const QString &frame)
{
    return decodeFrame<ClientMessage, Hello, Prove, Join, Leave, Send, HistoryRequest, Typing, RoomsRequest, SetTopic,
                       Nick, SearchRequest, React, ReactorsRequest, ReadMarker>(frame);
}

QString errorReference(const QString &frame)
{
    QString type;
    const auto object = parseFrameObject(frame, &type);
    if (!object)
        return {};
    const QJsonValue id = object.value().value(QStringLiteral("id"));
    if (type == Send::Type && id.isString() && !validateClientId(id.toString()))
        return id.toString();
    return type.left(MaxClientIdLength);
}

} // namespace Natter::Protocol
