#pragma once

// The rows behind one conversation's MessageModel, in their order: confirmed messages by seq, then the user's own
// still on their way. Finds a row by seq or id, makes rows from messages (senders interned, local days cached,
// reply quotes kept beside), and reads from a row's neighbour whether it starts a group or a day.

#include "localdays.h"
#include "messagemodel.h"
#include "messagequotes.h"
#include "messagereactions.h"
#include "messagesenders.h"

#include <QList>

namespace Natter {

class MessageRows
{
public:
    using DeliveryState = MessageModel::DeliveryState;

    // One row; kept small because a long conversation holds a hundred thousand of them.
    struct Row
    {
        QString id;
        QString text;
        qint64 seq = 0;
        qint64 ts = 0;
        qint32 localDay = 0; // Julian day of ts in local time, cached for grouping
        quint32 sender = 0; // senders()' index of its sender
        Protocol::MessageKind kind = Protocol::MessageKind::Text;
        bool edited = false;
        bool deleted = false;
        DeliveryState state = DeliveryState::Sent;
    };
    static_assert(sizeof(Row) <= 80, "a row's size matters: long conversations hold many");

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const Row &at(qsizetype row) const { return m_rows.at(row); }
    Row &operator[](qsizetype row) { return m_rows[row]; }
    // Rows [0, confirmedCount()) are confirmed; the rest are pending or failed.
    qsizetype confirmedCount() const { return m_confirmedCount; }
    bool hasUnconfirmed() const { return m_rows.size() > m_confirmedCount; }

    MessageSenders &senders() { return m_senders; }
    const MessageSenders &senders() const { return m_senders; }
    MessageQuotes &quotes() { return m_quotes; }
    const MessageQuotes &quotes() const { return m_quotes; }
    MessageReactions &reactions() { return m_reactions; }
    const MessageReactions &reactions() const { return m_reactions; }
    const QString &senderName(const Row &row) const { return m_senders.name(row.sender); }
    // The Julian day of ts in local time.
    qint32 dayOf(qint64 ts) { return m_days.dayOf(ts); }

    // A confirmed row for the message; a reply's quote is kept beside it.
    Row make(const Protocol::ChatMessage &message);
    // A pending row of the user's, stamped `ts`.
    Row makePending(const QString &id, const QString &from, const QString &text, Protocol::MessageKind kind, qint64 ts);

    int confirmedPosition(qint64 seq) const; // where seq belongs among confirmed rows
    bool hasConfirmedSeq(qint64 seq, int position) const;
    int unconfirmedRow(const QString &id) const; // -1 if no pending or failed row has this id
    // The echo of a message this user sent: same id and same sender. -1 if none.
    int unconfirmedRowFor(const Protocol::ChatMessage &message) const;
    qint64 oldestSeq() const; // 0 if none
    qint64 newestSeq() const; // 0 if none
    QList<QString> pendingIds() const; // Pending rows in send order

    // A page of history split in two: rows for the messages older than every row, to go on top as one block, and
    // the rest (edits and deletions, a gap being filled, the server's copy of a message still shown as pending),
    // in seq order and without repeats. The messages must outlive the page.
    struct Page
    {
        QList<Row> olderRows;
        QList<const Protocol::ChatMessage *> others;
    };
    Page splitPage(const QList<Protocol::ChatMessage> &messages);

    bool isFirstOfGroup(int row) const;
    bool isDayChange(int row) const;

    void insertConfirmed(int position, Row row);
    void appendUnconfirmed(Row row);
    // Confirmed rows, older than every row: one block at the top.
    void prependConfirmed(QList<Row> &&block);
    void move(int from, int to) { m_rows.move(from, to); }
    // The row just after the confirmed ones is confirmed now.
    void extendConfirmed() { ++m_confirmedCount; }
    // Removes the row and any quote it carries.
    void removeAt(int row);
    void clear();

private:
    QList<Row> m_rows;
    qsizetype m_confirmedCount = 0;
    MessageSenders m_senders;
    MessageQuotes m_quotes;
    MessageReactions m_reactions;
    LocalDays m_days;
};

} // namespace Natter
