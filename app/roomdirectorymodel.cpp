#include "roomdirectorymodel.h"

#include "chatclient.h"

#include <QHash>

#include <algorithm>

namespace Natter {

RoomDirectoryModel::RoomDirectoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RoomDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomDirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return room.name;
    case TopicRole:
        return room.topic;
    case MemberCountRole:
        return room.members;
    case JoinedRole:
        return m_joined.contains(room.name);
    case Qt::AccessibleTextRole:
        return accessibleText(room);
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomDirectoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{NameRole, "name"}, {TopicRole, "topic"}, {MemberCountRole, "memberCount"}, {JoinedRole, "joined"}});
    return names;
}

void RoomDirectoryModel::setRooms(const QList<Protocol::RoomSummary> &rooms)
{
    // The server never repeats a room; should a list do so anyway, its first entry counts.
    QList<Room> incoming;
    QSet<QString> incomingNames;
    incoming.reserve(rooms.size());
    for (const Protocol::RoomSummary &summary : rooms) {
        if (summary.name.isEmpty() || incomingNames.contains(summary.name))
            continue;
        incomingNames.insert(summary.name);
        incoming.append(Room{summary.name, summary.topic, std::max(0, summary.members)});
    }

    if (m_rooms.isEmpty()) {
        // Nothing on screen to keep: one insert of the whole sorted list.
        std::sort(incoming.begin(), incoming.end(), sortsBefore);
        if (!incoming.isEmpty()) {
            beginInsertRows({}, 0, int(incoming.size()) - 1);
            m_rooms = std::move(incoming);
            endInsertRows();
        }
        markLoaded();
        return;
    }

    // Rooms no longer listed go first, one removal per run of neighbouring rows, from the bottom up.
    for (int last = int(m_rooms.size()) - 1; last >= 0; --last) {
        if (incomingNames.contains(m_rooms.at(last).name))
            continue;
        int first = last;
        while (first > 0 && !incomingNames.contains(m_rooms.at(first - 1).name))
            --first;
        beginRemoveRows({}, first, last);
        m_rooms.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }

    // Then every room that stays is brought up to date where it is, and the new ones are put in their places.
    QList<Room> added;
    for (const Room &room : std::as_const(incoming)) {
        const int row = rowOf(room.name);
        if (row >= 0)
            updateRow(row, room.topic, room.members);
        else
            added.append(room);
    }
    for (const Room &room : std::as_const(added))
        insertSorted(room);
    markLoaded();
}

void RoomDirectoryModel::noteRoom(const Protocol::RoomSummary &room)
{
    if (room.name.isEmpty())
        return;
    const int row = rowOf(room.name);
    if (row >= 0)
        updateRow(row, room.topic, std::max(0, room.members));
    else
        insertSorted(Room{room.name, room.topic, std::max(0, room.members)});
}

void RoomDirectoryModel::setJoinedRooms(const QStringList &rooms)
{
    QSet<QString> joined(rooms.cbegin(), rooms.cend());
    std::swap(m_joined, joined);
    for (int row = 0; row < m_rooms.size(); ++row) {
        const QString &name = m_rooms.at(row).name;
        if (m_joined.contains(name) != joined.contains(name))
            notifyChanged(row, {JoinedRole});
    }
}

void RoomDirectoryModel::noteTopic(const QString &room, const QString &topic)
{
    const int row = rowOf(room);
    if (row >= 0)
        updateRow(row, topic, m_rooms.at(row).members);
}

void RoomDirectoryModel::noteMemberCount(const QString &room, int count)
{
    const int row = rowOf(room);
    if (row >= 0)
        updateRow(row, m_rooms.at(row).topic, std::max(0, count));
}

void RoomDirectoryModel::adjustMemberCount(const QString &room, int delta)
{
    const int row = rowOf(room);
    if (row >= 0)
        updateRow(row, m_rooms.at(row).topic, std::max(0, m_rooms.at(row).members + delta));
}

void RoomDirectoryModel::clear()
{
    if (!m_rooms.isEmpty()) {
        beginResetModel();
        m_rooms.clear();
        endResetModel();
    }
    m_joined.clear();
    if (m_loaded) {
        m_loaded = false;
        emit loadedChanged();
    }
}

void RoomDirectoryModel::follow(const ChatClient *client)
{
    using namespace Protocol;
    connect(client, &ChatClient::welcomed, this, [this, client](const Welcome &welcome) {
        setRooms(welcome.rooms);
        setJoinedRooms(client->joinedRooms());
    });
    connect(client, &ChatClient::roomsListed, this, &RoomDirectoryModel::setRooms);
    connect(client, &ChatClient::joined, this, [this, client](const Joined &joined) {
        noteRoom({joined.room, joined.topic, int(joined.members.size())});
        setJoinedRooms(client->joinedRooms());
    });
    connect(client, &ChatClient::left, this, [this, client] { setJoinedRooms(client->joinedRooms()); });
    connect(client, &ChatClient::topicChanged, this,
            [this](const TopicChanged &change) { noteTopic(change.room, change.topic); });
    connect(client, &ChatClient::presenceChanged, this, [this](const Presence &presence) {
        if (!presence.room.isEmpty())
            adjustMemberCount(presence.room, presence.event == PresenceChange::Joined ? 1 : -1);
    });
}

int RoomDirectoryModel::rowOf(const QString &room) const
{
    if (room.isEmpty())
        return -1;
    const auto found =
        std::find_if(m_rooms.cbegin(), m_rooms.cend(), [&](const Room &listed) { return listed.name == room; });
    return found == m_rooms.cend() ? -1 : int(found - m_rooms.cbegin());
}

QStringList RoomDirectoryModel::names() const
{
    QStringList result;
    result.reserve(m_rooms.size());
    for (const Room &room : m_rooms)
        result.append(room.name);
    return result;
}

// Busiest first, so that where people are is where the eye lands; equal counts by name.
bool RoomDirectoryModel::sortsBefore(const Room &a, const Room &b)
{
    if (a.members != b.members)
        return a.members > b.members;
    return a.name < b.name;
}

// The row the room belongs at among all the others (ignoredRow is where it is now, if it is listed).
int RoomDirectoryModel::sortedRow(const Room &room, int ignoredRow) const
{
    int row = 0;
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (i != ignoredRow && sortsBefore(m_rooms.at(i), room))
            ++row;
    }
    return row;
}

// Puts a room whose count changed back in order with one move, and returns its row.
int RoomDirectoryModel::moveToSortedRow(int row)
{
    const int target = sortedRow(m_rooms.at(row), row);
    if (target == row)
        return row;
    // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_rooms.move(row, target);
    endMoveRows();
    return target;
}

void RoomDirectoryModel::insertSorted(const Room &room)
{
    const int row = sortedRow(room);
    beginInsertRows({}, row, row);
    m_rooms.insert(row, room);
    endInsertRows();
}

void RoomDirectoryModel::updateRow(int row, const QString &topic, int members)
{
    Room &room = m_rooms[row];
    QList<int> roles;
    if (room.topic != topic) {
        room.topic = topic;
        roles.append(TopicRole);
    }
    if (room.members != members) {
        room.members = members;
        roles.append(MemberCountRole);
        row = moveToSortedRow(row);
    }
    if (!roles.isEmpty())
        notifyChanged(row, roles);
}

void RoomDirectoryModel::notifyChanged(int row, QList<int> roles)
{
    roles.append(Qt::AccessibleTextRole); // it names every field
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, roles);
}

QString RoomDirectoryModel::accessibleText(const Room &room) const
{
    QStringList parts{tr("Room %1").arg(room.name), tr("%n member(s)", nullptr, room.members)};
    if (m_joined.contains(room.name))
        parts.append(tr("joined"));
    if (!room.topic.isEmpty())
        parts.append(tr("topic: %1").arg(room.topic));
    return parts.join(QStringLiteral(", "));
}

void RoomDirectoryModel::markLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    emit loadedChanged();
}

} // namespace Natter
