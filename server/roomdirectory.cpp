#include "roomdirectory.h"

#include "clientsession.h"

#include <algorithm>

namespace Natter {

bool RoomDirectory::ensure(const QString &room, const QString &topic)
{
    if (m_rooms.contains(room))
        return false;
    m_rooms.insert(room, Room{topic, {}});
    return true;
}

QString RoomDirectory::topic(const QString &room) const
{
    return m_rooms.value(room).topic;
}

void RoomDirectory::setTopic(const QString &room, const QString &topic)
{
    ensure(room);
    m_rooms[room].topic = topic;
}

bool RoomDirectory::addMember(const QString &room, ClientSession *session)
{
    ensure(room);
    QList<ClientSession *> &members = m_rooms[room].members;
    if (members.contains(session))
        return false;
    members.append(session);
    return true;
}

bool RoomDirectory::removeMember(const QString &room, ClientSession *session)
{
    const auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return false;
    return it->members.removeOne(session);
}

void RoomDirectory::replaceMember(ClientSession *session, ClientSession *replacement)
{
    for (Room &room : m_rooms) {
        const qsizetype index = room.members.indexOf(session);
        if (index >= 0)
            room.members[index] = replacement;
    }
}

const QList<ClientSession *> &RoomDirectory::members(const QString &room) const
{
    static const QList<ClientSession *> none;
    const auto it = m_rooms.constFind(room);
    return it == m_rooms.cend() ? none : it->members;
}

QStringList RoomDirectory::memberNames(const QString &room) const
{
    QStringList names;
    for (const ClientSession *session : members(room))
        names.append(session->name());
    return names;
}

QHash<QString, QByteArray> RoomDirectory::memberKeys(const QString &room) const
{
    QHash<QString, QByteArray> keys;
    for (const ClientSession *session : members(room)) {
        if (!session->isGuest())
            keys.insert(session->name(), session->publicKey());
    }
    return keys;
}

QList<Protocol::RoomSummary> RoomDirectory::summaries() const
{
    QList<Protocol::RoomSummary> list;
    list.reserve(m_rooms.size());
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it)
        list.append({it.key(), it->topic, static_cast<int>(it->members.size())});
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return list;
}

} // namespace Natter
