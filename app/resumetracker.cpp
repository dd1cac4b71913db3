#include "resumetracker.h"

namespace Natter {

void ResumeTracker::reset(const QList<ResumePoint> &points)
{
    m_rooms.clear();
    m_lastSeq.clear();
    for (const ResumePoint &point : points) {
        if (!point.conversation.isValid())
            continue;
        if (point.conversation.isRoom())
            m_rooms.insert(point.conversation.name);
        m_lastSeq.insert(point.conversation, std::max<qint64>(0, point.lastSeq));
    }
}

void ResumeTracker::follow(const ConversationId &direct)
{
    if (direct.isValid() && !direct.isRoom() && !m_lastSeq.contains(direct))
        m_lastSeq.insert(direct, 0);
}

void ResumeTracker::unfollow(const ConversationId &direct)
{
    if (!direct.isRoom())
        m_lastSeq.remove(direct);
}

void ResumeTracker::joined(const QString &room)
{
    m_rooms.insert(room);
    const ConversationId id = ConversationId::room(room);
    m_lastSeq.insert(id, m_lastSeq.value(id)); // a room is resumed even before its first message
}

void ResumeTracker::left(const QString &room)
{
    m_rooms.remove(room);
    m_lastSeq.remove(ConversationId::room(room));
}

void ResumeTracker::noteSeq(const ConversationId &conversation, qint64 seq)
{
    // Only what is followed or joined: a message from a stranger the app did not list is not asked for again.
    const auto found = m_lastSeq.find(conversation);
    if (found != m_lastSeq.end())
        *found = std::max(*found, seq);
}

QStringList ResumeTracker::rooms() const
{
    QStringList rooms(m_rooms.cbegin(), m_rooms.cend());
    rooms.sort();
    return rooms;
}

QHash<QString, qint64> ResumeTracker::since(QSet<QString> *namedRooms) const
{
    QHash<QString, qint64> since;
    for (auto it = m_lastSeq.cbegin(); it != m_lastSeq.cend(); ++it) {
        // Every direct conversation, even one with nothing seen yet: what arrived while this client was away is
        // only recovered by naming it (the server keeps no list of a user's direct conversations).
        const bool room = it.key().isRoom();
        if (!room || (it.value() > 0 && m_rooms.contains(it.key().name))) {
            since.insert(it.key().sinceKey(), it.value());
            if (room && namedRooms)
                namedRooms->insert(it.key().name);
        }
    }
    return since;
}

QStringList ResumeTracker::roomsToJoin() const
{
    QStringList rooms;
    for (const QString &room : this->rooms()) {
        if (m_lastSeq.value(ConversationId::room(room)) <= 0)
            rooms.append(room);
    }
    return rooms;
}

} // namespace Natter
