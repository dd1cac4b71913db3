#include "roomcreationgate.h"

namespace Natter {

using namespace Protocol;

RoomCreationGate::RoomCreationGate(int perHour, int maxPerCreator)
    : m_perHour(perHour)
    , m_maxPerCreator(maxPerCreator)
{ }

TokenBucket &RoomCreationGate::allowance(const QString &key, qint64 nowMs)
{
    auto it = m_allowances.find(key);
    if (it != m_allowances.end())
        return *it;
    if (m_allowances.size() >= MaxTracked) {
        // Whole allowances are the same as none: forget those first, and all of them if that is not enough.
        m_allowances.removeIf([this, nowMs](auto entry) { return entry.value().available(nowMs) >= m_perHour; });
        if (m_allowances.size() >= MaxTracked)
            m_allowances.clear();
    }
    return *m_allowances.insert(key, TokenBucket(m_perHour / 3600.0, m_perHour));
}

std::optional<ProtocolError> RoomCreationGate::admit(const QString &creator, const QString &address, qint64 nowMs)
{
    for (const QString &key : {creator, address}) {
        if (!key.isEmpty() && m_counts.value(key) >= m_maxPerCreator)
            return ProtocolError{ErrorCode::TooManyRooms,
                                 QStringLiteral("You already made %1 of this server's rooms, as many as one person may "
                                                "have; join an existing room.")
                                     .arg(m_maxPerCreator)};
    }
    qint64 waitMs = 0;
    for (const QString &key : {creator, address}) {
        if (!key.isEmpty())
            waitMs = std::max(waitMs, allowance(key, nowMs).msUntilToken(nowMs));
    }
    if (waitMs > 0) {
        const qint64 minutes = (waitMs + 59'999) / 60'000;
        return ProtocolError{ErrorCode::TooManyRooms,
                             QStringLiteral("You can make %1 new rooms an hour; try again in %2 minutes, or join an "
                                            "existing room.")
                                 .arg(m_perHour)
                                 .arg(minutes)};
    }
    for (const QString &key : {creator, address}) {
        if (!key.isEmpty())
            allowance(key, nowMs).tryTake(nowMs);
    }
    return std::nullopt;
}

void RoomCreationGate::add(const QString &room, const QString &creator, const QString &address)
{
    if (m_makers.contains(room))
        return;
    m_makers.insert(room, Maker{creator, address});
    for (const QString &key : {creator, address}) {
        if (!key.isEmpty())
            ++m_counts[key];
    }
}

void RoomCreationGate::remove(const QString &room)
{
    const auto it = m_makers.constFind(room);
    if (it == m_makers.cend())
        return;
    for (const QString &key : {it->creator, it->address}) {
        if (!key.isEmpty() && --m_counts[key] <= 0)
            m_counts.remove(key);
    }
    m_makers.erase(it);
}

} // namespace Natter
