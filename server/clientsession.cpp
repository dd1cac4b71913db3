#include "clientsession.h"

#include "logging.h"
#include "outgoingframe.h"
#include "plaintextmode.h"
#include "servermessages.h"
#include "validation.h"
#include "websocketframe.h"

#include <QCryptographicHash>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QTimerEvent>
#include <QWebSocket>

namespace Natter {

using namespace Protocol;

namespace {
constexpr int CloseGraceMs = 3000;
}

ClientSession::ClientSession(QWebSocket *socket, QTcpSocket *transport, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_tls(qobject_cast<QSslSocket *>(transport))
    , m_config(config)
    , m_mode(socket->subprotocol() == subprotocol() ? Mode::Natter : Mode::PlainText)
    , m_peer(QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort()))
    , m_bucket(config.limits.messagesPerSecond, config.limits.burst)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(config.limits.maxFrameBytes));
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(config.limits.maxFrameBytes));
    m_clock.start();

    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientSession::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeardMs = m_clock.elapsed(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_closedEmitted)
            return;
        m_closedEmitted = true;
        qCDebug(lcSession) << m_peer << "disconnected:" << m_socket->closeCode() << m_socket->closeReason();
        m_keepalive.stop();
        emit closed(this);
    });

    m_keepalive.start(config.pingIntervalMs, this);
    m_signInDeadline.start(config.signInTimeoutMs, this);
}

void ClientSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_keepalive.timerId()) {
        onKeepaliveTick();
    } else if (event->timerId() == m_signInDeadline.timerId()) {
        m_signInDeadline.stop();
        if (!isWelcomed()) {
            qCInfo(lcSession) << m_peer << "did not sign in within" << m_config.signInTimeoutMs << "ms; closing";
            sendError({Protocol::ErrorCode::HelloRequired,
                       QStringLiteral("Sign in within %1 seconds of connecting.").arg(m_config.signInTimeoutMs / 1000)},
                      QStringLiteral("hello"));
            closeWith(Protocol::CloseCode::PolicyViolation, QStringLiteral("no sign-in"));
        }
    } else if (event->timerId() == m_slowConsumerTimer.timerId()) {
        m_slowConsumerTimer.stop();
        if (queuedBytes() > m_config.maxBufferedBytes)
            dropSlowConsumer();
    } else {
        QObject::timerEvent(event);
    }
}

ClientSession::~ClientSession() = default;

void ClientSession::setName(const QString &name)
{
    m_name = name;
    m_nameKey = Protocol::nameKey(name);
    m_signInDeadline.stop();
}

void ClientSession::setIdentity(qint64 identity, const QByteArray &publicKey)
{
    m_identity = identity;
    m_publicKey = publicKey;
}

QString ClientSession::senderKey() const
{
    return isGuest() ? QStringLiteral("name:") + m_nameKey : party();
}

QString ClientSession::party() const
{
    if (m_identity != 0)
        return identityParty(m_identity);
    return u'g'
        + QString::fromLatin1(QCryptographicHash::hash(m_token.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString ClientSession::identityParty(qint64 identity)
{
    return QStringLiteral("k%1").arg(identity);
}

QString ClientSession::certificateFingerprint() const
{
    if (!m_tls)
        return {};
    return QString::fromLatin1(m_tls->sslConfiguration().localCertificate().digest(QCryptographicHash::Sha256).toHex());
}

void ClientSession::onKeepaliveTick()
{
    if (m_clock.elapsed() - m_lastHeardMs > m_config.pingTimeoutMs) {
        qCInfo(lcSession) << m_peer << "sent nothing for" << m_config.pingTimeoutMs << "ms; dropping it";
        abort();
        return;
    }
    m_socket->ping();
    flushTls();
}

bool ClientSession::admitFrame()
{
    m_lastHeardMs = m_clock.elapsed();
    if (m_bucket.tryTake(m_lastHeardMs)) {
        m_strikes = 0;
        return true;
    }
    if (++m_strikes >= m_config.abuseStrikes) {
        qCWarning(lcSession) << m_peer << "kept flooding after" << m_strikes << "rate-limited frames; closing";
        closeWith(CloseCode::PolicyViolation, QStringLiteral("too many messages"));
        return false;
    }
    // One notice per flood is enough; the rest are dropped silently until a frame is admitted again.
    if (m_strikes == 1) {
        sendError({ErrorCode::RateLimited,
                   QStringLiteral("You are sending too fast; at most %1 messages a second.")
                       .arg(m_config.limits.messagesPerSecond)});
    }
    return false;
}

void ClientSession::onTextMessage(const QString &frame)
{
    if (m_closing || !admitFrame())
        return;
    if (m_mode == Mode::PlainText) {
        emit plainTextReceived(this, frame);
        return;
    }
    auto decoded = decodeClientFrame(frame);
    if (!decoded) {
        qCDebug(lcSession) << m_peer << "sent a bad frame:" << decoded.error().message;
        sendError(decoded.error(), errorReference(frame));
        return;
    }
    emit requestReceived(this, decoded.value());
}

void ClientSession::onBinaryMessage()
{
    if (m_closing)
        return;
    m_lastHeardMs = m_clock.elapsed();
    closeWith(CloseCode::UnsupportedData, QStringLiteral("binary frames are not supported"));
}

void ClientSession::sendFrame(const QByteArray &frame)
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState || !m_transport)
        return;
    // A whole frame goes into the socket's buffer in one call, so it never interleaves with the control frames
    // QWebSocket writes itself (ping, pong, close). The pointer overload copies into the socket's write buffer,
    // so small frames share its blocks and go out together. write(QByteArray) would queue frames of 4 KiB or
    // more as blocks of their own, and the socket sends one block per event-loop pass.
    m_transport->write(frame.constData(), frame.size());
    qint64 queued = queuedBytes();
    if (queued <= m_config.maxBufferedBytes)
        return;
    // Looked at again once the grace is over: still above the cap then, the peer is not reading.
    if (!m_slowConsumerTimer.isActive())
        m_slowConsumerTimer.start(m_config.slowConsumerGraceMs, this);
    if (m_tls) {
        // QSslSocket encrypts what was written when the flush it queues comes round, once per pass, so that
        // small frames share records and system calls. A pass that writes a large burst (TLS hands over every
        // frame a peer sent at once) would otherwise count all of it against the hard cap below before the
        // kernel has been offered any.
        flushTls();
        queued = queuedBytes();
    }
    if (queued > qint64(m_config.maxBufferedBytes) * 8)
        dropSlowConsumer();
}

void ClientSession::flushTls()
{
    // What QWebSocket writes itself (pings, the close frame) is encrypted and handed to the kernel now, not when
    // QSslSocket's own queued flush comes round: a server that stops closes every connection and ends its
    // thread right after, and the close frames would not have left.
    if (m_tls)
        m_tls->flush();
}

qint64 ClientSession::queuedBytes() const
{
    if (!m_transport)
        return 0;
    // A TLS socket holds what it has not encrypted yet and, below it, what it has encrypted but not sent.
    if (m_tls)
        return m_tls->bytesToWrite() + m_tls->encryptedBytesToWrite();
    return m_transport->bytesToWrite();
}

void ClientSession::dropSlowConsumer()
{
    if (m_closing)
        return;
    qCWarning(lcSession) << m_peer << "stopped reading with" << queuedBytes() << "bytes waiting; dropping it";
    closeWith(CloseCode::PolicyViolation, QStringLiteral("too slow: not reading what is sent"));
}

void ClientSession::send(OutgoingFrame &frame)
{
    if (m_mode == Mode::Natter) {
        sendFrame(frame.natterFrame());
    } else if (const QByteArray &line = frame.plainFrame(); !line.isEmpty()) {
        sendFrame(line);
    }
}

void ClientSession::send(const ServerMessage &message)
{
    OutgoingFrame frame(message);
    send(frame);
}

void ClientSession::sendError(const ProtocolError &error, const QString &ref)
{
    send(ErrorEvent::from(error, ref));
}

void ClientSession::sendPlainLine(const QString &line)
{
    sendFrame(WebSocketFrame::text(line.toUtf8()));
}

void ClientSession::closeWith(CloseCode code, const QString &reason)
{
    // Whatever the peer still sends while the close is under way is ignored.
    if (m_closing)
        return;
    m_closing = true;
    m_keepalive.stop();
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    flushTls();
    // A peer that never answers the closing handshake must not keep the connection alive.
    QTimer::singleShot(CloseGraceMs, this, [this] {
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            abort();
    });
}

void ClientSession::abort()
{
    m_socket->abort();
}

} // namespace Natter
