#pragma once

// One chat message as it travels and is stored: in a room, or direct between two users.

#include "parsed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Natter::Protocol {

enum class MessageKind { Text, Action };

QString messageKindWord(MessageKind kind);
std::optional<MessageKind> messageKindFromWord(const QString &word);

struct ChatMessage
{
    QString room; // empty for a direct message
    QString to; // the recipient of a direct message
    QString from;
    QString id; // the sender's own id, unique per sender
    QString text;
    MessageKind kind = MessageKind::Text;
    qint64 seq = 0; // per room or direct pair, assigned by the server
    qint64 ts = 0; // UTC milliseconds, assigned by the server

    bool isDirect() const { return room.isEmpty(); }

    // The fields without "type"; used inside message, joined.history and history.messages.
    QJsonObject toJson() const;
    static Parsed<ChatMessage> fromJson(const QJsonObject &object);

    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

QJsonArray chatMessagesToJson(const QList<ChatMessage> &messages);

struct RoomSummary
{
    QString name;
    QString topic;
    int members = 0;

    QJsonObject toJson() const;
    static Parsed<RoomSummary> fromJson(const QJsonObject &object);

    friend bool operator==(const RoomSummary &, const RoomSummary &) = default;
};

QJsonArray roomSummariesToJson(const QList<RoomSummary> &rooms);

} // namespace Natter::Protocol
