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
    const Conversation *conversation = m_rows.at(index.row());
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
    const int row = sortedRow(conversation);
    beginInsertRows({}, row, row);
    m_rows.insert(row, conversation);
    endInsertRows();
    connect(conversation, &Conversation::summaryChanged, this,
            [this, conversation] { onSummaryChanged(conversation); });
    connect(conversation, &QObject::destroyed, this, [this, id = conversation->id()] { removeConversation(id); });
    updateTotalUnread();
}

void RoomListModel::removeConversation(const ConversationId &conversation)
{
    // A destroyed object leaves a null pointer behind: remove that row too.
    for (int row = 0; row < m_rows.size(); ++row) {
        Conversation *listed = m_rows.at(row);
        if (listed && !(listed->id() == conversation))
            continue;
        if (listed)
            disconnect(listed, nullptr, this, nullptr);
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        --row;
    }
    updateTotalUnread();
}

void RoomListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    for (Conversation *conversation : std::as_const(m_rows)) {
        if (conversation)
            disconnect(conversation, nullptr, this, nullptr);
    }
    m_rows.clear();
    endResetModel();
    updateTotalUnread();
}

bool RoomListModel::contains(const ConversationId &conversation) const
{
    return rowOf(conversation) >= 0;
}

int RoomListModel::rowOf(const ConversationId &conversation) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row) && m_rows.at(row)->id() == conversation)
            return row;
    }
    return -1;
}

ConversationId RoomListModel::conversationAt(int row) const
{
    const Conversation *conversation = objectAt(row);
    return conversation ? conversation->id() : ConversationId{};
}

Conversation *RoomListModel::objectAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).data() : nullptr;
}

QList<ConversationId> RoomListModel::conversations() const
{
    QList<ConversationId> result;
    result.reserve(m_rows.size());
    for (const Conversation *conversation : m_rows) {
        if (conversation)
            result.append(conversation->id());
    }
    return result;
}

int RoomListModel::unread(const ConversationId &conversation) const
{
    const Conversation *listed = objectAt(rowOf(conversation));
    return listed ? listed->unread() : 0;
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
        const Conversation *conversation = m_rows.at(row);
        if (row != start && conversation && conversation->unread() > 0)
            return conversation->id();
    }
    return {};
}

void RoomListModel::onSummaryChanged(Conversation *conversation)
{
    int row = rowOf(conversation->id());
    if (row < 0)
        return;
    row = moveToSortedRow(row);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
    updateTotalUnread();
}

bool RoomListModel::sortsBefore(const Conversation *a, const Conversation *b)
{
    const ConversationId left = a->id();
    const ConversationId right = b->id();
    if (left.kind != right.kind)
        return left.isRoom();
    if (!left.isRoom() && a->lastActivity() != b->lastActivity()) {
        // Newest first; a conversation without any message yet goes after all that have one.
        if (!a->lastActivity().isValid() || !b->lastActivity().isValid())
            return a->lastActivity().isValid();
        return a->lastActivity() > b->lastActivity();
    }
    return compareNames(left.name, right.name) < 0;
}

// The row the conversation belongs at among all the others (ignoredRow is where it is now, if it is listed).
int RoomListModel::sortedRow(const Conversation *conversation, int ignoredRow) const
{
    int row = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (i != ignoredRow && m_rows.at(i) && sortsBefore(m_rows.at(i), conversation))
            ++row;
    }
    return row;
}

// Puts a changed row back in order with one move, and returns its row.
int RoomListModel::moveToSortedRow(int row)
{
    const int target = sortedRow(m_rows.at(row), row);
    if (target == row)
        return row;
    // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_rows.move(row, target);
    endMoveRows();
    return target;
}

void RoomListModel::updateTotalUnread()
{
    int total = 0;
    for (const Conversation *conversation : std::as_const(m_rows)) {
        if (conversation)
            total += conversation->unread();
    }
    if (total == m_totalUnread)
        return;
    m_totalUnread = total;
    emit totalUnreadChanged(total);
}

} // namespace Natter
