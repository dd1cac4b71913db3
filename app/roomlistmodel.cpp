#include "roomlistmodel.h"

#include "conversation.h"

#include <algorithm>

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
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation *conversation = m_rows.at(index.row()).object;
    if (!conversation)
        return {};
    const ConversationId id = conversation->id();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return id.name;
    case Qt::AccessibleTextRole: {
        QString text = id.isRoom() ? tr("Room %1").arg(id.name) : tr("Direct messages with %1").arg(id.name);
        if (id.isRoom() && conversation->unreadMentions() > 0)
            text = tr("%1, %n unread, mentioned", nullptr, conversation->unread()).arg(text);
        else if (conversation->unread() > 0)
            text = tr("%1, %n unread", nullptr, conversation->unread()).arg(text);
        return text;
    }
    case KeyRole:
        return id.key();
    case KindRole:
        return int(id.kind);
    case TopicRole:
        return conversation->topic();
    case UnreadRole:
        return conversation->unread();
    case LastActivityRole:
        return conversation->lastActivity();
    case SectionRole:
        return id.isRoom() ? tr("Rooms") : tr("Direct messages");
    case MemberCountRole:
        return conversation->memberCount();
    case MentionRole:
        return id.isRoom() ? conversation->unreadMentions() : conversation->unread();
    case OnlineRole:
        return id.isRoom() || conversation->isPeerOnline();
    case HasDraftRole:
        return !conversation->draft().trimmed().isEmpty();
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
        {MentionRole, "mentions"},
        {OnlineRole, "online"},
        {HasDraftRole, "hasDraft"},
    });
    return names;
}

void RoomListModel::addConversation(Conversation *conversation)
{
    if (!conversation || !conversation->id().isValid() || contains(conversation->id()))
        return;
    const Row row = rowFor(conversation);
    const int at = insertionRow(row);
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    m_placed.insert(row.id, row);
    endInsertRows();
    connect(conversation, &Conversation::summaryChanged, this,
            [this, conversation] { onSummaryChanged(conversation); });
    connect(conversation, &QObject::destroyed, this, [this, id = row.id] { removeConversation(id); });
    setTotalUnread(m_totalUnread + row.unread);
}

void RoomListModel::removeConversation(const ConversationId &conversation)
{
    const int row = rowOf(conversation);
    if (row < 0)
        return;
    const Row removed = m_rows.at(row);
    if (removed.object)
        disconnect(removed.object, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_placed.remove(removed.id);
    endRemoveRows();
    setTotalUnread(m_totalUnread - removed.unread);
}

void RoomListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    for (const Row &row : std::as_const(m_rows)) {
        if (row.object)
            disconnect(row.object, nullptr, this, nullptr);
    }
    m_rows.clear();
    m_placed.clear();
    endResetModel();
    setTotalUnread(0);
}

bool RoomListModel::contains(const ConversationId &conversation) const
{
    return m_placed.contains(conversation);
}

int RoomListModel::rowOf(const ConversationId &conversation) const
{
    const auto placed = m_placed.constFind(conversation);
    return placed == m_placed.cend() ? -1 : insertionRow(*placed);
}

ConversationId RoomListModel::conversationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : ConversationId{};
}

Conversation *RoomListModel::objectAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).object.data() : nullptr;
}

QList<ConversationId> RoomListModel::conversations() const
{
    QList<ConversationId> result;
    result.reserve(m_rows.size());
    for (const Row &row : m_rows)
        result.append(row.id);
    return result;
}

int RoomListModel::unread(const ConversationId &conversation) const
{
    return m_placed.value(conversation).unread;
}

ConversationId RoomListModel::nextUnread(const ConversationId &from, int step) const
{
    const int count = int(m_rows.size());
    if (count == 0)
        return {};
    const int start = rowOf(from);
    step = step < 0 ? -1 : 1;
    int row = start < 0 ? (step > 0 ? -1 : count) : start;
    for (int i = 0; i < count; ++i) {
        row = ((row + step) % count + count) % count;
        if (row != start && m_rows.at(row).unread > 0)
            return m_rows.at(row).id;
    }
    return {};
}

void RoomListModel::onSummaryChanged(Conversation *conversation)
{
    const auto placed = m_placed.find(conversation->id());
    if (placed == m_placed.end())
        return;
    int row = insertionRow(*placed);
    const Row before = m_rows.at(row);
    const Row after = rowFor(conversation);
    *placed = after;
    m_rows[row] = after;
    if (sortsBefore(before, after) || sortsBefore(after, before)) {
        // Its neighbours are still in order without it: a binary search among them says where it goes.
        m_rows.removeAt(row);
        const int target = insertionRow(after);
        m_rows.insert(row, after);
        if (target != row) {
            // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            m_rows.move(row, target);
            endMoveRows();
            row = target;
        }
    }
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
    setTotalUnread(m_totalUnread - before.unread + after.unread);
}

RoomListModel::Row RoomListModel::rowFor(Conversation *conversation)
{
    return {conversation, conversation->id(), conversation->lastActivity(), conversation->unread()};
}

bool RoomListModel::sortsBefore(const Row &a, const Row &b)
{
    if (a.id.kind != b.id.kind)
        return a.id.isRoom();
    if (!a.id.isRoom() && a.lastActivity != b.lastActivity) {
        // Newest first; a conversation without any message yet goes after all that have one.
        if (!a.lastActivity.isValid() || !b.lastActivity.isValid())
            return a.lastActivity.isValid();
        return a.lastActivity > b.lastActivity;
    }
    return compareNames(a.id.name, b.id.name) < 0;
}

int RoomListModel::insertionRow(const Row &row) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, sortsBefore) - m_rows.cbegin());
}

void RoomListModel::setTotalUnread(int total)
{
    if (total == m_totalUnread)
        return;
    m_totalUnread = total;
    emit totalUnreadChanged(total);
}

} // namespace Natter
