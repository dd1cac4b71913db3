#include "chatmessage.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace Natter::Protocol {

QString messageKindWord(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Action:
        return QStringLiteral("action");
    case MessageKind::Edit:
        return QStringLiteral("edit");
    case MessageKind::Delete:
        return QStringLiteral("delete");
    case MessageKind::React:
        return QStringLiteral("react");
    case MessageKind::Unreact:
        return QStringLiteral("unreact");
    case MessageKind::Text:
        break;
    }
    return QStringLiteral("text");
}

MessageKind messageKindFromNumber(int value)
{
    return value >= 0 && value <= static_cast<int>(MessageKind::Unreact) ? static_cast<MessageKind>(value)
                                                                         : MessageKind::Text;
}

QString replyQuote(const QString &text)
{
    QString line = text.section(u'\n', 0, 0).trimmed();
    const QList<uint> codePoints = line.toUcs4();
    if (codePoints.size() <= ReplyQuoteLength)
        return line;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), ReplyQuoteLength)
        + QChar(0x2026);
}

std::optional<MessageKind> messageKindFromWord(const QString &word)
{
    if (word == u"text")
        return MessageKind::Text;
    if (word == u"action")
        return MessageKind::Action;
    if (word == u"edit")
        return MessageKind::Edit;
    if (word == u"delete")
        return MessageKind::Delete;
    return std::nullopt;
}

QJsonObject ReactionCount::toJson() const
{
    QJsonObject object{{QStringLiteral("emoji"), emoji}, {QStringLiteral("count"), count}};
    if (mine)
        object.insert(QStringLiteral("mine"), true);
    return object;
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject object{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("id"), id},
        {QStringLiteral("from"), from},
        {QStringLiteral("text"), text},
        {QStringLiteral("kind"), messageKindWord(kind)},
        {QStringLiteral("ts"), ts},
    };
    if (isDirect())
        object.insert(QStringLiteral("to"), to);
    else
        object.insert(QStringLiteral("room"), room);
    if (target > 0)
        object.insert(QStringLiteral("target"), target);
    if (edited > 0)
        object.insert(QStringLiteral("edited"), edited);
    if (deleted)
        object.insert(QStringLiteral("deleted"), true);
    if (replyTo > 0) {
        object.insert(QStringLiteral("replyTo"), replyTo);
        object.insert(QStringLiteral("replyFrom"), replyFrom);
        object.insert(QStringLiteral("replyText"), replyText);
    }
    if (!reactions.isEmpty()) {
        QJsonArray array;
        for (const ReactionCount &reaction : reactions)
            array.append(reaction.toJson());
        object.insert(QStringLiteral("reactions"), array);
    }
    return object;
}

Parsed<ChatMessage> ChatMessage::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("message"));
    ChatMessage message;
    message.room = reader.optionalString(QStringLiteral("room"));
    message.to = reader.optionalString(QStringLiteral("to"));
    message.seq = reader.requiredInteger(QStringLiteral("seq"));
    message.id = reader.requiredString(QStringLiteral("id"));
    message.from = reader.requiredString(QStringLiteral("from"));
    message.text = reader.requiredString(QStringLiteral("text"));
    message.ts = reader.requiredInteger(QStringLiteral("ts"));
    const QString kind = reader.optionalString(QStringLiteral("kind"), QStringLiteral("text"));
    message.target = reader.optionalInteger(QStringLiteral("target")).value_or(0);
    message.edited = reader.optionalInteger(QStringLiteral("edited")).value_or(0);
    message.deleted = reader.optionalBool(QStringLiteral("deleted"), false);
    message.replyTo = reader.optionalInteger(QStringLiteral("replyTo")).value_or(0);
    message.replyFrom = reader.optionalString(QStringLiteral("replyFrom"));
    message.replyText = reader.optionalString(QStringLiteral("replyText"));
    const QJsonArray reactions = reader.optionalArray(QStringLiteral("reactions"));
    if (!reader.ok())
        return reader.error();
    for (const QJsonValue &value : reactions) {
        const QJsonObject itemObject = value.toObject(); // the reader keeps a reference to it
        JsonReader item(itemObject, QStringLiteral("message.reactions"));
        ReactionCount reaction;
        reaction.emoji = item.requiredString(QStringLiteral("emoji"));
        reaction.count = static_cast<int>(item.requiredInteger(QStringLiteral("count")));
        reaction.mine = item.optionalBool(QStringLiteral("mine"), false);
        if (!value.isObject() || !item.ok() || reaction.count < 1)
            return ProtocolError{ErrorCode::BadRequest,
                                 QStringLiteral("message: each reaction has an emoji and a count of 1 or more")};
        message.reactions.append(reaction);
    }
    if (message.room.isEmpty() == message.to.isEmpty())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("message: exactly one of room and to is required")};
    const auto parsedKind = messageKindFromWord(kind);
    if (!parsedKind)
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("message: kind must be \"text\", \"action\", \"edit\" or \"delete\"")};
    message.kind = *parsedKind;
    if (isRevision(message.kind) != (message.target > 0))
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("message: edit and delete name a target seq of 1 or more, others none")};
    return message;
}

QJsonArray chatMessagesToJson(const QList<ChatMessage> &messages)
{
    QJsonArray array;
    for (const ChatMessage &message : messages)
        array.append(message.toJson());
    return array;
}

QJsonObject RoomSummary::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("members"), members},
    };
}

Parsed<RoomSummary> RoomSummary::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("room"));
    RoomSummary summary;
    summary.name = reader.requiredString(QStringLiteral("name"));
    summary.topic = reader.optionalString(QStringLiteral("topic"));
    summary.members = static_cast<int>(reader.optionalInteger(QStringLiteral("members")).value_or(0));
    if (!reader.ok())
        return reader.error();
    return summary;
}

QJsonArray roomSummariesToJson(const QList<RoomSummary> &rooms)
{
    QJsonArray array;
    for (const RoomSummary &room : rooms)
        array.append(room.toJson());
    return array;
}

} // namespace Natter::Protocol
