#include "clientsession.h"

#include "logging.h"
#include "outgoingframe.h"
#include "outputbudget.h"
#include "plaintextmode.h"
#include "servermessages.h"
#include "validation.h"
#include "websocketframe.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

#include <algorithm>

namespace Natter {

using namespace Protocol;

namespace {
constexpr int CloseGraceMs = 3000;
constexpr qint64 ReadChunkBytes = 64 * 1024;
} // namespace

ClientSession::ClientSession(QTcpSocket *transport, Mode mode, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_tls(qobject_cast<QSslSocket *>(transport))
    , m_config(config)
    , m_mode(mode)
    , m_peer(QStringLiteral("%1:%2").arg(transport->peerAddress().toString()).arg(transport->peerPort()))
    , m_peerAddress(transport->peerAddress())
    , m_reader(config.limits.maxFrameBytes)
    , m_bucket(config.limits.messagesPerSecond, config.limits.burst)
    , m_inputCap(std::max<qint64>(config.maxInputBytes, 2 * qint64(config.limits.maxFrameBytes)))
{
    transport->setParent(this);
    // Whatever the peer sends while it is held back stays in the kernel once this buffer is full, so the kernel's
    // flow control slows the peer down rather than the server's memory growing.
    transport->setReadBufferSize(m_inputCap);
    m_clock.start();

    connect(transport, &QTcpSocket::readyRead, this, &ClientSession::readInput);
    connect(transport, &QTcpSocket::disconnected, this, &ClientSession::onDisconnected);
    connect(transport, &QTcpSocket::bytesWritten, this, &ClientSession::onBytesWritten);
    if (m_tls)
        connect(m_tls, &QSslSocket::encryptedBytesWritten, this, &ClientSession::onBytesWritten);
    // Frames the client sent right behind its handshake are read once the receiver has connected to the signals.
    if (transport->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ClientSession::readInput, Qt::QueuedConnection);

    m_keepalive.start(config.pingIntervalMs, this);
    m_signInDeadline.start(config.signInTimeoutMs, this);
}

void ClientSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_refill.timerId()) {
        m_refill.stop();
        readInput();
    } else if (event->timerId() == m_keepalive.timerId()) {
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
    } else if (event->timerId() == m_closeGrace.timerId()) {
        // A peer that never answers the closing handshake must not keep the connection alive.
        m_closeGrace.stop();
        abort();
    } else {
        QObject::timerEvent(event);
    }
}

ClientSession::~ClientSession()
{
    if (m_budget) {
        m_budget->adjust(-m_reported);
        m_budget->remove(this);
    }
}

void ClientSession::setOutputBudget(OutputBudget *budget)
{
    m_budget = budget;
    budget->add(this);
}

void ClientSession::reportQueued(qint64 queued)
{
    if (m_budget && queued != m_reported) {
        m_budget->adjust(queued - m_reported);
        m_reported = queued;
    }
}

void ClientSession::dropForOutputBudget()
{
    m_budget = nullptr;
    m_reported = 0;
    abort();
}

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
    sendFrame(WebSocketFrame::ping());
    flushTls();
}

qint64 ClientSession::unreadInputBytes() const
{
    return m_reader.pendingBytes() + (m_transport ? m_transport->bytesAvailable() : 0);
}

void ClientSession::readInput()
{
    if (!m_transport)
        return;
    m_lastHeardMs = m_clock.elapsed();
    for (;;) {
        if (m_holding) {
            // The message that waited for a token is first, before anything read after it.
            if (!handleMessage())
                break;
            if (!m_transport)
                return;
            continue;
        }
        const WebSocketReader::Result result = m_reader.next();
        if (result == WebSocketReader::Result::NeedMore) {
            const qint64 available = m_transport->bytesAvailable();
            if (available <= 0 || m_reader.readFrom(m_transport, std::min(available, ReadChunkBytes)) <= 0)
                return;
            continue;
        }
        if (result == WebSocketReader::Result::Failed) {
            // Nothing more can be read: the connection ends once the close frame has gone (see writeClose).
            if (m_closing) {
                if (m_closeSent)
                    m_transport->disconnectFromHost();
                return;
            }
            qCInfo(lcSession) << m_peer << "broke the WebSocket protocol:" << m_reader.failureReason();
            closeWith(static_cast<CloseCode>(m_reader.failureCode()), m_reader.failureReason());
            return;
        }
        if (!handleMessage())
            break;
        if (!m_transport)
            return;
    }
    // Held back: the peer's input waits unread. Past the cap it has sent far more than its rate allows.
    if (!m_closing && unreadInputBytes() >= m_inputCap) {
        if (m_waitingForDrain) {
            qCWarning(lcSession) << m_peer << "sent" << unreadInputBytes()
                                 << "bytes while not reading what it is sent; closing";
            closeWith(CloseCode::PolicyViolation, QStringLiteral("too slow: not reading what is sent"));
        } else {
            qCWarning(lcSession) << m_peer << "sent" << unreadInputBytes() << "bytes ahead of its rate limit; closing";
            closeWith(CloseCode::PolicyViolation, QStringLiteral("sending too fast for too long"));
        }
    }
}

qint64 ClientSession::outputHighWater() const
{
    return std::max<qint64>(m_config.maxBufferedBytes / 4, 64 * 1024);
}

void ClientSession::onBytesWritten()
{
    reportQueued(queuedBytes());
    if (queuedBytes() > outputHighWater())
        return;
    if (m_drainNotice) {
        m_drainNotice = false;
        emit outputDrained();
    }
    if (m_waitingForDrain) {
        m_waitingForDrain = false;
        readInput();
    }
}

bool ClientSession::handleMessage()
{
    using Kind = WebSocketReader::Kind;
    const Kind kind = m_reader.kind();
    if (kind == Kind::Close) {
        onPeerClose();
        return true;
    }
    if (m_closing)
        return true; // the peer's close frame is all that is still waited for
    // A peer that does not read what it is sent is not read either: what it asks for (history pages, answers)
    // would only pile up in its output. It is read again once that has drained (onBytesWritten).
    if (isOutputBackedUp()) {
        m_holding = true;
        m_waitingForDrain = true;
        return false;
    }
    // Every frame, pings and pongs too, takes a token: a client over its rate waits, its frames kept in order.
    const qint64 now = m_clock.elapsed();
    if (!m_bucket.tryTake(now)) {
        m_holding = true;
        m_refill.start(int(std::min<qint64>(m_bucket.msUntilToken(now), 60'000)), this);
        return false;
    }
    m_holding = false;
    switch (kind) {
    case Kind::Text:
        onTextMessage(m_reader.text());
        break;
    case Kind::Binary:
        closeWith(CloseCode::UnsupportedData, QStringLiteral("binary frames are not supported"));
        break;
    case Kind::Ping:
        sendFrame(WebSocketFrame::pong(m_reader.payload()));
        break;
    case Kind::Pong:
    case Kind::Close:
        break;
    }
    return true;
}

void ClientSession::onTextMessage(const QString &frame)
{
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

void ClientSession::onPeerClose()
{
    qCDebug(lcSession) << m_peer << "closed the connection:" << m_reader.closeCode() << m_reader.text();
    m_closing = true;
    m_keepalive.stop();
    m_refill.stop();
    if (!m_closeSent) {
        // Echoed, as RFC 6455 (section 5.5.1) asks; 1005 means the peer gave no code, and none is echoed then.
        const quint16 code = m_reader.closeCode();
        m_closeSent = true;
        m_transport->write(code == 1005 ? WebSocketFrame::close() : WebSocketFrame::close(code, QString()));
    }
    flushTls();
    // The server ends the TCP connection (section 7.1.1), once what is queued has gone.
    m_transport->disconnectFromHost();
    if (!m_closeGrace.isActive())
        m_closeGrace.start(CloseGraceMs, this);
}

void ClientSession::onDisconnected()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    qCDebug(lcSession) << m_peer << "disconnected";
    m_keepalive.stop();
    m_refill.stop();
    m_closeGrace.stop();
    m_slowConsumerTimer.stop();
    emit closed(this);
}

void ClientSession::sendFrame(const QByteArray &frame)
{
    if (m_closeSent || !m_transport || m_transport->state() != QAbstractSocket::ConnectedState)
        return;
    // A whole frame goes into the socket's buffer in one call. The pointer overload copies into the socket's write
    // buffer,
    // so small frames share its blocks and go out together. write(QByteArray) would queue frames of 4 KiB or
    // more as blocks of their own, and the socket sends one block per event-loop pass.
    m_transport->write(frame.constData(), frame.size());
    qint64 queued = queuedBytes();
    reportQueued(queued);
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
    // Control frames (pings, the close frame) are encrypted and handed to the kernel now, not when QSslSocket's own
    // queued flush comes round: a server that stops closes every connection and ends its thread right after, and
    // the close frames would not have left.
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
    m_refill.stop();
    m_holding = false;
    m_waitingForDrain = false;
    // Queued behind the store's commit of this pass, so the acknowledgements of what the peer sent go out first.
    QMetaObject::invokeMethod(
        this, [this, code, reason] { writeClose(quint16(code), reason); }, Qt::QueuedConnection);
}

void ClientSession::writeClose(quint16 code, const QString &reason)
{
    if (m_closeSent || !m_transport || m_transport->state() != QAbstractSocket::ConnectedState)
        return;
    m_closeSent = true;
    m_transport->write(WebSocketFrame::close(code, reason));
    flushTls();
    m_closeGrace.start(CloseGraceMs, this);
    // The peer's close frame answers it (onPeerClose); until then its frames are read and dropped.
    readInput();
}

void ClientSession::abort()
{
    if (m_transport)
        m_transport->abort();
}

} // namespace Natter
