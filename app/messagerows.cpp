#include "messagerows.h"

#include "validation.h"

#include <algorithm>
#include <limits>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

MessageRows::Row MessageRows::make(const ChatMessage &message)
{
    Row row{.id = message.id, .text = message.text, .seq = message.seq, .ts = message.ts};
    row.localDay = m_days.dayOf(message.ts);
    row.sender = m_senders.indexOf(message.from);
    row.kind = message.kind;
    row.edited = message.edited > 0;
    row.deleted = message.deleted;
    if (message.replyTo > 0)
        m_quotes.insert(message.id, MessageQuote{message.replyTo, message.replyFrom, message.replyText});
    m_reactions.set(message.seq, message.reactions);
    return row;
}

MessageRows::Row MessageRows::makePending(const QString &id, const QString &from, const QString &text, MessageKind kind,
                                          qint64 ts)
{
    return Row{id, text, 0, ts, m_days.dayOf(ts), m_senders.indexOf(from), kind, false, false, DeliveryState::Pending};
}

int MessageRows::confirmedPosition(qint64 seq) const
{
    if (m_confirmedCount == 0 || m_rows.at(m_confirmedCount - 1).seq < seq)
        return static_cast<int>(m_confirmedCount); // the common case: newer than everything
    const auto end = m_rows.cbegin() + m_confirmedCount;
    const auto found =
        std::lower_bound(m_rows.cbegin(), end, seq, [](const Row &row, qint64 value) { return row.seq < value; });
    return static_cast<int>(found - m_rows.cbegin());
}

bool MessageRows::hasConfirmedSeq(qint64 seq, int position) const
{
    return position < m_confirmedCount && m_rows.at(position).seq == seq;
}

int MessageRows::unconfirmedRow(const QString &id) const
{
    // Unconfirmed rows are the few at the end; scanning them beats keeping an index correct under inserts.
    for (auto row = m_rows.size() - 1; row >= m_confirmedCount; --row) {
        if (m_rows.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

int MessageRows::unconfirmedRowFor(const ChatMessage &message) const
{
    // Ids are unique per sender only, so the echo must also be this sender's.
    const int row = unconfirmedRow(message.id);
    if (row < 0 || m_senders.key(m_rows.at(row).sender) != Protocol::nameKey(message.from))
        return -1;
    return row;
}

qint64 MessageRows::oldestSeq() const
{
    return m_confirmedCount > 0 ? m_rows.constFirst().seq : 0;
}

qint64 MessageRows::newestSeq() const
{
    return m_confirmedCount > 0 ? m_rows.at(m_confirmedCount - 1).seq : 0;
}

QList<QString> MessageRows::pendingIds() const
{
    QList<QString> ids;
    for (qsizetype row = m_confirmedCount; row < m_rows.size(); ++row) {
        if (m_rows.at(row).state == DeliveryState::Pending)
            ids.append(m_rows.at(row).id);
    }
    return ids;
}

MessageRows::Page MessageRows::splitPage(const QList<ChatMessage> &messages)
{
    QList<const ChatMessage *> ordered;
    ordered.reserve(messages.size());
    for (const ChatMessage &message : messages)
        ordered.append(&message);
    const auto bySeq = [](const ChatMessage *a, const ChatMessage *b) { return a->seq < b->seq; };
    if (!std::is_sorted(ordered.cbegin(), ordered.cend(), bySeq))
        std::stable_sort(ordered.begin(), ordered.end(), bySeq);

    // Older than everything shown: one block at the top. The rest goes through MessageModel::addMessage, which
    // is rare.
    const qint64 oldest = m_confirmedCount > 0 ? oldestSeq() : std::numeric_limits<qint64>::max();
    Page page;
    page.olderRows.reserve(ordered.size());
    qint64 previousSeq = std::numeric_limits<qint64>::min();
    for (const ChatMessage *message : std::as_const(ordered)) {
        if (message->seq == previousSeq)
            continue;
        previousSeq = message->seq;
        // An edit or delete is no row: it changes one (the stored copies in this page are changed already).
        if (!Protocol::isRevision(message->kind) && message->seq < oldest
            && !(hasUnconfirmed() && unconfirmedRowFor(*message) >= 0))
            page.olderRows.append(make(*message));
        else
            page.others.append(message);
    }
    return page;
}

bool MessageRows::isFirstOfGroup(int row) const
{
    if (row == 0)
        return true;
    const Row &current = m_rows.at(row);
    const Row &previous = m_rows.at(row - 1);
    return !m_senders.same(current.sender, previous.sender) || current.localDay != previous.localDay
        || current.ts - previous.ts > MessageModel::GroupGapMs || current.kind == MessageKind::Action
        || previous.kind == MessageKind::Action;
}

bool MessageRows::isDayChange(int row) const
{
    return row == 0 || m_rows.at(row).localDay != m_rows.at(row - 1).localDay;
}

void MessageRows::insertConfirmed(int position, Row row)
{
    m_rows.insert(position, std::move(row));
    ++m_confirmedCount;
}

void MessageRows::appendUnconfirmed(Row row)
{
    m_rows.append(std::move(row));
}

void MessageRows::prependConfirmed(QList<Row> &&block)
{
    const qsizetype count = block.size();
    m_rows.insert(0, count, Row{}); // QList keeps spare room at the front, so repeated pages stay cheap
    std::move(block.begin(), block.end(), m_rows.begin());
    m_confirmedCount += count;
}

void MessageRows::removeAt(int row)
{
    m_quotes.remove(m_rows.at(row).id);
    if (row < m_confirmedCount)
        m_reactions.remove(m_rows.at(row).seq);
    m_rows.removeAt(row);
    if (row < m_confirmedCount)
        --m_confirmedCount;
}

void MessageRows::clear()
{
    m_rows.clear();
    m_confirmedCount = 0;
    m_quotes.clear();
    m_reactions.clear();
}

} // namespace Natter
