#pragma once

// Keeps where each owner of a name stopped reading each conversation, and counts what arrived since: messages of
// others, and those that name the user (found through the search index). Markers only move forward. Writes are
// gathered for a second and committed together, so a client that reports often costs one transaction.
//
// Guests own no name, so a marker would pass to whoever takes the name next: they get none.

#include "unreadmessages.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Natter {

class HistoryStore;

class ReadMarkerStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushDelayMs = 1000;

    explicit ReadMarkerStore(HistoryStore *store, QObject *parent = nullptr);
    ~ReadMarkerStore() override;

    // Moves the identity's marker in `conversation` forward to seq. peer: the other person's name, for a direct
    // conversation.
    void mark(qint64 identity, const QString &conversation, const QString &peer, qint64 seq);
    // The counts for the identity's markers, the most recently read first (at most
    // Protocol::UnreadCounts::MaxConversations), or for one conversation only when `only` is given. senderKey
    // tells the user's own messages apart; name is what a mention of the user says.
    Protocol::UnreadCounts counts(qint64 identity, const QString &senderKey, const QString &name,
                                  const QString &only = {});
    // Commits the gathered markers now.
    bool flush();

private:
    struct Pending
    {
        QString peer;
        qint64 seq = 0;
        qint64 readMs = 0;
    };
    using Key = std::pair<qint64, QString>; // identity, conversation

    Protocol::UnreadCount count(const QString &conversation, qint64 read, const QString &senderKey,
                                const QString &name) const;

    HistoryStore *m_store;
    QHash<Key, Pending> m_pending;
    QTimer m_flushTimer;
};

} // namespace Natter
