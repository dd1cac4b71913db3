#include "requestreader.h"

#include "httprequesthead.h"
#include "logging.h"
#include "protocol.h"
#include "servermessages.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Natter {

namespace {
const QString HandshakeTimerName = QStringLiteral("natter-handshake-timer");
constexpr int CloseGraceMs = 3000;
} // namespace

RequestReader::RequestReader(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_webSocketServer(new QWebSocketServer(config.name, QWebSocketServer::NonSecureMode, this))
{
    m_webSocketServer->setSupportedSubprotocols({Protocol::subprotocol()});
    // Upgraded sockets are taken from the queue as soon as they arrive; the cap only has to exceed a burst.
    m_webSocketServer->setMaxPendingConnections(std::max(config.maxClients, 64));
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &RequestReader::onWebSocketUpgraded);
}

RequestReader::~RequestReader() = default;

QString RequestReader::endpointKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

void RequestReader::read(QTcpSocket *socket, const Admission &admission)
{
    auto *timer = new QTimer(socket);
    timer->setObjectName(HandshakeTimerName);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [socket] {
        qCInfo(lcServer) << socket->peerAddress().toString() << "did not finish its handshake in time";
        socket->abort();
    });
    timer->start(std::max<qint64>(admission.deadline.remainingTime(), 0));

    m_reading.insert(socket, admission);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_reading.remove(socket);
        socket->deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void RequestReader::onReadyRead(QTcpSocket *socket)
{
    const auto reading = m_reading.constFind(socket);
    if (reading == m_reading.cend())
        return;
    // Peeked, not read: QWebSocketServer reads the same request again to answer it.
    const QByteArray received = socket->peek(HttpRequestHead::MaxBytes);
    if (!HttpRequestHead::canStart(received)) {
        // A TLS client of a server without TLS, among others: told at once, not after the handshake timeout.
        answer(socket, 400, "Bad Request", "That is not an HTTP request this server understands.\n");
        return;
    }
    const qsizetype end = HttpRequestHead::endOf(received);
    if (end < 0) {
        if (received.size() >= HttpRequestHead::MaxBytes)
            answer(socket, 431, "Request Header Fields Too Large", "The request is too large.\n");
        return;
    }
    const std::optional<HttpRequestHead> head = HttpRequestHead::parse(received.first(end));
    if (!head) {
        answer(socket, 400, "Bad Request", "That is not an HTTP request this server understands.\n");
        return;
    }
    if (!head->isWebSocketUpgrade()) {
        if (head->method != "GET" && head->method != "HEAD") {
            answer(socket, 405, "Method Not Allowed", "This server answers WebSocket requests only.\n");
            return;
        }
        answer(socket, 426, "Upgrade Required",
               "This is a Natter chat server. Join it with the Natter app, or connect a WebSocket client to this "
               "address.\n");
        return;
    }

    const Admission admission = m_reading.take(socket);
    disconnect(socket, nullptr, this, nullptr);
    const QString key = endpointKey(socket->peerAddress(), socket->peerPort());
    m_upgrades.insert(key, Upgrade{socket, admission});
    // An upgrade QWebSocketServer refuses ends with the socket deleted and no QWebSocket: forget its record then.
    // (Once upgraded, QWebSocket cuts this connection; the record was taken by then.)
    connect(socket, &QObject::destroyed, this, [this, key] {
        if (const auto record = m_upgrades.constFind(key); record != m_upgrades.cend() && !record->socket)
            m_upgrades.erase(record);
    });
    m_webSocketServer->handleConnection(socket);
}

void RequestReader::answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body)
{
    m_reading.remove(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    const QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(CloseGraceMs, socket, &QTcpSocket::abort);
}

void RequestReader::onWebSocketUpgraded()
{
    while (QWebSocket *webSocket = m_webSocketServer->nextPendingConnection()) {
        const Upgrade upgrade = m_upgrades.take(endpointKey(webSocket->peerAddress(), webSocket->peerPort()));
        if (!upgrade.socket) {
            // Every upgrade starts in read(); one that did not is not ours to serve.
            qCWarning(lcServer) << "dropping an upgraded connection with no TCP socket on record";
            webSocket->abort();
            webSocket->deleteLater();
            continue;
        }
        // The timer's only job was the handshake; it is done.
        delete upgrade.socket->findChild<QTimer *>(HandshakeTimerName, Qt::FindDirectChildrenOnly);
        // QWebSocket does not own the TCP socket it was upgraded from: tie their lifetimes together, or every
        // closed connection would leave its socket (and its place in the connection counts) behind.
        upgrade.socket->setParent(webSocket);
        const Admission &admission = upgrade.admission;
        if (admission.isRejected()) {
            qCWarning(lcServer) << "closing a connection from" << webSocket->peerAddress().toString() << ":"
                                << admission.rejectReason;
            if (webSocket->subprotocol() == Protocol::subprotocol()) {
                const Protocol::ErrorEvent error{admission.rejectError,
                                                 admission.rejectReason.at(0).toUpper() + admission.rejectReason.mid(1)
                                                     + u'.',
                                                 {}};
                webSocket->sendTextMessage(Protocol::encodeFrame(error));
            }
            webSocket->close(static_cast<QWebSocketProtocol::CloseCode>(admission.rejectCode), admission.rejectReason);
            connect(webSocket, &QWebSocket::disconnected, webSocket, &QObject::deleteLater);
            QTimer::singleShot(CloseGraceMs, webSocket, [webSocket] { webSocket->abort(); });
            continue;
        }
        qCDebug(lcServer) << "new connection from" << webSocket->peerAddress().toString()
                          << "subprotocol:" << webSocket->subprotocol() << "encrypted:" << admission.encrypted;
        emit socketReady(webSocket, upgrade.socket);
    }
}

} // namespace Natter
