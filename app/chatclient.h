#pragma once

// One user's connection to a Natter server: signs in, keeps the connection alive across drops without losing or
// doubling anything, and turns natter.v1 frames into signals.

#include "clientmessages.h"
#include "conversationid.h"
#include "outbox.h"
#include "reconnectpolicy.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Natter {

class ChatClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    void connectToServer(const QUrl &url, const QString &name, const QString &password = {});
    void disconnectFromServer();

    State state() const { return m_state; }
    QString name() const { return m_name; }
    // The claim on the name the server gave this user; it lets a reconnect take over a connection not yet timed out.
    QString token() const { return m_token; }
    QUrl url() const { return m_url; }
    const Protocol::ServerInfo &serverInfo() const { return m_serverInfo; }
    QStringList joinedRooms() const;
    const Outbox &outbox() const { return m_outbox; }
    // The conversation a message belongs to, seen from this user: its room, or the other person.
    ConversationId conversationOf(const Protocol::ChatMessage &message) const;

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnectPolicy = policy; }
    void setTypingInterval(int milliseconds) { m_typingIntervalMs = milliseconds; }

    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    // Queues the message, shows it through messageQueued, and sends it; returns its id.
    QString sendMessage(const ConversationId &conversation, const QString &text,
                        Protocol::MessageKind kind = Protocol::MessageKind::Text);
    bool retryMessage(const QString &id);
    void requestHistory(const ConversationId &conversation, qint64 beforeSeq, int limit = 0);
    // Tells the others this user is typing, at most once per typing interval per conversation.
    void notifyTyping(const ConversationId &conversation);
    void setTopic(const QString &room, const QString &topic);
    void changeName(const QString &name);
    void requestRooms();

signals:
    void stateChanged(Natter::ChatClient::State state);
    void nameChanged(const QString &name);
    void welcomed(const Natter::Protocol::Welcome &welcome);
    // The server refused the sign-in (name taken, wrong password, …); nothing is retried.
    void signInFailed(const Natter::Protocol::ErrorEvent &error);
    // The first connection attempt failed (refused, unreachable, not a Natter server, …).
    void connectionFailed(const QString &reason);
    // The server ended the session for good (signed in elsewhere, wrong password): no reconnect.
    void sessionEnded(const QString &reason);
    void joined(const Natter::Protocol::Joined &joined);
    void left(const QString &room);
    void messageQueued(const Natter::OutgoingMessage &message);
    void messageReceived(const Natter::Protocol::ChatMessage &message);
    void messageAcknowledged(const QString &id, const Natter::ConversationId &conversation, qint64 seq, qint64 ts);
    void messageFailed(const QString &id, const Natter::Protocol::ErrorEvent &error);
    void presenceChanged(const Natter::Protocol::Presence &presence);
    void roomsListed(const QList<Natter::Protocol::RoomSummary> &rooms);
    void historyReceived(const Natter::Protocol::HistoryPage &page);
    void typingReceived(const Natter::Protocol::TypingEvent &typing);
    void topicChanged(const Natter::Protocol::TopicChanged &change);
    void errorReceived(const Natter::Protocol::ErrorEvent &error);

private:
    void openSocket();
    void setState(State state);
    void onConnected();
    void onConnectionLost();
    void onTextMessage(const QString &frame);
    void handle(const Protocol::ServerMessage &message);
    void onWelcome(const Protocol::Welcome &welcome);
    void onError(const Protocol::ErrorEvent &error);
    void send(const Protocol::ClientMessage &message);
    void sendQueued(const OutgoingMessage &message);
    void noteSeq(const ConversationId &conversation, qint64 seq);

    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    ReconnectPolicy m_reconnectPolicy;
    State m_state = State::Disconnected;
    QUrl m_url;
    QString m_name;
    QString m_password;
    QString m_token;
    Protocol::ServerInfo m_serverInfo;
    bool m_welcomed = false; // in the current connection
    bool m_everWelcomed = false; // since connectToServer()
    bool m_closing = false; // the user asked to disconnect, or the server ended the session
    QSet<QString> m_rooms; // joined rooms, rejoined after a reconnect
    QHash<QString, qint64> m_lastSeq; // ConversationId::key() -> newest seq seen
    QHash<QString, qint64> m_lastTypingMs; // ConversationId::key() -> when typing was last sent
    int m_typingIntervalMs = 3000;
    Outbox m_outbox;
};

} // namespace Natter
