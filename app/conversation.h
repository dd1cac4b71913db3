#pragma once

// Names one conversation: a room, or the direct conversation with one other user.

#include <QHashFunctions>
#include <QString>

namespace Natter {

struct Conversation
{
    enum class Kind { Room, Direct };

    Kind kind = Kind::Room;
    QString name; // the room's name, or the other user's name

    static Conversation room(const QString &room) { return {Kind::Room, room}; }
    static Conversation direct(const QString &peer) { return {Kind::Direct, peer}; }

    bool isValid() const { return !name.isEmpty(); }
    bool isRoom() const { return kind == Kind::Room; }
    // "#room" or "@peer": the key used in hello.since and in every per-conversation table.
    QString key() const { return (isRoom() ? QStringLiteral("#") : QStringLiteral("@")) + name; }

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

inline size_t qHash(const Conversation &conversation, size_t seed = 0)
{
    return qHashMulti(seed, static_cast<int>(conversation.kind), conversation.name);
}

} // namespace Natter
