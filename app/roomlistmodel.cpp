#include "roomlistmodel.h"

#include "chatmessage.h"

#include <algorithm>
#include <utility>

namespace Natter {

namespace {

// Case-insensitive first, then exact, so that two names never compare equal unless they are.
int compareNames(const QString &a, const QString &b)
{
    const int folded = QString::compare(a, b, Qt::CaseInsensitive);
    return folded != 0 ? folded : QString::compare(a, b);
}

} // namespace

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.conversation.name;
    case KeyRole:
        return entry.conversation.key();
    case KindRole:
        return int(entry.conversation.kind);
    case TopicRole:
        return entry.topic;
    case UnreadRole:
        return entry.unread;
    case LastActivityRole:
        return entry.lastActivity;
    case SectionRole:
        return entry.conversation.isRoom() ? tr("Rooms") : tr("Direct messages");
    case MemberCountRole:
        return entry.memberCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {KeyRole, "key"},
        {NameRole, "name"},
        {KindRole, "kind"},
        {TopicRole, "topic"},
        {UnreadRole, "unread"},
        {LastActivityRole, "lastActivity"},
        {SectionRole, "section"},
        {MemberCountRole, "memberCount"},
    });
    return names;
}

void RoomListModel::addConversation(const ConversationId &conversation)
{
    if (!conversation.isValid() || contains(conversation))
        return;
    const Entry entry{conversation};
    const int row = sortedRow(entry);
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
}

void RoomListModel::removeConversation(const ConversationId &conversation)
{
    const int row = rowOf(conversation);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    const Entry removed = m_entries.takeAt(row);
    endRemoveRows();
    changeTotalUnread(-removed.unread);
}

void RoomListModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    changeTotalUnread(-m_totalUnread);
}

bool RoomListModel::contains(const ConversationId &conversation) const
{
    return rowOf(conversation) >= 0;
}

int RoomListModel::rowOf(const ConversationId &conversation) const
{
    const auto found = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                    [&](const Entry &entry) { return entry.conversation == conversation; });
    return found == m_entries.cend() ? -1 : int(found - m_entries.cbegin());
}

ConversationId RoomListModel::conversationAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).conversation : ConversationId{};
}

QList<ConversationId> RoomListModel::conversations() const
{
    QList<ConversationId> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.conversation);
    return result;
}

void RoomListModel::setTopic(const QString &room, const QString &topic)
{
    const int row = roomRow(room);
    if (row < 0 || m_entries.at(row).topic == topic)
        return;
    m_entries[row].topic = topic;
    notifyChanged(row, {TopicRole});
}

void RoomListModel::setMemberCount(const QString &room, int count)
{
    const int row = roomRow(room);
    if (row < 0 || m_entries.at(row).memberCount == count)
        return;
    m_entries[row].memberCount = count;
    notifyChanged(row, {MemberCountRole});
}

void RoomListModel::applyRoomSummaries(const QList<Protocol::RoomSummary> &rooms)
{
    for (const Protocol::RoomSummary &summary : rooms) {
        const int row = roomRow(summary.name);
        if (row < 0)
            continue;
        Entry &entry = m_entries[row];
        QList<int> roles;
        if (entry.topic != summary.topic) {
            entry.topic = summary.topic;
            roles.append(TopicRole);
        }
        if (entry.memberCount != summary.members) {
            entry.memberCount = summary.members;
            roles.append(MemberCountRole);
        }
        if (!roles.isEmpty())
            notifyChanged(row, roles);
    }
}

void RoomListModel::noteActivity(const ConversationId &conversation, const QDateTime &when)
{
    int row = rowOf(conversation);
    if (row < 0 || !when.isValid())
        return;
    const QDateTime &known = m_entries.at(row).lastActivity;
    if (known.isValid() && when <= known)
        return; // history arriving late, or a replay: the latest message stays the latest
    m_entries[row].lastActivity = when;
    row = moveToSortedRow(row);
    notifyChanged(row, {LastActivityRole});
}

void RoomListModel::incrementUnread(const ConversationId &conversation)
{
    const int row = rowOf(conversation);
    if (row < 0)
        return;
    ++m_entries[row].unread;
    notifyChanged(row, {UnreadRole});
    changeTotalUnread(1);
}

void RoomListModel::clearUnread(const ConversationId &conversation)
{
    const int row = rowOf(conversation);
    if (row < 0 || m_entries.at(row).unread == 0)
        return;
    const int cleared = std::exchange(m_entries[row].unread, 0);
    notifyChanged(row, {UnreadRole});
    changeTotalUnread(-cleared);
}

int RoomListModel::unread(const ConversationId &conversation) const
{
    const int row = rowOf(conversation);
    return row < 0 ? 0 : m_entries.at(row).unread;
}

int RoomListModel::totalUnread() const
{
    return m_totalUnread;
}

void RoomListModel::renameDirect(const QString &oldName, const QString &newName)
{
    const int row = rowOf(ConversationId::direct(oldName));
    if (row < 0 || newName.isEmpty() || oldName == newName)
        return;

    const int existingRow = rowOf(ConversationId::direct(newName));
    if (existingRow < 0) {
        m_entries[row].conversation.name = newName;
        notifyChanged(moveToSortedRow(row), {Qt::DisplayRole, KeyRole, NameRole});
        return;
    }

    // Both names now mean the same person: keep one row, holding the unread messages and latest time of both.
    const Entry renamed = m_entries.at(row);
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();

    int target = rowOf(ConversationId::direct(newName));
    Entry &entry = m_entries[target];
    QList<int> roles;
    if (renamed.unread > 0) {
        entry.unread += renamed.unread;
        roles.append(UnreadRole);
    }
    if (renamed.lastActivity.isValid()
        && (!entry.lastActivity.isValid() || renamed.lastActivity > entry.lastActivity)) {
        entry.lastActivity = renamed.lastActivity;
        roles.append(LastActivityRole);
        target = moveToSortedRow(target);
    }
    if (!roles.isEmpty())
        notifyChanged(target, roles);
}

bool RoomListModel::sortsBefore(const Entry &a, const Entry &b)
{
    const ConversationId &left = a.conversation;
    const ConversationId &right = b.conversation;
    if (left.kind != right.kind)
        return left.isRoom();
    if (!left.isRoom() && a.lastActivity != b.lastActivity) {
        // Newest first; a conversation without any message yet goes after all that have one.
        if (!a.lastActivity.isValid() || !b.lastActivity.isValid())
            return a.lastActivity.isValid();
        return a.lastActivity > b.lastActivity;
    }
    return compareNames(left.name, right.name) < 0;
}

// The row the entry belongs at among all the others (ignoredRow is where it is now, if it is listed).
int RoomListModel::sortedRow(const Entry &entry, int ignoredRow) const
{
    int row = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (i != ignoredRow && sortsBefore(m_entries.at(i), entry))
            ++row;
    }
    return row;
}

// Puts a changed entry back in order with one move, and returns its row.
int RoomListModel::moveToSortedRow(int row)
{
    const int target = sortedRow(m_entries.at(row), row);
    if (target == row)
        return row;
    // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_entries.move(row, target);
    endMoveRows();
    return target;
}

int RoomListModel::roomRow(const QString &room) const
{
    return rowOf(ConversationId::room(room));
}

void RoomListModel::notifyChanged(int row, const QList<int> &roles)
{
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, roles);
}

void RoomListModel::changeTotalUnread(int delta)
{
    if (delta == 0)
        return;
    m_totalUnread += delta;
    emit totalUnreadChanged(m_totalUnread);
}

} // namespace Natter
