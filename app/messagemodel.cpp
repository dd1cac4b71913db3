#include "messagemodel.h"

#include "validation.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

MessageModel::MessageModel(const ConversationId &conversation, QObject *parent)
    : QAbstractListModel(parent)
    , m_conversation(conversation)
{ }

void MessageModel::setOwnName(const QString &name)
{
    const QString key = Protocol::nameKey(name);
    m_ownName = name;
    if (key == m_ownKey && name == m_mention.name())
        return;
    m_ownKey = key;
    m_mention = MentionMatcher(name);
    // Rows still on their way are this user's own whatever name they were shown under: a restart lists them from
    // the cache before the client knows the user's name.
    const bool hasUnconfirmed = m_rows.size() > m_confirmedCount;
    if (hasUnconfirmed && !name.isEmpty()) {
        const quint32 sender = m_senders.indexOf(name);
        for (qsizetype row = m_confirmedCount; row < m_rows.size(); ++row)
            m_rows[row].sender = sender;
    }
    if (!m_rows.isEmpty()) {
        QList<int> roles{IsOwnRole, MentionRole, Qt::AccessibleTextRole};
        if (hasUnconfirmed)
            roles << SenderRole << FirstOfGroupRole; // a new sender may join or leave the group above
        emit dataChanged(index(0), index(rowCount() - 1), roles);
    }
}

void MessageModel::setUnreadMarker(qint64 afterSeq)
{
    if (afterSeq == m_unreadMarker)
        return;
    const int former = unreadMarkerRow();
    m_unreadMarker = afterSeq;
    notifyUnreadMarkerMoved(former);
}

int MessageModel::unreadMarkerRow() const
{
    if (m_unreadMarker == 0)
        return -1;
    const int row = confirmedPosition(std::max<qint64>(m_unreadMarker + 1, 0));
    return row < m_confirmedCount ? row : -1;
}

void MessageModel::notifyUnreadMarkerMoved(int formerRow)
{
    const int row = unreadMarkerRow();
    if (row == formerRow)
        return;
    if (formerRow >= 0 && formerRow < m_rows.size())
        emit dataChanged(index(formerRow), index(formerRow), {UnreadMarkerRole});
    if (row >= 0)
        emit dataChanged(index(row), index(row), {UnreadMarkerRole});
}

void MessageModel::addMessage(const ChatMessage &message)
{
    if (Protocol::isRevision(message.kind)) {
        applyRevision(message);
        return;
    }
    const int position = confirmedPosition(message.seq);
    if (hasConfirmedSeq(message.seq, position))
        return;
    if (const int echo = unconfirmedRowFor(message); echo >= 0) {
        confirmRow(echo, message.seq, message.ts, &message);
        return;
    }
    insertConfirmed(position, makeRow(message));
}

void MessageModel::addPending(const QString &id, const QString &from, const QString &text, MessageKind kind,
                              const MessageQuote &reply)
{
    if (unconfirmedRow(id) >= 0)
        return;
    if (reply.seq > 0)
        m_quotes.insert(id, reply);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int position = rowCount();
    beginInsertRows(QModelIndex(), position, position);
    m_rows.append(
        Row{id, text, 0, now, m_days.dayOf(now), m_senders.indexOf(from), kind, false, false, DeliveryState::Pending});
    endInsertRows();
}

void MessageModel::markSent(const QString &id, qint64 seq, qint64 ts)
{
    if (const int row = unconfirmedRow(id); row >= 0)
        confirmRow(row, seq, ts, nullptr);
}

void MessageModel::markFailed(const QString &id, const QString &reason)
{
    const int row = unconfirmedRow(id);
    if (row < 0)
        return;
    if (reason.isEmpty())
        m_failureReasons.remove(id);
    else
        m_failureReasons.insert(id, reason);
    if (m_rows.at(row).state == DeliveryState::Failed) {
        emit dataChanged(index(row), index(row), {FailureReasonRole, Qt::AccessibleTextRole});
        return;
    }
    setUnconfirmedState(id, DeliveryState::Failed);
}

void MessageModel::removeUnconfirmed(const QString &id)
{
    if (const int row = unconfirmedRow(id); row >= 0) {
        m_failureReasons.remove(id);
        removeRowAt(row);
    }
}

void MessageModel::markPending(const QString &id)
{
    m_failureReasons.remove(id);
    setUnconfirmedState(id, DeliveryState::Pending);
}

void MessageModel::prependHistory(const QList<ChatMessage> &messages, bool more)
{
    QList<const ChatMessage *> ordered;
    ordered.reserve(messages.size());
    for (const ChatMessage &message : messages)
        ordered.append(&message);
    const auto bySeq = [](const ChatMessage *a, const ChatMessage *b) { return a->seq < b->seq; };
    if (!std::is_sorted(ordered.cbegin(), ordered.cend(), bySeq))
        std::stable_sort(ordered.begin(), ordered.end(), bySeq);

    // Older than everything shown: one block at the top. The rest (a gap being filled, or the server's copy
    // of a message still shown as pending) goes through addMessage, which is rare.
    const qint64 oldest = m_confirmedCount > 0 ? m_rows.constFirst().seq : std::numeric_limits<qint64>::max();
    const bool hasUnconfirmed = m_rows.size() > m_confirmedCount;
    QList<Row> block;
    block.reserve(ordered.size());
    QList<const ChatMessage *> others;
    qint64 previousSeq = std::numeric_limits<qint64>::min();
    for (const ChatMessage *message : std::as_const(ordered)) {
        if (message->seq == previousSeq)
            continue;
        previousSeq = message->seq;
        // An edit or delete is no row: it changes one (the stored copies in this page are changed already).
        if (!Protocol::isRevision(message->kind) && message->seq < oldest
            && !(hasUnconfirmed && unconfirmedRowFor(*message) >= 0))
            block.append(makeRow(*message));
        else
            others.append(message);
    }

    const bool hadMoreHistory = m_hasMoreHistory;
    if (!block.isEmpty()) {
        const auto formerFirst = presentationAt(0);
        const int marker = unreadMarkerRow();
        const qsizetype count = block.size();
        beginInsertRows(QModelIndex(), 0, static_cast<int>(count - 1));
        m_rows.insert(0, count, Row{}); // QList keeps spare room at the front, so repeated pages stay cheap
        std::move(block.begin(), block.end(), m_rows.begin());
        m_confirmedCount += count;
        // Settled before endInsertRows(): a view may call fetchMore() from rowsInserted for the next page.
        m_hasMoreHistory = more;
        m_historyRequested = false;
        endInsertRows();
        notifyPresentation(static_cast<int>(count), formerFirst);
        notifyUnreadMarkerMoved(marker >= 0 ? marker + static_cast<int>(count) : -1);
    } else {
        m_hasMoreHistory = more;
        m_historyRequested = false;
    }
    for (const ChatMessage *message : std::as_const(others))
        addMessage(*message);
    if (hadMoreHistory != m_hasMoreHistory)
        emit hasMoreHistoryChanged();
}

void MessageModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_confirmedCount = 0;
    m_failureReasons.clear();
    m_quotes.clear();
    m_hasMoreHistory = true;
    m_historyRequested = false;
    endResetModel();
    emit hasMoreHistoryChanged();
}

bool MessageModel::containsSeq(qint64 seq) const
{
    return hasConfirmedSeq(seq, confirmedPosition(seq));
}

qint64 MessageModel::oldestSeq() const
{
    return m_confirmedCount > 0 ? m_rows.constFirst().seq : 0;
}

qint64 MessageModel::newestSeq() const
{
    return m_confirmedCount > 0 ? m_rows.at(m_confirmedCount - 1).seq : 0;
}

QList<QString> MessageModel::pendingIds() const
{
    QList<QString> ids;
    for (qsizetype row = m_confirmedCount; row < m_rows.size(); ++row) {
        if (m_rows.at(row).state == DeliveryState::Pending)
            ids.append(m_rows.at(row).id);
    }
    return ids;
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    if (!index.isValid() || row >= m_rows.size())
        return {};
    const Row &message = m_rows.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case SenderRole:
        return m_senders.name(message.sender);
    case KindRole:
        return static_cast<int>(message.kind);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(message.ts);
    case SeqRole:
        return message.seq;
    case IdRole:
        return message.id;
    case StateRole:
        return static_cast<int>(message.state);
    case IsOwnRole:
        return isOwn(message);
    case FirstOfGroupRole:
        return isFirstOfGroup(row);
    case DayChangeRole:
        return isDayChange(row);
    case MentionRole:
        return !isOwn(message) && m_mention.matches(message.text);
    case UnreadMarkerRole:
        return row == unreadMarkerRow();
    case FailureReasonRole:
        return message.state == DeliveryState::Failed ? m_failureReasons.value(message.id) : QString();
    case EditedRole:
        return message.edited;
    case DeletedRole:
        return message.deleted;
    case ReplyToRole:
        return m_quotes.of(message.id).seq;
    case ReplyFromRole:
        return m_quotes.of(message.id).from;
    case ReplyTextRole:
        return m_quotes.of(message.id).text;
    case Qt::AccessibleTextRole:
        return accessibleText(message);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {SenderRole, "sender"},
        {TextRole, "text"},
        {KindRole, "kind"},
        {TimestampRole, "timestamp"},
        {SeqRole, "seq"},
        {IdRole, "messageId"}, // "id" is reserved in QML
        {StateRole, "deliveryState"},
        {IsOwnRole, "isOwn"},
        {FirstOfGroupRole, "firstOfGroup"},
        {DayChangeRole, "dayChange"},
        {MentionRole, "mention"},
        {UnreadMarkerRole, "unreadMarker"},
        {FailureReasonRole, "failureReason"},
        {EditedRole, "edited"},
        {DeletedRole, "deleted"},
        {ReplyToRole, "replyTo"},
        {ReplyFromRole, "replyFrom"},
        {ReplyTextRole, "replyText"},
    });
    return names;
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMoreHistory && !m_historyRequested;
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_historyRequested = true;
    emit historyRequested(oldestSeq());
}

MessageModel::Row MessageModel::makeRow(const ChatMessage &message)
{
    Row row{.id = message.id, .text = message.text, .seq = message.seq, .ts = message.ts};
    row.localDay = m_days.dayOf(message.ts);
    row.sender = m_senders.indexOf(message.from);
    row.kind = message.kind;
    row.edited = message.edited > 0;
    row.deleted = message.deleted;
    if (message.replyTo > 0)
        m_quotes.insert(message.id, MessageQuote{message.replyTo, message.replyFrom, message.replyText});
    return row;
}

int MessageModel::rowOfSeq(qint64 seq) const
{
    const int position = confirmedPosition(seq);
    return hasConfirmedSeq(seq, position) ? position : -1;
}

std::optional<MessageQuote> MessageModel::quoteOf(qint64 seq) const
{
    const int position = confirmedPosition(seq);
    if (!hasConfirmedSeq(seq, position) || m_rows.at(position).deleted)
        return std::nullopt;
    const Row &row = m_rows.at(position);
    return MessageQuote{seq, m_senders.name(row.sender), Protocol::replyQuote(row.text)};
}

void MessageModel::applyRevision(const ChatMessage &revision)
{
    const int position = confirmedPosition(revision.target);
    if (!hasConfirmedSeq(revision.target, position))
        return; // not loaded: its stored copy already says what changed
    Row &row = m_rows[position];
    if (row.deleted)
        return;
    if (revision.kind == MessageKind::Delete) {
        row.text.clear();
        row.deleted = true;
    } else {
        row.text = revision.text;
    }
    row.edited = true;
    const QModelIndex changed = index(position);
    emit dataChanged(changed, changed,
                     {Qt::DisplayRole, TextRole, EditedRole, DeletedRole, MentionRole, Qt::AccessibleTextRole});
    // Replies quote it: their quotes follow, as the server's stored copies do.
    QSet<QString> quoting = m_quotes.requote(revision.target, row.deleted ? QString() : Protocol::replyQuote(row.text));
    for (int other = 0; !quoting.isEmpty() && other < m_rows.size(); ++other) {
        if (quoting.remove(m_rows.at(other).id))
            emit dataChanged(index(other), index(other), {ReplyTextRole});
    }
}

bool MessageModel::isOwn(const Row &row) const
{
    return !m_ownKey.isEmpty() && m_senders.key(row.sender) == m_ownKey;
}

bool MessageModel::isFirstOfGroup(int row) const
{
    if (row == 0)
        return true;
    const Row &current = m_rows.at(row);
    const Row &previous = m_rows.at(row - 1);
    return !m_senders.same(current.sender, previous.sender) || current.localDay != previous.localDay
        || current.ts - previous.ts > GroupGapMs || current.kind == MessageKind::Action
        || previous.kind == MessageKind::Action;
}

bool MessageModel::isDayChange(int row) const
{
    return row == 0 || m_rows.at(row).localDay != m_rows.at(row - 1).localDay;
}

std::optional<MessageModel::Presentation> MessageModel::presentationAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return Presentation{isFirstOfGroup(row), isDayChange(row)};
}

QList<int> MessageModel::changedPresentationRoles(const std::optional<Presentation> &before, int row) const
{
    const auto after = presentationAt(row);
    QList<int> roles;
    if (!before || !after)
        return roles;
    if (before->firstOfGroup != after->firstOfGroup)
        roles.append(FirstOfGroupRole);
    if (before->dayChange != after->dayChange)
        roles.append(DayChangeRole);
    return roles;
}

void MessageModel::notifyPresentation(int row, const std::optional<Presentation> &before)
{
    const QList<int> roles = changedPresentationRoles(before, row);
    if (!roles.isEmpty())
        emit dataChanged(index(row), index(row), roles);
}

int MessageModel::confirmedPosition(qint64 seq) const
{
    if (m_confirmedCount == 0 || m_rows.at(m_confirmedCount - 1).seq < seq)
        return static_cast<int>(m_confirmedCount); // the common case: newer than everything
    const auto end = m_rows.cbegin() + m_confirmedCount;
    const auto found =
        std::lower_bound(m_rows.cbegin(), end, seq, [](const Row &row, qint64 value) { return row.seq < value; });
    return static_cast<int>(found - m_rows.cbegin());
}

bool MessageModel::hasConfirmedSeq(qint64 seq, int position) const
{
    return position < m_confirmedCount && m_rows.at(position).seq == seq;
}

int MessageModel::unconfirmedRow(const QString &id) const
{
    // Unconfirmed rows are the few at the end; scanning them beats keeping an index correct under inserts.
    for (auto row = m_rows.size() - 1; row >= m_confirmedCount; --row) {
        if (m_rows.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

int MessageModel::unconfirmedRowFor(const ChatMessage &message) const
{
    // Ids are unique per sender only, so the echo must also be this sender's.
    const int row = unconfirmedRow(message.id);
    if (row < 0 || m_senders.key(m_rows.at(row).sender) != Protocol::nameKey(message.from))
        return -1;
    return row;
}

void MessageModel::insertConfirmed(int position, Row row)
{
    const auto next = presentationAt(position);
    const int marker = unreadMarkerRow();
    beginInsertRows(QModelIndex(), position, position);
    m_rows.insert(position, std::move(row));
    ++m_confirmedCount;
    endInsertRows();
    notifyPresentation(position + 1, next);
    notifyUnreadMarkerMoved(marker >= position ? marker + 1 : marker);
}

void MessageModel::confirmRow(int row, qint64 seq, qint64 ts, const ChatMessage *message)
{
    const int target = confirmedPosition(seq);
    if (hasConfirmedSeq(seq, target)) {
        // The server's copy is already shown (it came under another name); the echo would be a duplicate.
        removeRowAt(row);
        return;
    }
    // Confirmed rows precede unconfirmed ones, so target <= m_confirmedCount <= row.
    const int marker = unreadMarkerRow();
    const auto own = presentationAt(row);
    const auto next = presentationAt(row + 1);
    const bool moves = target != row;
    const auto displaced = moves ? presentationAt(target) : std::nullopt;
    if (moves) {
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target);
        m_rows.move(row, target);
        endMoveRows();
    }
    ++m_confirmedCount;

    Row &confirmed = m_rows[target];
    confirmed.seq = seq;
    confirmed.ts = ts;
    confirmed.localDay = m_days.dayOf(ts);
    confirmed.state = DeliveryState::Sent;
    QList<int> roles{StateRole, SeqRole, TimestampRole};
    if (message && message->text != confirmed.text) {
        confirmed.text = message->text;
        roles << Qt::DisplayRole << TextRole;
    }
    if (message && message->kind != confirmed.kind) {
        confirmed.kind = message->kind;
        roles << KindRole;
    }
    roles << changedPresentationRoles(own, target);
    emit dataChanged(index(target), index(target), roles);
    if (moves)
        notifyPresentation(target + 1, displaced);
    notifyPresentation(row + 1, next);
    notifyUnreadMarkerMoved(marker >= target ? marker + 1 : marker);
}

void MessageModel::setUnconfirmedState(const QString &id, DeliveryState state)
{
    const int row = unconfirmedRow(id);
    if (row < 0 || m_rows.at(row).state == state)
        return;
    m_rows[row].state = state;
    emit dataChanged(index(row), index(row), {StateRole});
}

QString MessageModel::accessibleText(const Row &row) const
{
    const QString sender = m_senders.name(row.sender);
    const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.ts).time(), QLocale::ShortFormat);
    if (row.deleted)
        return tr("%1, %2, message deleted").arg(sender, time);
    QString text = row.kind == MessageKind::Action ? tr("%1, %2, * %1 %3").arg(sender, time, row.text)
                                                   : tr("%1, %2, %3").arg(sender, time, row.text);
    if (row.edited)
        text = tr("%1, edited").arg(text);
    if (row.state == DeliveryState::Pending)
        text = tr("%1, sending").arg(text);
    else if (row.state == DeliveryState::Failed)
        text = tr("%1, not sent").arg(text);
    return text;
}

void MessageModel::removeRowAt(int row)
{
    const auto next = presentationAt(row + 1);
    beginRemoveRows(QModelIndex(), row, row);
    m_quotes.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    if (row < m_confirmedCount)
        --m_confirmedCount;
    endRemoveRows();
    notifyPresentation(row, next);
}

} // namespace Natter
