#pragma once

// One user's connection to a Natter server: signs in, keeps the connection alive across drops without losing or
// doubling anything, and turns natter.v1 frames into signals.

#include "certificatecheck.h"
#include "clientmessages.h"
#include "conversationid.h"
#include "identitykey.h"
#include "messagesender.h"
#include "reconnectpolicy.h"
#include "resumetracker.h"
#include "servermessages.h"
#include "serverrequests.h"
#include "serversocket.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace Natter {

class ChatClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)
    // Why the client is not connected right now, for the words a window shows.
    enum class Interruption {
        None,
        ConnectionLost, // the connection dropped (network, crash of the host): reconnecting
        ServerStopped, // the host closed the chat on purpose (1001): reconnecting slowly until it is back
        Unreachable, // a chat the app went back to has not answered yet since it started: trying again
        Oversized, // the server sent a frame over the cap (ServerSocket::incomingCap()): closed with 1009, reconnecting
    };
    Q_ENUM(Interruption)

    static constexpr int DefaultConnectTimeoutMs = 10'000;

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    // Forgets the previous server. `resume` names the rooms to rejoin and the conversations to catch up on, and
    // `unsent` the messages still to deliver (with their ids): what the app remembers from its last run.
    void connectToServer(const QUrl &url, const QString &name, const QString &password = {},
                         const QList<ResumePoint> &resume = {}, const QList<OutgoingMessage> &unsent = {});
    // A direct conversation to catch up on after every reconnect, even before its first message.
    void followDirect(const ConversationId &conversation);
    void unfollowDirect(const ConversationId &conversation);
    // Where certificates trusted without an authority are pinned (not owned; by default in memory only).
    void setCertificatePins(CertificatePins *pins) { m_socket.certificateCheck().setPins(pins); }
    // After certificateRejected() for a certificate nobody vouches for or one that changed: the user trusts it (it is
    // pinned now) and the client connects again. Ignored for any other certificate, and when an invite link named
    // another one.
    void trustCertificate(const QString &fingerprint);
    // The key this user signs in with (see docs/protocol.md, "Keys and owned names"); a null key signs in as a
    // guest. Takes effect at the next connection.
    void setIdentity(const IdentityKey &key) { m_identity = key; }
    const IdentityKey &identity() const { return m_identity; }
    QByteArray publicKey() const { return m_identity.publicKey(); }
    // While reconnecting: tries now instead of at the next scheduled attempt.
    void reconnectNow();
    // Stops connecting or reconnecting, or closes the connection; nothing is tried again.
    void disconnectFromServer();

    State state() const { return m_state; }
    Interruption interruption() const { return m_interruption; }
    QString name() const { return m_name; }
    // The claim on the name the server gave this user; it lets a reconnect take over a connection not yet timed out.
    QString token() const { return m_token; }
    QUrl url() const { return m_url; }
    const Protocol::ServerInfo &serverInfo() const { return m_serverInfo; }
    QStringList joinedRooms() const;
    bool isInRoom(const QString &room) const { return m_resume.isIn(room); }
    const Outbox &outbox() const { return m_sender.outbox(); }
    // The conversation a message belongs to, seen from this user: its room, or the other person.
    ConversationId conversationOf(const Protocol::ChatMessage &message) const;

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnectPolicy = policy; }
    void setTypingInterval(int milliseconds) { m_requests.setTypingInterval(milliseconds); }
    // How long one attempt may take from opening the socket to `welcome`.
    void setConnectTimeout(int milliseconds) { m_connectTimeoutMs = milliseconds; }
    // How long the outbox waits before sending again what the server could not store (storage_unavailable).
    void setResendDelays(int firstMs, int maxMs) { m_sender.setResendDelays(firstMs, maxMs); }

    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    // Queues the message, shows it through messageQueued, and sends it; returns its id.
    // An edit or delete names the seq of the user's own message it changes as `target`.
    QString sendMessage(const ConversationId &conversation, const QString &text,
                        Protocol::MessageKind kind = Protocol::MessageKind::Text, qint64 target = 0);
    // Sends `text` as an answer to message `seq`, by `from`, which reads `quote` (shown until the server's copy).
    QString sendReply(const ConversationId &conversation, const QString &text, qint64 seq, const QString &from,
                      const QString &quote);
    bool retryMessage(const QString &id);
    // Gives up on a message that failed: it is not sent again.
    bool discardMessage(const QString &id);
    void requestHistory(const ConversationId &conversation, qint64 beforeSeq, int limit = 0);
    // A page for an excerpt of the conversation (a search hit in context), older than beforeSeq or around
    // aroundSeq: answered by excerptReceived or excerptFailed, never by historyReceived.
    void requestExcerpt(const ConversationId &conversation, qint64 beforeSeq, qint64 aroundSeq);
    // Tells the others this user is typing, at most once per typing interval per conversation.
    void notifyTyping(const ConversationId &conversation);
    void setTopic(const QString &room, const QString &topic);
    void changeName(const QString &name);
    void requestRooms();
    // Searches the server (see Protocol::SearchRequest): answered by searchAnswered or searchFailed.
    void search(const Protocol::SearchRequest &request);
    // Tells the server the user has read the conversation up to seq; false when it cannot be told now (offline,
    // or a server that keeps no read markers).
    bool markRead(const ConversationId &conversation, qint64 seq);
    // Puts `emoji` on message `seq` (on) or takes this user's back (off); answered by reactionChanged for every
    // member, or reactionFailed. Nothing is sent while offline (reactionFailed without a code says so).
    void react(const ConversationId &conversation, qint64 seq, const QString &emoji, bool on);
    // Asks who put `emoji` on message `seq`: answered by reactorsReceived, or reactionFailed.
    void requestReactors(const ConversationId &conversation, qint64 seq, const QString &emoji);

signals:
    void stateChanged(Natter::ChatClient::State state);
    void interruptionChanged(Natter::ChatClient::Interruption interruption);
    void nameChanged(const QString &name);
    void welcomed(const Natter::Protocol::Welcome &welcome);
    // The server refused the sign-in (name taken, wrong password, …); nothing is retried.
    void signInFailed(const Natter::Protocol::ErrorEvent &error);
    // The first connection attempt failed (refused, unreachable, timed out, not a Natter server, …).
    void connectionFailed(const QString &reason);
    // The server's certificate is not the one expected (or nobody vouches for it): nothing is retried until the
    // user trusts it (trustCertificate) or goes elsewhere.
    void certificateRejected(const Natter::CertificateProblem &problem);
    // The server ended the session for good (signed in elsewhere, wrong password): no reconnect.
    void sessionEnded(const QString &reason);
    void joined(const Natter::Protocol::Joined &joined);
    void left(const QString &room);
    void messageQueued(const Natter::OutgoingMessage &message);
    void messageReceived(const Natter::Protocol::ChatMessage &message);
    void messageAcknowledged(const QString &id, const Natter::ConversationId &conversation, qint64 seq, qint64 ts);
    void messageFailed(const QString &id, const Natter::Protocol::ErrorEvent &error);
    // The messages not yet acknowledged changed (queued, acknowledged, failed, retried): worth remembering.
    void outboxChanged();
    // The server could not store a message (false; it stays in the outbox and is sent again later by itself), or
    // stored one again afterwards (true).
    void serverStoringChanged(bool storing);
    void presenceChanged(const Natter::Protocol::Presence &presence);
    void roomsListed(const QList<Natter::Protocol::RoomSummary> &rooms);
    void historyReceived(const Natter::Protocol::HistoryPage &page);
    void excerptReceived(const Natter::Protocol::HistoryPage &page);
    // An excerpt's page will not come: refused (error set), or asked offline or lost with the connection.
    void excerptFailed(const Natter::ConversationId &conversation, const Natter::Protocol::ErrorEvent &error);
    // A history request will not be answered: refused by the server (error set), or lost with the connection.
    void historyFailed(const Natter::ConversationId &conversation, const Natter::Protocol::ErrorEvent &error);
    void joinFailed(const QString &room, const Natter::Protocol::ErrorEvent &error);
    void topicFailed(const QString &room, const Natter::Protocol::ErrorEvent &error);
    void nameChangeFailed(const QString &name, const Natter::Protocol::ErrorEvent &error);
    void typingReceived(const Natter::Protocol::TypingEvent &typing);
    void searchAnswered(const Natter::Protocol::SearchResults &results);
    // A search will not be answered: refused by the server (error set), or asked offline or lost with the
    // connection.
    void searchFailed(const Natter::Protocol::ErrorEvent &error);
    // Where the user stopped reading, as the server keeps it, and what came since.
    void unreadReceived(const Natter::Protocol::UnreadCounts &counts);
    void topicChanged(const Natter::Protocol::TopicChanged &change);
    // Someone changed their reaction on a message of the conversation; byMe when it was this user.
    void reactionChanged(const Natter::ConversationId &conversation, const Natter::Protocol::ReactionEvent &event,
                         bool byMe);
    void reactorsReceived(const Natter::ConversationId &conversation, const Natter::Protocol::ReactorList &list);
    void reactionFailed(const Natter::Protocol::ErrorEvent &error);
    // Any other error the server sent.
    void errorReceived(const Natter::Protocol::ErrorEvent &error);

private:
    void openSocket();
    void setState(State state);
    void onConnected();
    void onConnectionLost();
    void setInterruption(Interruption interruption);
    void scheduleReconnect(int delayMs);
    void handle(const Protocol::ServerMessage &message);
    void onWelcome(Protocol::Welcome welcome);
    void onChallenge(const Protocol::Challenge &challenge);
    void onMessage(const Protocol::ChatMessage &message);
    void onHistory(const Protocol::HistoryPage &page);
    void onError(const Protocol::ErrorEvent &error);

    ServerSocket m_socket;
    MessageSender m_sender{&m_socket};
    ServerRequests m_requests{&m_socket};
    QTimer m_reconnectTimer;
    ReconnectPolicy m_reconnectPolicy;
    State m_state = State::Disconnected;
    Interruption m_interruption = Interruption::None;
    QUrl m_url;
    QString m_name;
    QString m_password;
    QString m_token;
    IdentityKey m_identity;
    bool m_challengeAnswered = false; // in the current connection
    Protocol::ServerInfo m_serverInfo;
    bool m_welcomed = false; // in the current connection
    bool m_everWelcomed = false; // since connectToServer()
    bool m_closing = false; // the user asked to disconnect, or the server ended the session
    bool m_resuming = false; // connectToServer() was given what an earlier run remembered
    int m_connectTimeoutMs = DefaultConnectTimeoutMs;
    int m_ignoredRoomMessages = 0; // in the current connection
    ResumeTracker m_resume;
};

} // namespace Natter
