#pragma once

// Who may make a new room. Each creator (a key; guests count by their address alone) and each address (see
// addressGroup) may make `perHour` new rooms an hour, in a burst of as many, and may have at most `maxPerCreator`
// rooms that still exist, so that nobody can use up the server's room cap alone. Remembers who made each room.

#include "errorcode.h"
#include "tokenbucket.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Natter {

class RoomCreationGate
{
public:
    static constexpr int MaxTracked = 10'000; // creators and addresses with an hourly allowance in use

    RoomCreationGate(int perHour, int maxPerCreator);

    // Why `creator` (a key's party; empty for a guest) from `address` may not make a new room now; nullopt if it
    // may, and then one of the hour's allowance is used.
    std::optional<Protocol::ProtocolError> admit(const QString &creator, const QString &address, qint64 nowMs);
    // A room that exists, and who made it (rooms from before creators were recorded have neither).
    void add(const QString &room, const QString &creator, const QString &address);
    void remove(const QString &room);
    int roomsBy(const QString &creatorOrAddress) const { return m_counts.value(creatorOrAddress); }

private:
    struct Maker
    {
        QString creator;
        QString address;
    };
    // The hourly allowance of a creator or address, made on first use.
    TokenBucket &allowance(const QString &key, qint64 nowMs);

    const int m_perHour;
    const int m_maxPerCreator;
    QHash<QString, Maker> m_makers; // by room
    QHash<QString, int> m_counts; // rooms that exist, by creator and by address
    QHash<QString, TokenBucket> m_allowances;
};

} // namespace Natter
