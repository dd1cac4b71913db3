#include "historyreplay.h"

#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "reactionrouter.h"

namespace Natter {

using namespace Protocol;

HistoryReplay::HistoryReplay(HistoryStore *store, ReactionRouter *reactions, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_reactions(reactions)
    , m_tick(this) // a child, so that it moves threads with the replay
{
    m_tick.setSingleShot(true);
    m_tick.setInterval(0);
    connect(&m_tick, &QTimer::timeout, this, &HistoryReplay::step);
}

void HistoryReplay::enqueue(ClientSession *session, const QString &conversation, qint64 afterSeq)
{
    auto it = m_sessions.find(session);
    if (it == m_sessions.end()) {
        it = m_sessions.insert(session, Queue{session, {}, {}});
        m_turns.append(session);
        watch(session);
        schedule();
    }
    it->conversations.append(Conversation{conversation, afterSeq});
}

void HistoryReplay::whenDone(ClientSession *session, std::function<void()> done)
{
    const auto it = m_sessions.find(session);
    if (it == m_sessions.end())
        done();
    else
        it->done.append(std::move(done));
}

bool HistoryReplay::isReplaying(const ClientSession *session, const QString &conversation) const
{
    const auto it = m_sessions.constFind(session);
    if (it == m_sessions.cend())
        return false;
    return std::any_of(it->conversations.cbegin(), it->conversations.cend(),
                       [&conversation](const Conversation &queued) { return queued.name == conversation; });
}

void HistoryReplay::watch(ClientSession *session)
{
    // A session that goes takes its replay with it; one whose output backed up takes its turn again once drained.
    connect(session, &ClientSession::closed, this, [this](ClientSession *closed) {
        const Queue left = m_sessions.take(closed);
        qCInfo(lcServer).nospace() << closed->peer() << " left before its replay ended; " << left.conversations.size()
                                   << " conversations not sent";
        m_turns.removeAll(closed);
        disconnect(closed, nullptr, this, nullptr);
    });
    connect(session, &ClientSession::outputDrained, this, [this, session] {
        if (m_sessions.contains(session) && !m_turns.contains(session)) {
            m_turns.append(session);
            schedule();
        }
    });
}

void HistoryReplay::schedule()
{
    if (!m_tick.isActive())
        m_tick.start();
}

void HistoryReplay::step()
{
    // One page per turn, so that everyone else's messages go on between the pages.
    while (!m_turns.isEmpty()) {
        const ClientSession *key = m_turns.takeFirst();
        const auto it = m_sessions.find(key);
        if (it == m_sessions.end())
            continue;
        ClientSession *session = it->session;
        if (!session) {
            m_sessions.erase(it);
            continue;
        }
        if (session->isOutputBackedUp()) {
            session->notifyWhenDrained(); // out of the turns until then
            continue;
        }
        if (sendPage(*it) && it->conversations.isEmpty())
            finish(session);
        else if (!m_turns.contains(key))
            m_turns.append(key);
        break;
    }
    if (!m_turns.isEmpty())
        schedule();
}

bool HistoryReplay::sendPage(Queue &queue)
{
    ClientSession *session = queue.session;
    Conversation &conversation = queue.conversations.first();
    QList<ChatMessage> page =
        m_store->after(conversation.name, conversation.cursor, PageSize, HistoryStore::Rows::WithReactionChanges);
    m_reactions->attach(conversation.name, page, session->party());
    for (const ChatMessage &message : std::as_const(page)) {
        if (isReaction(message.kind))
            session->send(m_reactions->eventFor(message, conversation.name));
        else
            session->send(MessageEvent{message});
        conversation.cursor = message.seq;
        // The rest of the page is read again once the session has taken this much.
        if (session->isOutputBackedUp() && message.seq != page.last().seq)
            return false;
    }
    // A short page reached the end: what is committed from now on is delivered live.
    if (page.size() < PageSize)
        queue.conversations.removeFirst();
    return true;
}

void HistoryReplay::finish(ClientSession *session)
{
    const Queue queue = m_sessions.take(session);
    m_turns.removeAll(session);
    disconnect(session, nullptr, this, nullptr);
    for (const std::function<void()> &done : queue.done) {
        if (queue.session)
            done();
    }
}

} // namespace Natter
