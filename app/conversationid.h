#pragma once

// Names one conversation: a room, or the direct conversation with one other user. Two ids are the same
// conversation when their kinds match and their names have the same name key (Protocol::nameKey): "Bob" and
// "BOB" are one person, as they are to the server.

#include <QHashFunctions>
#include <QString>

namespace Natter {

struct ConversationId
{
    enum class Kind { Room, Direct };

    Kind kind = Kind::Room;
    QString name; // the room's name, or the other user's name as last spelled

    static ConversationId room(const QString &room) { return {Kind::Room, room}; }
    static ConversationId direct(const QString &peer) { return {Kind::Direct, peer}; }

    bool isValid() const { return !name.isEmpty(); }
    bool isRoom() const { return kind == Kind::Room; }
    // "#room" or "@" + the peer's name key: the identity used in every per-conversation table and in the cache.
    QString key() const;
    // What hello.since calls it: the room's name, or "@" + the peer's name as spelled.
    QString sinceKey() const;
    // Parses key() or sinceKey() back; invalid for anything else.
    static ConversationId fromKey(const QString &key);

    friend bool operator==(const ConversationId &a, const ConversationId &b);
};

size_t qHash(const ConversationId &conversation, size_t seed = 0);

} // namespace Natter
