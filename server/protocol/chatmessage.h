#pragma once

// One chat message as it travels and is stored: in a room, or direct between two users.

#include "parsed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Natter::Protocol {

// Edit and Delete change an earlier message of the same sender, named by `target`; they take a seq of their own
// so that a reconnecting client replays them in order. React and Unreact add or take back one person's emoji on
// `target` the same way; they are stored and replayed but travel as reaction frames, never as messages.
enum class MessageKind : quint8 { Text, Action, Edit, Delete, React, Unreact };

// Whether a message of this kind is shown as a message of its own (and not a change to another one).
constexpr bool isRevision(MessageKind kind)
{
    return kind == MessageKind::Edit || kind == MessageKind::Delete;
}

// Whether a message of this kind records a reaction change (and travels as a reaction frame).
constexpr bool isReaction(MessageKind kind)
{
    return kind == MessageKind::React || kind == MessageKind::Unreact;
}

// Whether a message of this kind is a message people wrote (the only kind that can be answered, changed or reacted to).
constexpr bool isWritten(MessageKind kind)
{
    return kind == MessageKind::Text || kind == MessageKind::Action;
}

QString messageKindWord(MessageKind kind);
// The kind a file stored as its number; anything unknown reads as Text.
MessageKind messageKindFromNumber(int value);
// What a reply quotes of the message it answers: its first line, cut at ReplyQuoteLength code points ("…" added).
constexpr int ReplyQuoteLength = 100;
QString replyQuote(const QString &text);
std::optional<MessageKind> messageKindFromWord(const QString &word);

// How many people put one emoji on a message, and whether the client that reads it is one of them.
struct ReactionCount
{
    QString emoji;
    int count = 0;
    bool mine = false;

    QJsonObject toJson() const;
    friend bool operator==(const ReactionCount &, const ReactionCount &) = default;
};

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
    qint64 target = 0; // Edit and Delete: the seq of the message they change
    qint64 edited = 0; // when the text was last changed (UTC ms); 0: never
    bool deleted = false; // taken back by its sender: the text is gone
    qint64 replyTo = 0; // the seq of the message this one answers, in the same conversation; 0: none
    QString replyFrom{}; // that message's sender
    QString replyText{}; // the start of its first line (empty once it was deleted)
    QList<ReactionCount> reactions{}; // in the order the emoji were first used; `mine` is the reader's own

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
