#pragma once

// The second step of a connection: reads the HTTP request it opens with. A WebSocket upgrade is completed (by
// QWebSocketServer) and becomes a session, or is closed with the reason the acceptor refused it for; any other
// request gets a short HTTP answer and the connection is closed.

#include "connectionacceptor.h"

#include <QHash>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
QT_END_NAMESPACE

namespace Natter {

struct HttpRequestHead;

class RequestReader : public QObject
{
    Q_OBJECT
public:
    RequestReader(const ServerConfig &config, QObject *parent = nullptr);
    ~RequestReader() override;

    // Takes the socket over (it is deleted when it disconnects) and aborts it if no upgrade is done by the
    // admission's deadline.
    void read(QTcpSocket *socket, const Natter::Admission &admission);

signals:
    // A WebSocket ready for a session (the receiver takes ownership), and the socket it runs on (its child).
    void socketReady(QWebSocket *socket, QTcpSocket *transport);

private:
    struct Upgrade
    {
        QPointer<QTcpSocket> socket;
        Admission admission;
    };

    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body);
    void onWebSocketUpgraded();
    static QString endpointKey(const QHostAddress &address, quint16 port);

    const ServerConfig &m_config;
    QWebSocketServer *m_webSocketServer;
    QHash<QTcpSocket *, Admission> m_reading; // sockets whose request has not ended yet
    QHash<QString, Upgrade> m_upgrades; // "address|port" -> connection handed to QWebSocketServer
};

} // namespace Natter
