#include "readpositions.h"

#include "chatclient.h"
#include "conversation.h"

namespace Natter {

using namespace Protocol;

ReadPositions::ReadPositions(ChatClient *client, const QHash<ConversationId, Conversation *> *conversations,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversations(conversations)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(ReportDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ReadPositions::flush);
    connect(client, &ChatClient::unreadReceived, this, &ReadPositions::apply);
    // Signed in again: what was read while offline is told now.
    connect(client, &ChatClient::welcomed, this, [this] {
        if (isWaiting())
            m_timer.start();
    });
}

void ReadPositions::report(const ConversationId &conversation, qint64 seq)
{
    if (seq <= 0)
        return;
    qint64 &waiting = m_waiting[conversation];
    waiting = std::max(waiting, seq);
    if (!m_timer.isActive())
        m_timer.start();
}

void ReadPositions::flush()
{
    m_timer.stop();
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (m_client && m_client->markRead(it.key(), it.value()))
            it = m_waiting.erase(it);
        else
            ++it;
    }
}

void ReadPositions::apply(const UnreadCounts &counts)
{
    for (const UnreadCount &count : counts.conversations) {
        const ConversationId id =
            count.room.isEmpty() ? ConversationId::direct(count.to) : ConversationId::room(count.room);
        // Only conversations this app lists: counts for others would bring back what the user closed.
        Conversation *conversation = m_conversations->value(id);
        if (!conversation)
            continue;
        if (conversation->applyServerReadPosition(count.read, count.unread, count.mentions))
            continue;
        // This app read further than the server knows (offline, or the report is still waiting): tell it.
        report(id, conversation->lastReadSeq());
    }
}

} // namespace Natter
