#include "requestreader.h"

#include "httprequesthead.h"
#include "logging.h"
#include "protocol.h"
#include "servermessages.h"
#include "websocketframe.h"
#include "websocketupgrade.h"

#include <QTcpSocket>
#include <QTimer>

namespace Natter {

namespace {
const QString HandshakeTimerName = QStringLiteral("natter-handshake-timer");
constexpr int CloseGraceMs = 3000;
} // namespace

RequestReader::RequestReader(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_origins(config.allowedOrigins)
{ }

RequestReader::~RequestReader() = default;

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
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_reading.remove(socket); });
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void RequestReader::onReadyRead(QTcpSocket *socket)
{
    if (!m_reading.contains(socket))
        return;
    // Peeked: the head is taken out of the socket only once it is complete.
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
    const QByteArray headBytes = received.first(end);
    if (HttpRequestHead::hasTooManyFields(headBytes)) {
        answer(socket, 431, "Request Header Fields Too Large", "The request has too many header fields.\n");
        return;
    }
    const std::optional<HttpRequestHead> head = HttpRequestHead::parse(headBytes);
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
    const WebSocketUpgrade upgrade = WebSocketUpgrade::answer(*head, m_origins);
    if (!upgrade.isAccepted()) {
        qCInfo(lcServer) << "refused a WebSocket handshake from" << socket->peerAddress().toString() << "with"
                         << upgrade.status << "origin:" << head->field("origin");
        answer(socket, upgrade.status, upgrade.reason, upgrade.body, upgrade.fields);
        return;
    }

    const Admission admission = m_reading.take(socket);
    disconnect(socket, nullptr, this, nullptr);
    // The timer's only job was the handshake; it is done.
    delete socket->findChild<QTimer *>(HandshakeTimerName, Qt::FindDirectChildrenOnly);
    socket->skip(end);
    socket->write(upgrade.acceptance());
    const auto mode = upgrade.natter ? ClientSession::Mode::Natter : ClientSession::Mode::PlainText;
    if (admission.isRejected()) {
        refuseUpgraded(socket, mode, admission);
        return;
    }
    qCDebug(lcServer) << "new connection from" << socket->peerAddress().toString() << "mode:" << mode
                      << "encrypted:" << admission.encrypted;
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    emit socketReady(socket, mode);
}

void RequestReader::refuseUpgraded(QTcpSocket *socket, ClientSession::Mode mode, const Admission &admission)
{
    // Told after the upgrade, in the WebSocket's own terms, so that a client can show its user why.
    qCWarning(lcServer) << "closing a connection from" << socket->peerAddress().toString() << ":"
                        << admission.rejectReason;
    if (mode == ClientSession::Mode::Natter) {
        const Protocol::ErrorEvent error{
            admission.rejectError, admission.rejectReason.at(0).toUpper() + admission.rejectReason.mid(1) + u'.', {}};
        socket->write(WebSocketFrame::text(Protocol::encodeFrameUtf8(error)));
    }
    socket->write(WebSocketFrame::close(admission.rejectCode, admission.rejectReason));
    socket->disconnectFromHost();
    QTimer::singleShot(CloseGraceMs, socket, &QTcpSocket::abort);
}

void RequestReader::answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                           const QByteArray &fields)
{
    m_reading.remove(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    const QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + fields
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
    QTimer::singleShot(CloseGraceMs, socket, &QTcpSocket::abort);
}

} // namespace Natter
