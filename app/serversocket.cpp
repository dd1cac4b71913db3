#include "serversocket.h"

#include "clientlogging.h"
#include "errortext.h"
#include "invitelink.h"
#include "protocol.h"
#include "serverframecheck.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

namespace Natter {

using namespace Protocol;

ServerSocket::ServerSocket(QObject *parent)
    : QObject(parent)
{
    setIncomingCap(BeforeWelcomeBytes);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ServerSocket::onDeadline);
    connect(&m_socket, &QWebSocket::connected, this, &ServerSocket::opened);
    connect(&m_socket, &QWebSocket::disconnected, this, &ServerSocket::lost);
    // QWebSocket keeps the close code of an earlier connection until the next close frame: a later drop without
    // one would look like the server stopping (1001) or the session ending. Only a close of this connection counts.
    connect(&m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeCode = m_socket.closeCode(); });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                m_socketError = error;
                // A failed connect never emits disconnected(); a drop emits both. Either way the attempt is over.
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    emit lost();
            });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ServerSocket::onTextMessage);
}

void ServerSocket::open(const QUrl &url, int timeoutMs)
{
    m_url = url;
    m_timeoutMs = timeoutMs;
    m_timedOut = false;
    m_closeCode = 0;
    m_socketError = QAbstractSocket::UnknownSocketError;
    setIncomingCap(BeforeWelcomeBytes); // the last server's limits say nothing about this one
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({subprotocol()});
    qCDebug(lcClient) << "connecting to" << url.toString();
    m_deadline.start(timeoutMs);
    m_certificateCheck.begin(url);
    m_socket.open(InviteLink::address(url), options);
}

quint64 ServerSocket::incomingCapFor(const Limits &limits)
{
    // The largest frame a server sends by design is a history page: maxHistoryPage messages of up to maxTextBytes
    // each. Quotes and backslashes double in JSON (control characters are not allowed in text), and each message
    // carries a few hundred bytes of fields, its quote and its reactions. Twice that leaves room for a long room
    // list; what a server announces cannot lift the cap past MaxIncomingBytes.
    const quint64 perMessage = 2 * quint64(std::max(0, limits.maxTextBytes)) + 8 * 1024;
    const quint64 page = quint64(std::max(0, limits.maxHistoryPage)) * perMessage;
    return std::clamp(2 * page, BeforeWelcomeBytes, MaxIncomingBytes);
}

void ServerSocket::applyLimits(const Limits &limits)
{
    setIncomingCap(incomingCapFor(limits));
}

void ServerSocket::setIncomingCap(quint64 bytes)
{
    m_socket.setMaxAllowedIncomingFrameSize(bytes);
    m_socket.setMaxAllowedIncomingMessageSize(bytes);
}

void ServerSocket::closeNormally()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("bye"));
    else
        m_socket.abort(); // still connecting: there is nobody to say goodbye to
}

void ServerSocket::send(const ClientMessage &message)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendTextMessage(encodeFrame(message));
}

bool ServerSocket::speaksNatter() const
{
    return m_socket.subprotocol() == subprotocol();
}

QString ServerSocket::peerFingerprint() const
{
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    return m_url.scheme() == u"wss" && !certificate.isNull()
        ? QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex())
        : QString();
}

QString ServerSocket::failureReason() const
{
    if (closedForSize())
        return tr("%1 sent more at once than Natter accepts.").arg(m_url.toDisplayString());
    if (m_timedOut) // rounded up: a timeout under a second is not "0 seconds"
        return tr("%1 did not answer within %n second(s).", nullptr, (m_timeoutMs + 999) / 1000)
            .arg(m_url.toDisplayString());
    return ErrorText::socketError(m_socketError, m_url);
}

void ServerSocket::onDeadline()
{
    qCInfo(lcClient) << m_url.toString() << "did not answer within" << m_timeoutMs << "ms";
    m_timedOut = true;
    m_socket.abort();
    emit timedOut();
}

void ServerSocket::onTextMessage(const QString &frame)
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
    emit frameReceived(decoded.value());
}

} // namespace Natter
