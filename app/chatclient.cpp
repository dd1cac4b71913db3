#include "chatclient.h"

#include "clientlogging.h"
#include "clientmessages.h"
#include "overloaded.h"
#include "protocol.h"
#include "validation.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QWebSocketHandshakeOptions>

namespace Natter {

using namespace Protocol;

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatClient::openSocket);
    connect(&m_socket, &QWebSocket::connected, this, &ChatClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatClient::onConnectionLost);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        // A failed connect never emits disconnected(); a drop emits both. Either way the attempt is over.
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            onConnectionLost();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ChatClient::onTextMessage);
}

ChatClient::~ChatClient()
{
    m_closing = true;
    m_socket.abort();
}

QStringList ChatClient::joinedRooms() const
{
    QStringList rooms(m_rooms.cbegin(), m_rooms.cend());
    rooms.sort();
    return rooms;
}

ConversationId ChatClient::conversationOf(const ChatMessage &message) const
{
    if (!message.isDirect())
        return ConversationId::room(message.room);
    return ConversationId::direct(nameKey(message.from) == nameKey(m_name) ? message.to : message.from);
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ChatClient::connectToServer(const QUrl &url, const QString &name, const QString &password)
{
    m_reconnectTimer.stop();
    m_closing = false;
    m_socket.abort();
    m_url = url;
    if (m_name != name) {
        m_name = name;
        emit nameChanged(name);
    }
    m_password = password;
    m_token.clear();
    m_everWelcomed = false;
    m_reconnectPolicy.reset();
    setState(State::Connecting);
    openSocket();
}

void ChatClient::disconnectFromServer()
{
    m_closing = true;
    m_reconnectTimer.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("bye"));
    setState(State::Disconnected);
}

void ChatClient::openSocket()
{
    m_welcomed = false;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({subprotocol()});
    qCDebug(lcClient) << "connecting to" << m_url.toString();
    m_socket.open(m_url, options);
}

void ChatClient::onConnected()
{
    if (m_socket.subprotocol() != subprotocol()) {
        qCWarning(lcClient) << m_url.toString() << "did not accept natter.v1";
        m_closing = true;
        m_socket.abort();
        setState(State::Disconnected);
        emit connectionFailed(tr("%1 is not a Natter server.").arg(m_url.toDisplayString()));
        return;
    }
    Hello hello{m_name, m_password, m_token, {}};
    if (m_everWelcomed) {
        // Everything after what this client has seen, in every room it is in and every direct conversation.
        for (const QString &room : std::as_const(m_rooms))
            hello.since.insert(room, m_lastSeq.value(ConversationId::room(room).key()));
        for (auto it = m_lastSeq.cbegin(); it != m_lastSeq.cend(); ++it) {
            if (it.key().startsWith(u'@'))
                hello.since.insert(it.key(), it.value());
        }
    }
    send(hello);
}

void ChatClient::onConnectionLost()
{
    if (m_state == State::Disconnected || m_reconnectTimer.isActive())
        return;
    const bool wasWelcomed = m_welcomed;
    m_welcomed = false;
    if (m_closing) {
        setState(State::Disconnected);
        return;
    }
    const auto closeCode = static_cast<quint16>(m_socket.closeCode());
    if (closeCode == static_cast<quint16>(CloseCode::Replaced)
        || closeCode == static_cast<quint16>(CloseCode::AuthFailed)) {
        setState(State::Disconnected);
        emit sessionEnded(closeCode == static_cast<quint16>(CloseCode::Replaced)
                              ? tr("You signed in to this server from somewhere else.")
                              : tr("The server refused the password."));
        return;
    }
    if (!m_everWelcomed) {
        setState(State::Disconnected);
        emit connectionFailed(m_socket.errorString());
        return;
    }
    const int delay = m_reconnectPolicy.nextDelayMs(*QRandomGenerator::global());
    qCInfo(lcClient) << "connection lost" << (wasWelcomed ? "" : "again") << "; reconnecting in" << delay << "ms";
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
}

void ChatClient::onTextMessage(const QString &frame)
{
    auto decoded = decodeServerFrame(frame);
    if (!decoded) {
        qCWarning(lcClient) << "ignoring a frame the server should not have sent:" << decoded.error().message;
        return;
    }
    handle(decoded.value());
}

void ChatClient::handle(const ServerMessage &message)
{
    std::visit(Overloaded{
                   [this](const Welcome &welcome) { onWelcome(welcome); },
                   [this](const Joined &joined) {
                       m_rooms.insert(joined.room);
                       const ConversationId room = ConversationId::room(joined.room);
                       for (const ChatMessage &message : joined.history)
                           noteSeq(room, message.seq);
                       emit this->joined(joined);
                   },
                   [this](const MessageEvent &event) {
                       noteSeq(conversationOf(event.message), event.message.seq);
                       emit messageReceived(event.message);
                   },
                   [this](const Ack &ack) {
                       const auto outgoing = m_outbox.find(ack.id);
                       if (!outgoing)
                           return; // an ack for a resend that was already acknowledged
                       m_outbox.acknowledge(ack.id);
                       noteSeq(outgoing->conversation, ack.seq);
                       emit messageAcknowledged(ack.id, outgoing->conversation, ack.seq, ack.ts);
                   },
                   [this](const Presence &presence) {
                       if (presence.event == PresenceChange::Renamed && nameKey(presence.previous) == nameKey(m_name)
                           && presence.room.isEmpty()) {
                           m_name = presence.name;
                           emit nameChanged(m_name);
                       }
                       if (presence.event == PresenceChange::Left && nameKey(presence.name) == nameKey(m_name)) {
                           m_rooms.remove(presence.room);
                           emit left(presence.room);
                       }
                       emit presenceChanged(presence);
                   },
                   [this](const RoomList &list) { emit roomsListed(list.rooms); },
                   [this](const HistoryPage &page) {
                       const ConversationId conversation =
                           page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
                       for (const ChatMessage &message : page.messages)
                           noteSeq(conversation, message.seq);
                       emit historyReceived(page);
                   },
                   [this](const TypingEvent &typing) { emit typingReceived(typing); },
                   [this](const TopicChanged &change) { emit topicChanged(change); },
                   [this](const ErrorEvent &error) { onError(error); },
               },
               message);
}

void ChatClient::onWelcome(const Welcome &welcome)
{
    m_welcomed = true;
    m_everWelcomed = true;
    m_token = welcome.token;
    m_serverInfo = welcome.server;
    m_reconnectPolicy.reset();
    if (m_name != welcome.name) {
        m_name = welcome.name;
        emit nameChanged(m_name);
    }
    setState(State::Connected);
    emit welcomed(welcome);
    // Whatever was sent but never acknowledged goes again, under its own id: the server stores it once.
    const QList<OutgoingMessage> pending = m_outbox.pending();
    for (const OutgoingMessage &message : pending)
        sendQueued(message);
}

void ChatClient::onError(const ErrorEvent &error)
{
    if (!m_welcomed && error.ref == Hello::Type) {
        qCInfo(lcClient) << "sign-in refused:" << errorCodeWord(error.code) << error.message;
        m_closing = true;
        m_socket.close();
        setState(State::Disconnected);
        emit signInFailed(error);
        return;
    }
    if (!error.ref.isEmpty() && m_outbox.contains(error.ref)) {
        m_outbox.fail(error.ref);
        emit messageFailed(error.ref, error);
        return;
    }
    qCInfo(lcClient) << "server error:" << errorCodeWord(error.code) << error.message;
    emit errorReceived(error);
}

void ChatClient::send(const ClientMessage &message)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendTextMessage(encodeFrame(message));
}

void ChatClient::noteSeq(const ConversationId &conversation, qint64 seq)
{
    qint64 &last = m_lastSeq[conversation.key()];
    last = std::max(last, seq);
}

void ChatClient::joinRoom(const QString &room)
{
    send(Join{room});
}

void ChatClient::leaveRoom(const QString &room)
{
    send(Leave{room});
}

void ChatClient::sendQueued(const OutgoingMessage &message)
{
    const bool room = message.conversation.isRoom();
    send(Send{message.id, room ? message.conversation.name : QString(), room ? QString() : message.conversation.name,
              message.text, message.kind});
}

QString ChatClient::sendMessage(const ConversationId &conversation, const QString &text, MessageKind kind)
{
    const OutgoingMessage message = m_outbox.add(conversation, text, kind);
    emit messageQueued(message);
    // While disconnected it waits in the outbox and goes out after the next welcome.
    if (m_welcomed)
        sendQueued(message);
    return message.id;
}

bool ChatClient::retryMessage(const QString &id)
{
    const auto message = m_outbox.retry(id);
    if (!message)
        return false;
    if (m_welcomed)
        sendQueued(*message);
    return true;
}

void ChatClient::requestHistory(const ConversationId &conversation, qint64 beforeSeq, int limit)
{
    const bool room = conversation.isRoom();
    send(HistoryRequest{room ? conversation.name : QString(), room ? QString() : conversation.name, beforeSeq, limit});
}

void ChatClient::notifyTyping(const ConversationId &conversation)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 &last = m_lastTypingMs[conversation.key()];
    if (last != 0 && now - last < m_typingIntervalMs)
        return;
    last = now;
    const bool room = conversation.isRoom();
    send(Typing{room ? conversation.name : QString(), room ? QString() : conversation.name});
}

void ChatClient::setTopic(const QString &room, const QString &topic)
{
    send(SetTopic{room, topic});
}

void ChatClient::changeName(const QString &name)
{
    send(Nick{name});
}

void ChatClient::requestRooms()
{
    send(RoomsRequest{});
}

} // namespace Natter
