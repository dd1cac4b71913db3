#pragma once

// Keeps how far the user read each conversation in step with the server, so that unread counts and the "new
// messages" line are the same after a restart and on another computer: it tells the server where the user stopped
// (at most once per interval per conversation, and again what could not be told while offline), and hands the
// server's counts to the conversations.

#include "conversationid.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Natter {

class ChatClient;
class Conversation;

class ReadPositions : public QObject
{
    Q_OBJECT
public:
    // Reading on is told to the server this long after it happened, as one frame per conversation.
    static constexpr int ReportDelayMs = 1500;

    // conversations: the session's registry; not owned.
    ReadPositions(ChatClient *client, const QHash<ConversationId, Conversation *> *conversations,
                  QObject *parent = nullptr);

    // The user has read `conversation` up to seq.
    void report(const ConversationId &conversation, qint64 seq);
    // Sends what waits now; what cannot be sent waits for the next connection.
    void flush();
    bool isWaiting() const { return !m_waiting.isEmpty(); }

private:
    void apply(const Protocol::UnreadCounts &counts);

    QPointer<ChatClient> m_client;
    const QHash<ConversationId, Conversation *> *m_conversations;
    QHash<ConversationId, qint64> m_waiting; // the newest seq read, per conversation, not told yet
    QTimer m_timer;
};

} // namespace Natter
