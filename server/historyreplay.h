#pragma once

// Sends a returning client what it missed (hello.since, held direct messages) a page at a time: one page per
// event-loop turn, sessions taking turns, none while a session's output is backed up, and nothing more once its
// connection is gone. While a conversation replays to a session, live messages of that conversation wait for the
// replay to reach them, so they never arrive ahead of older ones.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Natter {

class ClientSession;
class HistoryStore;
class ReactionRouter;

class HistoryReplay : public QObject
{
    Q_OBJECT
public:
    HistoryReplay(HistoryStore *store, ReactionRouter *reactions, QObject *parent = nullptr);

    // Replays every stored message of the conversation after `afterSeq` (with the reader's reactions, and the
    // reaction changes among them as reaction frames), after what is already queued for the session.
    void enqueue(ClientSession *session, const QString &conversation, qint64 afterSeq);
    // Runs `done` once everything queued for the session was sent; at once if nothing is.
    void whenDone(ClientSession *session, std::function<void()> done);
    // Whether live messages of the conversation must not be sent to the session now (the replay will send them).
    bool isReplaying(const ClientSession *session, const QString &conversation) const;
    bool isIdle() const { return m_sessions.isEmpty(); }
    // Rows read from the store per turn.
    static constexpr int PageSize = 500;

private:
    struct Conversation
    {
        QString name;
        qint64 cursor; // the last seq sent
    };
    struct Queue
    {
        QPointer<ClientSession> session;
        QList<Conversation> conversations; // the first one is replaying
        QList<std::function<void()>> done;
    };

    void step();
    // Sends the next page of the queue's first conversation; false when the session cannot take more now.
    bool sendPage(Queue &queue);
    void finish(ClientSession *session);
    void schedule();
    void watch(ClientSession *session);

    HistoryStore *m_store;
    ReactionRouter *m_reactions;
    QHash<const ClientSession *, Queue> m_sessions;
    QList<const ClientSession *> m_turns; // round robin
    QTimer m_tick;
};

} // namespace Natter
