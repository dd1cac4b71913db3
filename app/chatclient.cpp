#include "chatclient.h"

#include "certificatepins.h"
#include "clientlogging.h"
#include "clientmessages.h"
#include "identityproof.h"
#include "overloaded.h"
#include "protocol.h"
#include "serverframecheck.h"
#include "validation.h"

#include <QRandomGenerator>

namespace Natter {

using namespace Protocol;

namespace {

bool isWebSocketScheme(const QUrl &url)
{
    return url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss");
}

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatClient::openSocket);
    connect(&m_socket, &ServerSocket::opened, this, &ChatClient::onConnected);
    connect(&m_socket, &ServerSocket::lost, this, &ChatClient::onConnectionLost);
    connect(&m_socket, &ServerSocket::timedOut, this, [this] {
        // abort() reports the loss itself when a socket was open; a socket still looking up its host may not.
        if (m_state == State::Connecting || m_state == State::Reconnecting)
            onConnectionLost();
    });
    connect(&m_socket, &ServerSocket::frameReceived, this, &ChatClient::handle);
    connect(&m_sender, &MessageSender::messageQueued, this, &ChatClient::messageQueued);
    connect(&m_sender, &MessageSender::messageAcknowledged, this,
            [this](const QString &id, const ConversationId &conversation, qint64 seq, qint64 ts) {
                m_resume.noteSeq(conversation, seq);
                emit messageAcknowledged(id, conversation, seq, ts);
            });
    connect(&m_sender, &MessageSender::messageFailed, this, &ChatClient::messageFailed);
    connect(&m_sender, &MessageSender::outboxChanged, this, &ChatClient::outboxChanged);
    connect(&m_sender, &MessageSender::serverStoringChanged, this, &ChatClient::serverStoringChanged);
    connect(&m_sender, &MessageSender::resendDue, this, [this] {
        if (m_welcomed)
            m_sender.sendPending(); // else the next welcome sends them
    });
    connect(&m_requests, &ServerRequests::historyFailed, this, &ChatClient::historyFailed);
    connect(&m_requests, &ServerRequests::excerptFailed, this, &ChatClient::excerptFailed);
    connect(&m_requests, &ServerRequests::joinFailed, this, &ChatClient::joinFailed);
    connect(&m_requests, &ServerRequests::sinceRoomRefused, this, [this](const QString &room, const ErrorEvent &error) {
        m_resume.left(room);
        emit joinFailed(room, error);
    });
    connect(&m_requests, &ServerRequests::topicFailed, this, &ChatClient::topicFailed);
    connect(&m_requests, &ServerRequests::nameChangeFailed, this, &ChatClient::nameChangeFailed);
    connect(&m_requests, &ServerRequests::searchFailed, this, &ChatClient::searchFailed);
    connect(&m_requests, &ServerRequests::reactionFailed, this, &ChatClient::reactionFailed);
    connect(&m_requests, &ServerRequests::errorReceived, this, &ChatClient::errorReceived);
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
    m_socket.stopDeadline();
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
    m_requests.reset();
    m_requests.abandon();
    m_sender.reset(unsent);
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
    const auto &problem = m_socket.certificateCheck().problem();
    // An invite link names the one certificate to accept: another is refused, whatever the user says.
    if (m_state != State::Disconnected || !problem || problem->kind == CertificateProblem::Kind::NotInvited
        || problem->fingerprint != fingerprint || fingerprint.isEmpty())
        return;
    m_socket.certificateCheck().pins()->pin(m_url, fingerprint);
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
    m_socket.stopDeadline();
    m_socket.closeNormally();
    m_requests.abandon();
    m_welcomed = false;
    setInterruption(Interruption::None);
    setState(State::Disconnected);
}

void ChatClient::openSocket()
{
    m_welcomed = false;
    m_ignoredRoomMessages = 0;
    m_socket.open(m_url, m_connectTimeoutMs);
}

void ChatClient::onConnected()
{
    if (!m_socket.certificateCheck().acceptConnection()) {
        m_socket.stopDeadline();
        m_closing = true;
        m_socket.abort();
        setState(State::Disconnected);
        emit certificateRejected(*m_socket.certificateCheck().problem());
        return;
    }
    if (!m_socket.speaksNatter()) {
        qCWarning(lcClient) << m_url.toString() << "did not accept natter.v1";
        m_closing = true;
        m_socket.stopDeadline();
        m_socket.abort();
        setState(State::Disconnected);
        emit connectionFailed(tr("%1 is not a Natter server.").arg(m_url.toDisplayString()));
        return;
    }
    QSet<QString> sinceRooms;
    m_challengeAnswered = false;
    // A keyed user's name needs no token: the key proves who comes back.
    m_socket.send(Hello{m_name, m_password, m_identity.isNull() ? m_token : QString(), m_identity.publicKey(),
                        m_resume.since(&sinceRooms)});
    m_requests.awaitSinceRooms(sinceRooms);
    // A keyed sign-in is not over before the proof: the question follows that.
    if (m_identity.isNull())
        m_requests.askAfterSinceRooms();
}

void ChatClient::onConnectionLost()
{
    m_socket.stopDeadline();
    if (m_state == State::Disconnected || m_reconnectTimer.isActive())
        return;
    const bool wasWelcomed = m_welcomed;
    m_welcomed = false;
    m_requests.abandon();
    if (m_closing) {
        setState(State::Disconnected);
        return;
    }
    if (const auto &problem = m_socket.certificateCheck().problem()) {
        // Trying again would meet the same certificate: the user decides.
        m_closing = true;
        setState(State::Disconnected);
        emit certificateRejected(*problem);
        return;
    }
    const quint16 closeCode = m_socket.closeCode();
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
        emit connectionFailed(m_socket.failureReason());
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
    if (m_socket.closedForSize()) {
        qCWarning(lcClient) << m_url.toString() << "sent a frame over" << m_socket.incomingCap()
                            << "bytes; closed with 1009";
        setInterruption(Interruption::Oversized);
    } else if (!m_everWelcomed) {
        setInterruption(Interruption::Unreachable);
    } else if (m_interruption != Interruption::ServerStopped) {
        setInterruption(Interruption::ConnectionLost);
    }
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

void ChatClient::handle(const ServerMessage &message)
{
    std::visit(Overloaded{
                   [this](const Welcome &welcome) { onWelcome(welcome); },
                   [this](const Challenge &challenge) { onChallenge(challenge); },
                   [this](Joined joined) {
                       joined.members = ServerFrameCheck::acceptableNames(joined.members);
                       m_resume.joined(joined.room);
                       m_requests.ledger().answeredJoin(joined.room);
                       for (const ChatMessage &message : joined.history)
                           m_resume.noteSeq(ConversationId::room(joined.room), message.seq);
                       emit this->joined(joined);
                   },
                   [this](const MessageEvent &event) { onMessage(event.message); },
                   [this](const Ack &ack) { m_sender.acknowledge(ack.id, ack.seq, ack.ts); },
                   [this](const Presence &presence) {
                       if (presence.event == PresenceChange::Renamed && nameKey(presence.previous) == nameKey(m_name)
                           && presence.room.isEmpty()) {
                           m_requests.ledger().answeredName(presence.name);
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
                       m_requests.settleSinceRooms();
                       emit roomsListed(ServerFrameCheck::acceptableRooms(list.rooms));
                   },
                   [this](const HistoryPage &page) { onHistory(page); },
                   [this](const TypingEvent &typing) { emit typingReceived(typing); },
                   [this](const TopicChanged &change) {
                       m_requests.ledger().answeredTopic(change.room);
                       emit topicChanged(change);
                   },
                   [this](const ErrorEvent &error) { onError(error); },
                   [this](const SearchResults &results) {
                       m_requests.searchAnswered();
                       emit searchAnswered(results);
                   },
                   [this](const UnreadCounts &counts) { emit unreadReceived(counts); },
                   [this](const ReactionEvent &event) {
                       const bool byMe = nameKey(event.by) == nameKey(m_name);
                       const ConversationId conversation = event.room.isEmpty()
                           ? ConversationId::direct(byMe ? event.to : event.by)
                           : ConversationId::room(event.room);
                       // A change has a seq of its own: resuming after it does not replay it again.
                       m_resume.noteSeq(conversation, event.rev);
                       emit reactionChanged(conversation, event, byMe);
                   },
                   [this](const ReactorList &list) {
                       emit reactorsReceived(list.room.isEmpty() ? ConversationId::direct(list.to)
                                                                 : ConversationId::room(list.room),
                                             list);
                   },
               },
               message);
}

void ChatClient::onWelcome(Welcome welcome)
{
    welcome.rooms = ServerFrameCheck::acceptableRooms(welcome.rooms);
    m_socket.stopDeadline();
    m_welcomed = true;
    m_everWelcomed = true;
    setInterruption(Interruption::None);
    m_token = welcome.token;
    m_serverInfo = welcome.server;
    m_socket.applyLimits(welcome.server.limits);
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
    m_sender.sendPending();
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
    m_socket.send(Prove{m_identity.sign(loginProofPayload(challenge.nonce, m_socket.peerFingerprint()))});
    m_requests.askAfterSinceRooms();
}

void ChatClient::onMessage(const ChatMessage &message)
{
    const ConversationId conversation = conversationOf(message);
    if (conversation.isRoom() && !m_resume.isIn(conversation.name)) {
        // A server has no business sending a room's messages to someone outside it; listing them would let it fill
        // the app with rooms. Said once per connection, not once per message of a flood.
        if (m_ignoredRoomMessages++ == 0)
            qCWarning(lcClient) << "ignoring messages for rooms this user is not in, such as" << conversation.name;
        return;
    }
    emit messageReceived(message);
    // After the signal: a direct conversation the session lists is followed by then, and only what is followed is
    // resumed (a flood of strangers' messages must not grow hello.since).
    m_resume.noteSeq(conversation, message.seq);
}

void ChatClient::onHistory(const HistoryPage &page)
{
    const ConversationId conversation =
        page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
    if (m_requests.ledger().answeredHistory(conversation)) {
        // Not noted for resuming: an excerpt may reach past what the conversation itself has been given.
        emit excerptReceived(page);
        return;
    }
    for (const ChatMessage &message : page.messages)
        m_resume.noteSeq(conversation, message.seq);
    emit historyReceived(page);
}

void ChatClient::onError(const ErrorEvent &error)
{
    if (!m_welcomed && (error.ref == Hello::Type || error.ref == Prove::Type)) {
        qCInfo(lcClient) << "sign-in refused:" << errorCodeWord(error.code) << error.message;
        m_closing = true;
        m_socket.stopDeadline();
        m_socket.close();
        setState(State::Disconnected);
        emit signInFailed(error);
        return;
    }
    if (m_sender.refuse(error))
        return;
    m_requests.refuse(error);
}

void ChatClient::joinRoom(const QString &room)
{
    if (m_welcomed)
        m_requests.join(room);
}

void ChatClient::leaveRoom(const QString &room)
{
    m_requests.leave(room);
}

QString ChatClient::sendMessage(const ConversationId &conversation, const QString &text, MessageKind kind,
                                qint64 target)
{
    const OutgoingMessage message = m_sender.queue(conversation, text, kind, target);
    // While disconnected it waits in the outbox and goes out after the next welcome.
    if (m_welcomed)
        m_sender.send(message);
    return message.id;
}

QString ChatClient::sendReply(const ConversationId &conversation, const QString &text, qint64 seq, const QString &from,
                              const QString &quote)
{
    const OutgoingMessage reply = m_sender.queueReply(conversation, text, seq, from, quote);
    if (m_welcomed)
        m_sender.send(reply);
    return reply.id;
}

bool ChatClient::retryMessage(const QString &id)
{
    const auto message = m_sender.retry(id);
    if (message && m_welcomed)
        m_sender.send(*message);
    return message.has_value();
}

bool ChatClient::discardMessage(const QString &id)
{
    return m_sender.discard(id);
}

void ChatClient::requestHistory(const ConversationId &conversation, qint64 beforeSeq, int limit)
{
    if (!m_welcomed) {
        // Asked while offline: say at once that no page comes, so the asker can ask again after the reconnect.
        QTimer::singleShot(0, this, [this, conversation] { emit historyFailed(conversation, {}); });
        return;
    }
    m_requests.history(conversation, beforeSeq, limit);
}

void ChatClient::requestExcerpt(const ConversationId &conversation, qint64 beforeSeq, qint64 aroundSeq)
{
    if (!m_welcomed) {
        QTimer::singleShot(0, this, [this, conversation] { emit excerptFailed(conversation, {}); });
        return;
    }
    m_requests.excerpt(conversation, beforeSeq, aroundSeq);
}

void ChatClient::notifyTyping(const ConversationId &conversation)
{
    m_requests.typing(conversation);
}

void ChatClient::setTopic(const QString &room, const QString &topic)
{
    if (m_welcomed)
        m_requests.setTopic(room, topic);
}

void ChatClient::changeName(const QString &name)
{
    // The server does not answer a change to the name already held; a request waiting for that answer would take
    // the blame for the next refusal.
    if (m_welcomed && name != m_name)
        m_requests.changeName(name);
}

void ChatClient::requestRooms()
{
    m_requests.listRooms();
}

bool ChatClient::markRead(const ConversationId &conversation, qint64 seq)
{
    if (!m_welcomed || !m_serverInfo.features.contains(ReadMarker::Type.toString()))
        return false;
    m_socket.send(ReadMarker{conversation.isRoom() ? conversation.name : QString(),
                             conversation.isRoom() ? QString() : conversation.name, seq});
    return true;
}

void ChatClient::react(const ConversationId &conversation, qint64 seq, const QString &emoji, bool on)
{
    if (!m_welcomed) {
        QTimer::singleShot(0, this, [this] { emit reactionFailed({}); });
        return;
    }
    m_requests.react(conversation, seq, emoji, on);
}

void ChatClient::requestReactors(const ConversationId &conversation, qint64 seq, const QString &emoji)
{
    if (!m_welcomed) {
        QTimer::singleShot(0, this, [this] { emit reactionFailed({}); });
        return;
    }
    m_requests.reactors(conversation, seq, emoji);
}

void ChatClient::search(const Protocol::SearchRequest &request)
{
    if (!m_welcomed) {
        QTimer::singleShot(0, this, [this] { emit searchFailed({}); });
        return;
    }
    m_requests.search(request);
}

} // namespace Natter
