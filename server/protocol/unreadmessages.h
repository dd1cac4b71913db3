#pragma once

// Read markers: a client says how far it has read a conversation (read), and the server tells a signed-in owner
// of a name where they stopped reading and what arrived since (unread), so that a restart or a second computer
// shows the same counts.

#include "parsed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Natter::Protocol {

// The user has seen everything up to seq in one conversation.
struct ReadMarker
{
    static constexpr QStringView Type = u"read";
    QString room; // exactly one of room and to
    QString to;
    qint64 seq = 0;

    QJsonObject toJson() const;
    static Parsed<ReadMarker> fromJson(const QJsonObject &object);
    friend bool operator==(const ReadMarker &, const ReadMarker &) = default;
};

struct UnreadCount
{
    // Counts stop here: a badge shows "999+" long before anyone reads that far.
    static constexpr int MaxUnread = 1000;
    static constexpr int MaxMentions = 100;

    QString room; // exactly one of room and to
    QString to;
    qint64 read = 0; // the newest seq the user read
    int unread = 0; // text and action messages of others after it, at most MaxUnread
    int mentions = 0; // those of them that name the user, at most MaxMentions
    QJsonObject toJson() const;
    static Parsed<UnreadCount> fromJson(const QJsonObject &object);
    friend bool operator==(const UnreadCount &, const UnreadCount &) = default;
};

// Sent after the welcome's replay, and after a join, for the conversations the user has a read marker in. The
// counts include every message the client was sent before this frame.
struct UnreadCounts
{
    static constexpr QStringView Type = u"unread";
    // Conversations listed at most, the most recently read first.
    static constexpr int MaxConversations = 200;
    QList<UnreadCount> conversations;

    QJsonObject toJson() const;
    static Parsed<UnreadCounts> fromJson(const QJsonObject &object);
    friend bool operator==(const UnreadCounts &, const UnreadCounts &) = default;
};

} // namespace Natter::Protocol
