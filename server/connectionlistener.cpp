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

// One connection's place in the counts, held for as long as its TCP socket lives: a child of the socket whose
// destructor gives the place back. A child rather than a connection to the socket's destroyed(): QWebSocket
// disconnects every signal of the socket it wraps when it goes, ours included, but it cannot stop the socket's
// children from being deleted. No signal is involved, which also keeps it small (thousands are alive at once).
class ConnectionListener::Slot : public QObject
{
public:
    Slot(QTcpSocket *socket, ConnectionListener *listener, QString address, QString handshakeKey)
        : QObject(socket)
        , m_listener(listener)
        , m_address(std::move(address))
        , m_handshakeKey(std::move(handshakeKey))
    { }
    ~Slot() override
    {
        if (m_listener)
            m_listener->release(m_address, m_handshakeKey);
    }

private:
    QPointer<ConnectionListener> m_listener;
    QString m_address;
    QString m_handshakeKey;
};

void ConnectionListener::track(QTcpSocket *socket, const QString &address, const QString &handshakeKey)
{
    ++m_total;
    ++m_perAddress[address];
    new Slot(socket, this, address, handshakeKey);
}

void ConnectionListener::release(const QString &address, const QString &handshakeKey)
{
    // The socket is going, so its record (if the upgrade never took it) no longer points at it. A record that
    // does point at a socket belongs to a newer connection from the same address and port.
    if (const auto record = m_handshakes.constFind(handshakeKey); record != m_handshakes.cend() && !record->socket)
        m_handshakes.erase(record);
    --m_total;
    if (--m_perAddress[address] <= 0)
        m_perAddress.remove(address);
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
        const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
        track(socket, address, key);

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
        m_handshakes.insert(key, handshake);

        auto *timer = new QTimer(socket);
        timer->setObjectName(HandshakeTimerName);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, [socket] {
            qCInfo(lcServer) << socket->peerAddress().toString() << "did not finish its handshake in time";
            socket->abort();
        });
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
