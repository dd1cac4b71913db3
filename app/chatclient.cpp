#include "chatclient.h"

#include "certificatepins.h"
#include "clientlogging.h"
#include "clientmessages.h"
#include "errortext.h"
#include "identityproof.h"
#include "invitelink.h"
#include "overloaded.h"
#include "protocol.h"
#include "serverframecheck.h"
#include "validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocketHandshakeOptions>

namespace Natter {

using namespace Protocol;

namespace {

// Frames from a server may be large (history pages, room lists) but not endless: 8 MiB is what docs/protocol.md
// asks a client to accept, with room to spare.
constexpr quint64 MaxIncomingBytes = quint64(16) * 1024 * 1024;

bool isWebSocketScheme(const QUrl &url)
{
    return url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss");
}

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
    m_socket.setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatClient::openSocket);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &ChatClient::onConnectTimeout);
    connect(&m_socket, &QWebSocket::connected, this, &ChatClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatClient::onConnectionLost);
    // QWebSocket keeps the close code of an earlier connection until the next close frame: a later drop without
    // one would look like the server stopping (1001) or the session ending. Only a close of this connection counts.
    connect(&m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeCode = m_socket.closeCode(); });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                m_socketError = error;
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
    return m_resume.rooms();
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

void ChatClient::connectToServer(const QUrl &url, const QString &name, const QString &password,
                                 const QList<ResumePoint> &resume, const QList<OutgoingMessage> &unsent)
{
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    m_closing = false;
    m_socket.abort();
    m_url = url;
    if (m_name != name) {
        m_name = name;
        emit nameChanged(name);
    }
    m_password = password;
    m_token.clear();
    m_serverInfo = {};
    m_welcomed = false;
    m_everWelcomed = false;
    setInterruption(Interruption::None);
    m_reconnectPolicy.reset();
    m_resume.reset(resume);
    m_lastTypingMs.clear();
    abandonRequests();
    m_outbox.clear();
    m_outbox.restore(unsent);
    // Going back to a chat this app was in: a host that is down now is waited for, not given up on.
    m_resuming = !resume.isEmpty() || !unsent.isEmpty();
    setState(State::Connecting);
    if (!isWebSocketScheme(url)) {
        // Reported from the event loop, like every other failure, so callers see the same order of events.
        QTimer::singleShot(0, this, [this, url] {
            if (m_url != url || m_state != State::Connecting)
                return;
            m_closing = true;
            setState(State::Disconnected);
            emit connectionFailed(
                tr("%1 is not a chat address: chat addresses start with ws:// or wss://.").arg(url.toDisplayString()));
        });
        return;
    }
    openSocket();
}

void ChatClient::followDirect(const ConversationId &conversation)
{
    m_resume.follow(conversation);
}

void ChatClient::unfollowDirect(const ConversationId &conversation)
{
    m_resume.unfollow(conversation);
}

void ChatClient::trustCertificate(const QString &fingerprint)
{
    const auto &problem = m_certificateCheck.problem();
    // An invite link names the one certificate to accept: another is refused, whatever the user says.
    if (m_state != State::Disconnected || !problem || problem->kind == CertificateProblem::Kind::NotInvited
        || problem->fingerprint != fingerprint || fingerprint.isEmpty())
        return;
    m_certificateCheck.pins()->pin(m_url, fingerprint);
    m_closing = false;
    setState(m_everWelcomed ? State::Reconnecting : State::Connecting);
    openSocket();
}

void ChatClient::reconnectNow()
{
    if (m_state != State::Reconnecting || m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_reconnectTimer.stop();
    openSocket();
}

void ChatClient::disconnectFromServer()
{
    m_closing = true;
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("bye"));
    else
        m_socket.abort(); // still connecting: there is nobody to say goodbye to
    abandonRequests();
    m_welcomed = false;
    setInterruption(Interruption::None);
    setState(State::Disconnected);
}

void ChatClient::openSocket()
{
    m_welcomed = false;
    m_timedOut = false;
    m_closeCode = 0;
    m_socketError = QAbstractSocket::UnknownSocketError;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({subprotocol()});
    qCDebug(lcClient) << "connecting to" << m_url.toString();
    m_connectTimer.start(m_connectTimeoutMs);
    m_certificateCheck.begin(m_url);
    m_socket.open(InviteLink::address(m_url), options);
}

void ChatClient::onConnectTimeout()
{
    qCInfo(lcClient) << m_url.toString() << "did not answer within" << m_connectTimeoutMs << "ms";
    m_timedOut = true;
    m_socket.abort();
    // abort() reports the loss itself when a socket was open; a socket still looking up its host may not.
    if (m_state == State::Connecting || m_state == State::Reconnecting)
        onConnectionLost();
}

void ChatClient::onConnected()
{
    if (!m_certificateCheck.acceptConnection()) {
        m_connectTimer.stop();
        m_closing = true;
        m_socket.abort();
        setState(State::Disconnected);
        emit certificateRejected(*m_certificateCheck.problem());
        return;
    }
    if (m_socket.subprotocol() != subprotocol()) {
        qCWarning(lcClient) << m_url.toString() << "did not accept natter.v1";
        m_closing = true;
        m_connectTimer.stop();
        m_socket.abort();
        setState(State::Disconnected);
        emit connectionFailed(tr("%1 is not a Natter server.").arg(m_url.toDisplayString()));
        return;
    }
    QSet<QString> sinceRooms;
    m_challengeAnswered = false;
    // A keyed user's name needs no token: the key proves who comes back.
    send(Hello{m_name, m_password, m_identity.isNull() ? m_token : QString(), m_identity.publicKey(),
               m_resume.since(&sinceRooms)});
    m_requests.awaitSinceRooms(sinceRooms);
    // A keyed sign-in is not over before the proof: the question follows that.
    if (m_identity.isNull())
        askAfterSinceRooms();
}

void ChatClient::askAfterSinceRooms()
{
    // The server handles a connection's frames in order, so this answer comes after every room named in `since`
    // was rejoined or refused; a refusal names no room, so the rooms still waiting then are the refused ones.
    if (m_requests.awaitsSinceRooms())
        send(RoomsRequest{});
}

void ChatClient::onConnectionLost()
{
    m_connectTimer.stop();
    if (m_state == State::Disconnected || m_reconnectTimer.isActive())
        return;
    const bool wasWelcomed = m_welcomed;
    m_welcomed = false;
    abandonRequests();
    if (m_closing) {
        setState(State::Disconnected);
        return;
    }
    if (const auto &problem = m_certificateCheck.problem()) {
        // Trying again would meet the same certificate: the user decides.
        m_closing = true;
        setState(State::Disconnected);
        emit certificateRejected(*problem);
        return;
    }
    const quint16 closeCode = m_closeCode;
    if (closeCode == static_cast<quint16>(CloseCode::Replaced)
        || closeCode == static_cast<quint16>(CloseCode::AuthFailed)) {
        setState(State::Disconnected);
        emit sessionEnded(closeCode == static_cast<quint16>(CloseCode::Replaced)
                              ? tr("You signed in to this server from somewhere else.")
                              : tr("The server refused the password."));
        return;
    }
    if (!m_everWelcomed && !m_resuming) {
        setState(State::Disconnected);
        emit connectionFailed(connectFailureReason());
        return;
    }
    if (wasWelcomed && closeCode == static_cast<quint16>(CloseCode::GoingAway)) {
        // The host stopped the chat on purpose. It may come back (a restarted server): look now and then.
        qCInfo(lcClient) << "the server stopped the chat";
        setInterruption(Interruption::ServerStopped);
        setState(State::Reconnecting);
        scheduleReconnect(m_reconnectPolicy.maximumDelayMs());
        return;
    }
    if (!m_everWelcomed)
        setInterruption(Interruption::Unreachable);
    else if (m_interruption != Interruption::ServerStopped)
        setInterruption(Interruption::ConnectionLost);
    const int delay = m_reconnectPolicy.nextDelayMs(*QRandomGenerator::global());
    qCInfo(lcClient) << "connection lost" << (wasWelcomed ? "" : "again") << "; reconnecting in" << delay << "ms";
    setState(State::Reconnecting);
    scheduleReconnect(delay);
}

void ChatClient::setInterruption(Interruption interruption)
{
    if (m_interruption == interruption)
        return;
    m_interruption = interruption;
    emit interruptionChanged(interruption);
}

void ChatClient::scheduleReconnect(int delayMs)
{
    m_reconnectTimer.start(delayMs);
}

QString ChatClient::connectFailureReason() const
{
    if (m_timedOut) // rounded up: a timeout under a second is not "0 seconds"
        return tr("%1 did not answer within %n second(s).", nullptr, (m_connectTimeoutMs + 999) / 1000)
            .arg(m_url.toDisplayString());
    return ErrorText::socketError(m_socketError, m_url);
}

void ChatClient::onTextMessage(const QString &frame)
{
    auto decoded = decodeServerFrame(frame);
    if (!decoded) {
        qCWarning(lcClient) << "ignoring a frame the server should not have sent:" << decoded.error().message;
        return;
    }
    if (const auto problem = ServerFrameCheck::problemWith(decoded.value())) {
        qCWarning(lcClient).noquote() << "ignoring a frame the server should not have sent:" << *problem;
        return;
    }
    handle(decoded.value());
}

void ChatClient::handle(const ServerMessage &message)
{
    std::visit(Overloaded{
                   [this](const Welcome &welcome) { onWelcome(welcome); },
                   [this](const Challenge &challenge) { onChallenge(challenge); },
                   [this](Joined joined) {
                       joined.members = ServerFrameCheck::acceptableNames(joined.members);
                       m_resume.joined(joined.room);
                       m_requests.answeredJoin(joined.room);
                       for (const ChatMessage &message : joined.history)
                           m_resume.noteSeq(ConversationId::room(joined.room), message.seq);
                       emit this->joined(joined);
                   },
                   [this](const MessageEvent &event) {
                       m_resume.noteSeq(conversationOf(event.message), event.message.seq);
                       emit messageReceived(event.message);
                   },
                   [this](const Ack &ack) {
                       const auto outgoing = m_outbox.find(ack.id);
                       if (!outgoing)
                           return; // an ack for a resend that was already acknowledged
                       m_outbox.acknowledge(ack.id);
                       m_resume.noteSeq(outgoing->conversation, ack.seq);
                       emit messageAcknowledged(ack.id, outgoing->conversation, ack.seq, ack.ts);
                       emit outboxChanged();
                   },
                   [this](const Presence &presence) {
                       if (presence.event == PresenceChange::Renamed && nameKey(presence.previous) == nameKey(m_name)
                           && presence.room.isEmpty()) {
                           m_requests.answeredName(presence.name);
                           m_name = presence.name;
                           emit nameChanged(m_name);
                       }
                       if (presence.event == PresenceChange::Left && nameKey(presence.name) == nameKey(m_name)) {
                           m_resume.left(presence.room);
                           emit left(presence.room);
                       }
                       emit presenceChanged(presence);
                   },
                   [this](const RoomList &list) {
                       settleSinceRooms();
                       emit roomsListed(ServerFrameCheck::acceptableRooms(list.rooms));
                   },
                   [this](const HistoryPage &page) { onHistory(page); },
                   [this](const TypingEvent &typing) { emit typingReceived(typing); },
                   [this](const TopicChanged &change) {
                       m_requests.answeredTopic(change.room);
                       emit topicChanged(change);
                   },
                   [this](const ErrorEvent &error) { onError(error); },
                   [this](const SearchResults &results) { emit searchAnswered(results); },
               },
               message);
}

void ChatClient::onWelcome(Welcome welcome)
{
    welcome.rooms = ServerFrameCheck::acceptableRooms(welcome.rooms);
    m_connectTimer.stop();
    m_welcomed = true;
    m_everWelcomed = true;
    setInterruption(Interruption::None);
    m_token = welcome.token;
    m_serverInfo = welcome.server;
    m_reconnectPolicy.reset();
    if (m_name != welcome.name) {
        m_name = welcome.name;
        emit nameChanged(m_name);
    }
    setState(State::Connected);
    emit welcomed(welcome);
    // Rooms named in hello.since come back by themselves; rooms with nothing seen yet are joined afresh.
    for (const QString &room : m_resume.roomsToJoin())
        joinRoom(room);
    // Whatever was sent but never acknowledged goes again, under its own id: the server stores it once.
    const QList<OutgoingMessage> pending = m_outbox.pending();
    for (const OutgoingMessage &message : pending)
        sendQueued(message);
}

void ChatClient::onChallenge(const Challenge &challenge)
{
    if (m_identity.isNull() || m_welcomed || m_challengeAnswered) {
        qCWarning(lcClient) << "ignoring a challenge nobody asked for";
        return;
    }
    m_challengeAnswered = true;
    // Bound to the certificate this connection saw: a server that relays the challenge from another one gets a
    // signature that the other one refuses.
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    const QString fingerprint = m_url.scheme() == u"wss" && !certificate.isNull()
        ? QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex())
        : QString();
    send(Prove{m_identity.sign(loginProofPayload(challenge.nonce, fingerprint))});
    askAfterSinceRooms();
}

void ChatClient::onHistory(const HistoryPage &page)
{
    const ConversationId conversation =
        page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
    m_requests.answeredHistory(conversation);
    for (const ChatMessage &message : page.messages)
        m_resume.noteSeq(conversation, message.seq);
    emit historyReceived(page);
}

void ChatClient::onError(const ErrorEvent &error)
{
    if (!m_welcomed && (error.ref == Hello::Type || error.ref == Prove::Type)) {
        qCInfo(lcClient) << "sign-in refused:" << errorCodeWord(error.code) << error.message;
        m_closing = true;
        m_connectTimer.stop();
        m_socket.close();
        setState(State::Disconnected);
        emit signInFailed(error);
        return;
    }
    if (!error.ref.isEmpty() && m_outbox.contains(error.ref)) {
        m_outbox.fail(error.ref);
        emit messageFailed(error.ref, error);
        emit outboxChanged();
        return;
    }
    qCInfo(lcClient) << "server error:" << errorCodeWord(error.code) << error.ref << error.message;
    const RequestLedger::Refused refused = m_requests.take(error);
    switch (refused.kind) {
    case RequestLedger::Kind::History:
        emit historyFailed(refused.conversation, error);
        return;
    case RequestLedger::Kind::Join:
        emit joinFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::SinceRoom:
        return; // told at settleSinceRooms()
    case RequestLedger::Kind::Topic:
        emit topicFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::Name:
        emit nameChangeFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::None:
        break;
    }
    if (error.code == ErrorCode::HelloRequired)
        return; // a request sent behind a hello the server refused
    if (error.ref == Typing::Type)
        return; // the person left before the typing notice arrived: nothing anyone needs to see
    emit errorReceived(error);
}

void ChatClient::settleSinceRooms()
{
    for (const auto &[room, error] : m_requests.settleSinceRooms()) {
        m_resume.left(room);
        emit joinFailed(room, error);
    }
}

void ChatClient::abandonRequests()
{
    // Requests sent on a connection that is gone will never be answered; whoever waits for them must know.
    for (const ConversationId &conversation : m_requests.abandon())
        emit historyFailed(conversation, {});
}

void ChatClient::send(const ClientMessage &message)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendTextMessage(encodeFrame(message));
}

void ChatClient::joinRoom(const QString &room)
{
    if (!m_welcomed)
        return;
    m_requests.sentJoin(room);
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
              message.text, message.kind, message.target, message.replyTo});
}

QString ChatClient::sendMessage(const ConversationId &conversation, const QString &text, MessageKind kind,
                                qint64 target)
{
    const OutgoingMessage message = m_outbox.add(conversation, text, kind, target);
    emit messageQueued(message);
    emit outboxChanged();
    // While disconnected it waits in the outbox and goes out after the next welcome.
    if (m_welcomed)
        sendQueued(message);
    return message.id;
}

QString ChatClient::sendReply(const ConversationId &conversation, const QString &text, qint64 seq, const QString &from,
                              const QString &quote)
{
    OutgoingMessage reply = m_outbox.add(conversation, text, MessageKind::Text);
    m_outbox.setReply(reply.id, seq, from, quote);
    reply = *m_outbox.find(reply.id);
    emit messageQueued(reply);
    emit outboxChanged();
    if (m_welcomed)
        sendQueued(reply);
    return reply.id;
}

bool ChatClient::retryMessage(const QString &id)
{
    const auto message = m_outbox.retry(id);
    if (!message)
        return false;
    emit outboxChanged();
    if (m_welcomed)
        sendQueued(*message);
    return true;
}

bool ChatClient::discardMessage(const QString &id)
{
    const auto message = m_outbox.find(id);
    if (!message || !message->failed)
        return false;
    m_outbox.discard(id);
    emit outboxChanged();
    return true;
}

void ChatClient::requestHistory(const ConversationId &conversation, qint64 beforeSeq, int limit)
{
    if (!m_welcomed) {
        // Asked while offline: say at once that no page comes, so the asker can ask again after the reconnect.
        QTimer::singleShot(0, this, [this, conversation] { emit historyFailed(conversation, {}); });
        return;
    }
    const bool room = conversation.isRoom();
    m_requests.sentHistory(conversation);
    send(HistoryRequest{room ? conversation.name : QString(), room ? QString() : conversation.name, beforeSeq, limit});
}

void ChatClient::notifyTyping(const ConversationId &conversation)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 &last = m_lastTypingMs[conversation];
    if (last != 0 && now - last < m_typingIntervalMs)
        return;
    last = now;
    const bool room = conversation.isRoom();
    send(Typing{room ? conversation.name : QString(), room ? QString() : conversation.name});
}

void ChatClient::setTopic(const QString &room, const QString &topic)
{
    if (!m_welcomed)
        return;
    m_requests.sentTopic(room);
    send(SetTopic{room, topic});
}

void ChatClient::changeName(const QString &name)
{
    // The server does not answer a change to the name already held; a request waiting for that answer would take
    // the blame for the next refusal.
    if (!m_welcomed || name == m_name)
        return;
    m_requests.sentName(name);
    send(Nick{name});
}

void ChatClient::requestRooms()
{
    send(RoomsRequest{});
}

} // namespace Natter
