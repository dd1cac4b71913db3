#include "connectionlistener.h"

#include "logging.h"
#include "protocol.h"
#include "servermessages.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Natter {

using Protocol::CloseCode;

namespace {
const QString HandshakeTimerName = QStringLiteral("natter-handshake-timer");
}

ConnectionListener::ConnectionListener(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_tcpServer(new QTcpServer(this))
    , m_webSocketServer(new QWebSocketServer(config.name, QWebSocketServer::NonSecureMode, this))
{
    m_webSocketServer->setSupportedSubprotocols({Protocol::subprotocol()});
    // Upgraded sockets are taken from the queue as soon as they arrive; the cap only has to exceed a burst.
    m_webSocketServer->setMaxPendingConnections(std::max(config.maxClients, 64));
    m_tcpServer->setMaxPendingConnections(std::max(config.maxClients, 64));
    connect(m_tcpServer, &QTcpServer::newConnection, this, &ConnectionListener::onTcpConnection);
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &ConnectionListener::onWebSocketUpgraded);
}

ConnectionListener::~ConnectionListener() = default;

bool ConnectionListener::listen(QString *errorMessage)
{
    if (m_tcpServer->listen(m_config.bindAddress, m_config.port))
        return true;
    if (errorMessage) {
        *errorMessage = QStringLiteral("cannot listen on %1 port %2: %3")
                            .arg(m_config.bindAddress.toString())
                            .arg(m_config.port)
                            .arg(m_tcpServer->errorString());
    }
    return false;
}

void ConnectionListener::close()
{
    m_tcpServer->close();
}

bool ConnectionListener::isListening() const
{
    return m_tcpServer->isListening();
}

quint16 ConnectionListener::port() const
{
    return m_tcpServer->serverPort();
}

QHostAddress ConnectionListener::address() const
{
    return m_tcpServer->serverAddress();
}

QString ConnectionListener::endpointKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

QObject *ConnectionListener::track(QTcpSocket *socket)
{
    const QString address = socket->peerAddress().toString();
    ++m_total;
    ++m_perAddress[address];
    // Counted by a child rather than by the socket's own destroyed(): QWebSocket disconnects every signal of the
    // socket it wraps when it goes, ours included, but it cannot stop the socket's children from being deleted.
    auto *slot = new QObject(socket);
    connect(slot, &QObject::destroyed, this, [this, address] {
        --m_total;
        if (--m_perAddress[address] <= 0)
            m_perAddress.remove(address);
    });
    return slot;
}

void ConnectionListener::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        const QString address = socket->peerAddress().toString();
        const int fromAddress = m_perAddress.value(address);
        // Far past a cap, the handshake is not worth its cost: drop at once.
        if (fromAddress >= 2 * m_config.maxConnectionsPerAddress || m_total >= 2 * m_config.maxClients) {
            qCWarning(lcServer) << "refusing a connection from" << address << "at the TCP level: over the caps";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QObject *slot = track(socket);

        Handshake handshake{socket, false, {}, 0};
        if (fromAddress >= m_config.maxConnectionsPerAddress) {
            handshake.rejectAfterUpgrade = true;
            handshake.rejectCode = static_cast<quint16>(CloseCode::PolicyViolation);
            handshake.rejectReason = QStringLiteral("too many connections from your address");
        } else if (m_total > m_config.maxClients) {
            handshake.rejectAfterUpgrade = true;
            handshake.rejectCode = static_cast<quint16>(CloseCode::ServerFull);
            handshake.rejectReason = QStringLiteral("the server is full");
        }
        const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
        m_handshakes.insert(key, handshake);

        auto *timer = new QTimer(socket);
        timer->setObjectName(HandshakeTimerName);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, [socket] {
            qCInfo(lcServer) << socket->peerAddress().toString() << "did not finish its handshake in time";
            socket->abort();
        });
        connect(slot, &QObject::destroyed, this, [this, key] { m_handshakes.remove(key); });
        timer->start(m_config.handshakeTimeoutMs);
        m_webSocketServer->handleConnection(socket);
    }
}

void ConnectionListener::onWebSocketUpgraded()
{
    while (QWebSocket *webSocket = m_webSocketServer->nextPendingConnection()) {
        const Handshake handshake = m_handshakes.take(endpointKey(webSocket->peerAddress(), webSocket->peerPort()));
        if (!handshake.socket) {
            // Every upgrade starts in onTcpConnection(); one that did not is not ours to serve.
            qCWarning(lcServer) << "dropping an upgraded connection with no TCP socket on record";
            webSocket->abort();
            webSocket->deleteLater();
            continue;
        }
        // The timer's only job was the handshake; it is done.
        delete handshake.socket->findChild<QTimer *>(HandshakeTimerName, Qt::FindDirectChildrenOnly);
        // QWebSocket does not own the TCP socket it was upgraded from: tie their lifetimes together, or every
        // closed connection would leave its socket (and its slot in the connection counts) behind.
        handshake.socket->setParent(webSocket);
        if (handshake.rejectAfterUpgrade) {
            qCWarning(lcServer) << "closing a connection from" << webSocket->peerAddress().toString() << ":"
                                << handshake.rejectReason;
            if (webSocket->subprotocol() == Protocol::subprotocol()) {
                const Protocol::ErrorEvent error{Protocol::ErrorCode::ServerFull,
                                                 handshake.rejectReason.at(0).toUpper() + handshake.rejectReason.mid(1)
                                                     + u'.',
                                                 {}};
                webSocket->sendTextMessage(Protocol::encodeFrame(error));
            }
            webSocket->close(static_cast<QWebSocketProtocol::CloseCode>(handshake.rejectCode), handshake.rejectReason);
            connect(webSocket, &QWebSocket::disconnected, webSocket, &QObject::deleteLater);
            QTimer::singleShot(3000, webSocket, [webSocket] { webSocket->abort(); });
            continue;
        }
        qCDebug(lcServer) << "new connection from" << webSocket->peerAddress().toString()
                          << "subprotocol:" << webSocket->subprotocol();
        emit socketReady(webSocket, handshake.socket);
    }
}

} // namespace Natter
