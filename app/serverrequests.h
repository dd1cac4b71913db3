#pragma once

// Sends a ChatClient's requests other than messages (history, joins, topics, renames, typing, the room list) and
// tells who waits for one when the server refuses it or the connection that carried it is gone.

#include "conversationid.h"
#include "requestledger.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Natter {

class ServerSocket;

class ServerRequests : public QObject
{
    Q_OBJECT
public:
    explicit ServerRequests(ServerSocket *socket, QObject *parent = nullptr);

    // What was asked and not answered yet; answers are noted here.
    RequestLedger &ledger() { return m_ledger; }
    void setTypingInterval(int milliseconds) { m_typingIntervalMs = milliseconds; }
    // A new server: nothing was sent to it yet.
    void reset() { m_lastTypingMs.clear(); }

    void join(const QString &room);
    void leave(const QString &room);
    void history(const ConversationId &conversation, qint64 beforeSeq, int limit);
    // A page for an excerpt of the conversation: older than beforeSeq, or around aroundSeq.
    void excerpt(const ConversationId &conversation, qint64 beforeSeq, qint64 aroundSeq);
    // At most once per typing interval per conversation.
    void typing(const ConversationId &conversation);
    void setTopic(const QString &room, const QString &topic);
    void changeName(const QString &name);
    void listRooms();
    void search(const Protocol::SearchRequest &request);
    // Puts an emoji on message `seq` of the conversation, or takes this user's back (see Protocol::React).
    void react(const ConversationId &conversation, qint64 seq, const QString &emoji, bool on);
    void reactors(const ConversationId &conversation, qint64 seq, const QString &emoji);

    // The rooms a hello names in `since`: the server rejoins them first, or refuses them without naming them.
    void awaitSinceRooms(const QSet<QString> &rooms) { m_ledger.awaitSinceRooms(rooms); }
    // Asks for the room list, whose answer settles the since rooms, if any are waiting.
    void askAfterSinceRooms();
    // A search was answered.
    void searchAnswered() { m_searchesWaiting = qMax(0, m_searchesWaiting - 1); }
    // The room list came: every since room still waiting was refused.
    void settleSinceRooms();
    // The connection is gone: requests sent on it will never be answered.
    void abandon();
    // An error the server sent about something other than the sign-in or a message: who asked for what it refuses.
    void refuse(const Protocol::ErrorEvent &error);

signals:
    void historyFailed(const Natter::ConversationId &conversation, const Natter::Protocol::ErrorEvent &error);
    void excerptFailed(const Natter::ConversationId &conversation, const Natter::Protocol::ErrorEvent &error);
    void joinFailed(const QString &room, const Natter::Protocol::ErrorEvent &error);
    void sinceRoomRefused(const QString &room, const Natter::Protocol::ErrorEvent &error);
    void topicFailed(const QString &room, const Natter::Protocol::ErrorEvent &error);
    void nameChangeFailed(const QString &name, const Natter::Protocol::ErrorEvent &error);
    // A search will not be answered: refused (error set), or lost with the connection.
    void searchFailed(const Natter::Protocol::ErrorEvent &error);
    // A reaction, or a question about who reacted, was refused.
    void reactionFailed(const Natter::Protocol::ErrorEvent &error);
    // An error no request of this client explains.
    void errorReceived(const Natter::Protocol::ErrorEvent &error);

private:
    ServerSocket *m_socket;
    RequestLedger m_ledger;
    QHash<ConversationId, qint64> m_lastTypingMs; // when typing was last sent
    int m_typingIntervalMs = 3000;
    int m_searchesWaiting = 0; // sent on this connection, not answered yet
};

} // namespace Natter
