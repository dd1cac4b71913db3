#include "messagemodel.h"

#include "messagerows.h"
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
    , m_rows(std::make_unique<MessageRows>())
{ }

MessageModel::~MessageModel() = default;

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
    const bool hasUnconfirmed = m_rows->hasUnconfirmed();
    if (hasUnconfirmed && !name.isEmpty()) {
        const quint32 sender = m_rows->senders().indexOf(name);
        for (qsizetype row = m_rows->confirmedCount(); row < m_rows->size(); ++row)
            (*m_rows)[row].sender = sender;
    }
    if (!m_rows->isEmpty()) {
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
    const int row = m_rows->confirmedPosition(std::max<qint64>(m_unreadMarker + 1, 0));
    return row < m_rows->confirmedCount() ? row : -1;
}

void MessageModel::notifyUnreadMarkerMoved(int formerRow)
{
    const int row = unreadMarkerRow();
    if (row == formerRow)
        return;
    if (formerRow >= 0 && formerRow < m_rows->size())
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
    const int position = m_rows->confirmedPosition(message.seq);
    if (m_rows->hasConfirmedSeq(message.seq, position)) {
        // Seen again (a replay, a page that overlaps): its counts are the server's newer word.
        if (m_rows->reactions().of(message.seq) != message.reactions) {
            m_rows->reactions().set(message.seq, message.reactions);
            emit dataChanged(index(position), index(position), {ReactionsRole, Qt::AccessibleTextRole});
        }
        return;
    }
    if (const int echo = m_rows->unconfirmedRowFor(message); echo >= 0) {
        confirmRow(echo, message.seq, message.ts, &message);
        return;
    }
    insertConfirmed(position, message);
}

void MessageModel::addPending(const QString &id, const QString &from, const QString &text, MessageKind kind,
                              const MessageQuote &reply)
{
    if (m_rows->unconfirmedRow(id) >= 0)
        return;
    if (reply.seq > 0)
        m_rows->quotes().insert(id, reply);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int position = rowCount();
    beginInsertRows(QModelIndex(), position, position);
    m_rows->appendUnconfirmed(m_rows->makePending(id, from, text, kind, now));
    endInsertRows();
}

void MessageModel::markSent(const QString &id, qint64 seq, qint64 ts)
{
    if (const int row = m_rows->unconfirmedRow(id); row >= 0)
        confirmRow(row, seq, ts, nullptr);
}

void MessageModel::markFailed(const QString &id, const QString &reason)
{
    const int row = m_rows->unconfirmedRow(id);
    if (row < 0)
        return;
    if (reason.isEmpty())
        m_failureReasons.remove(id);
    else
        m_failureReasons.insert(id, reason);
    if (m_rows->at(row).state == DeliveryState::Failed) {
        emit dataChanged(index(row), index(row), {FailureReasonRole, Qt::AccessibleTextRole});
        return;
    }
    setUnconfirmedState(id, DeliveryState::Failed);
}

void MessageModel::removeUnconfirmed(const QString &id)
{
    if (const int row = m_rows->unconfirmedRow(id); row >= 0) {
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
    // The messages older than everything shown go on top in one insertion; the rest, rare, one by one.
    auto [block, others] = m_rows->splitPage(messages);
    const bool hadMoreHistory = m_hasMoreHistory;
    if (!block.isEmpty()) {
        const auto formerFirst = presentationAt(0);
        const int marker = unreadMarkerRow();
        const qsizetype count = block.size();
        beginInsertRows(QModelIndex(), 0, static_cast<int>(count - 1));
        m_rows->prependConfirmed(std::move(block));
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
    m_rows->clear();
    m_failureReasons.clear();
    m_hasMoreHistory = true;
    m_historyRequested = false;
    endResetModel();
    emit hasMoreHistoryChanged();
}

bool MessageModel::containsSeq(qint64 seq) const
{
    return m_rows->hasConfirmedSeq(seq, m_rows->confirmedPosition(seq));
}

qint64 MessageModel::oldestSeq() const
{
    return m_rows->oldestSeq();
}

qint64 MessageModel::newestSeq() const
{
    return m_rows->newestSeq();
}

QList<QString> MessageModel::pendingIds() const
{
    return m_rows->pendingIds();
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows->size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    if (!index.isValid() || row >= m_rows->size())
        return {};
    const MessageRows::Row &message = m_rows->at(row);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case SenderRole:
        return m_rows->senderName(message);
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
        return isOwn(row);
    case FirstOfGroupRole:
        return m_rows->isFirstOfGroup(row);
    case DayChangeRole:
        return m_rows->isDayChange(row);
    case MentionRole:
        return !isOwn(row) && m_mention.matches(message.text);
    case UnreadMarkerRole:
        return row == unreadMarkerRow();
    case FailureReasonRole:
        return message.state == DeliveryState::Failed ? m_failureReasons.value(message.id) : QString();
    case EditedRole:
        return message.edited;
    case DeletedRole:
        return message.deleted;
    case ReplyToRole:
        return m_rows->quotes().of(message.id).seq;
    case ReplyFromRole:
        return m_rows->quotes().of(message.id).from;
    case ReactionsRole:
        return message.state == DeliveryState::Sent && message.seq > 0
            ? QVariant::fromValue(m_rows->reactions().of(message.seq))
            : QVariant::fromValue(ReactionList());
    case ReplyTextRole:
        return m_rows->quotes().of(message.id).text;
    case Qt::AccessibleTextRole:
        return accessibleText(row);
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
        {ReactionsRole, "reactions"},
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

int MessageModel::rowOfSeq(qint64 seq) const
{
    const int position = m_rows->confirmedPosition(seq);
    return m_rows->hasConfirmedSeq(seq, position) ? position : -1;
}

bool MessageModel::applyReaction(qint64 seq, const QString &emoji, int count, std::optional<bool> mine)
{
    const int position = m_rows->confirmedPosition(seq);
    if (!m_rows->hasConfirmedSeq(seq, position) || m_rows->at(position).deleted)
        return false;
    if (!m_rows->reactions().apply(seq, emoji, count, mine))
        return false;
    emit dataChanged(index(position), index(position), {ReactionsRole, Qt::AccessibleTextRole});
    return true;
}

ReactionList MessageModel::reactionsOf(qint64 seq) const
{
    return m_rows->reactions().of(seq);
}

std::optional<MessageQuote> MessageModel::quoteOf(qint64 seq) const
{
    const int position = m_rows->confirmedPosition(seq);
    if (!m_rows->hasConfirmedSeq(seq, position) || m_rows->at(position).deleted)
        return std::nullopt;
    const MessageRows::Row &row = m_rows->at(position);
    return MessageQuote{seq, m_rows->senderName(row), Protocol::replyQuote(row.text)};
}

void MessageModel::applyRevision(const ChatMessage &revision)
{
    const int position = m_rows->confirmedPosition(revision.target);
    if (!m_rows->hasConfirmedSeq(revision.target, position))
        return; // not loaded: its stored copy already says what changed
    MessageRows::Row &row = (*m_rows)[position];
    if (row.deleted)
        return;
    if (revision.kind == MessageKind::Delete) {
        row.text.clear();
        row.deleted = true;
        m_rows->reactions().remove(revision.target); // the server dropped them with it
    } else {
        row.text = revision.text;
    }
    row.edited = true;
    const QModelIndex changed = index(position);
    emit dataChanged(
        changed, changed,
        {Qt::DisplayRole, TextRole, EditedRole, DeletedRole, MentionRole, ReactionsRole, Qt::AccessibleTextRole});
    // Replies quote it: their quotes follow, as the server's stored copies do.
    QSet<QString> quoting =
        m_rows->quotes().requote(revision.target, row.deleted ? QString() : Protocol::replyQuote(row.text));
    for (int other = 0; !quoting.isEmpty() && other < m_rows->size(); ++other) {
        if (quoting.remove(m_rows->at(other).id))
            emit dataChanged(index(other), index(other), {ReplyTextRole});
    }
}

bool MessageModel::isOwn(int row) const
{
    return !m_ownKey.isEmpty() && m_rows->senders().key(m_rows->at(row).sender) == m_ownKey;
}

std::optional<MessageModel::Presentation> MessageModel::presentationAt(int row) const
{
    if (row < 0 || row >= m_rows->size())
        return std::nullopt;
    return Presentation{m_rows->isFirstOfGroup(row), m_rows->isDayChange(row)};
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

void MessageModel::insertConfirmed(int position, const ChatMessage &message)
{
    MessageRows::Row row = m_rows->make(message);
    const auto next = presentationAt(position);
    const int marker = unreadMarkerRow();
    beginInsertRows(QModelIndex(), position, position);
    m_rows->insertConfirmed(position, std::move(row));
    endInsertRows();
    notifyPresentation(position + 1, next);
    notifyUnreadMarkerMoved(marker >= position ? marker + 1 : marker);
}

void MessageModel::confirmRow(int row, qint64 seq, qint64 ts, const ChatMessage *message)
{
    const int target = m_rows->confirmedPosition(seq);
    if (m_rows->hasConfirmedSeq(seq, target)) {
        // The server's copy is already shown (it came under another name); the echo would be a duplicate.
        removeRowAt(row);
        return;
    }
    // Confirmed rows precede unconfirmed ones, so target <= confirmedCount() <= row.
    const int marker = unreadMarkerRow();
    const auto own = presentationAt(row);
    const auto next = presentationAt(row + 1);
    const bool moves = target != row;
    const auto displaced = moves ? presentationAt(target) : std::nullopt;
    if (moves) {
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target);
        m_rows->move(row, target);
        endMoveRows();
    }
    m_rows->extendConfirmed();

    MessageRows::Row &confirmed = (*m_rows)[target];
    confirmed.seq = seq;
    confirmed.ts = ts;
    confirmed.localDay = m_rows->dayOf(ts);
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
    const int row = m_rows->unconfirmedRow(id);
    if (row < 0 || m_rows->at(row).state == state)
        return;
    (*m_rows)[row].state = state;
    emit dataChanged(index(row), index(row), {StateRole});
}

QString MessageModel::accessibleText(int index) const
{
    const MessageRows::Row &row = m_rows->at(index);
    const QString sender = m_rows->senderName(row);
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
    // The chips under the message, which a screen reader cannot see: "👍 3 (yours)".
    QStringList reactions;
    for (const Protocol::ReactionCount &reaction : m_rows->reactions().of(row.seq)) {
        reactions.append(reaction.mine ? tr("%1 %2 (yours)").arg(reaction.emoji).arg(reaction.count)
                                       : tr("%1 %2").arg(reaction.emoji).arg(reaction.count));
    }
    if (row.seq > 0 && !reactions.isEmpty())
        text = tr("%1, reactions: %2").arg(text, reactions.join(u", "));
    return text;
}

void MessageModel::removeRowAt(int row)
{
    const auto next = presentationAt(row + 1);
    beginRemoveRows(QModelIndex(), row, row);
    m_rows->removeAt(row);
    endRemoveRows();
    notifyPresentation(row, next);
}

} // namespace Natter
