#pragma once

// Remembers, per identity, the direct conversations with messages that arrived while its owner was away, so
// that they are delivered when the owner next signs in.

#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace Natter {

class HistoryDatabase;

class OfflineMailbox
{
public:
    struct Held
    {
        QString conversation;
        qint64 firstSeq = 0; // the first message the owner has not received
    };

    explicit OfflineMailbox(HistoryDatabase *database);

    // Notes a message for an owner who is away; the first one of a conversation is the one remembered.
    void hold(qint64 identity, const QString &conversation, qint64 seq);
    // What waits for the identity, oldest conversation first; forgotten once taken.
    QList<Held> take(qint64 identity);

private:
    HistoryDatabase *m_database;
    // What is already held, so a burst of messages costs one write per conversation.
    QSet<std::pair<qint64, QString>> m_held;
};

} // namespace Natter
