#pragma once

// Accepts TCP connections, enforces connection caps and the handshake timeout, and upgrades them to WebSockets.

#include "serverconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
QT_END_NAMESPACE

namespace Natter {

class ConnectionListener : public QObject
{
    Q_OBJECT
public:
    ConnectionListener(const ServerConfig &config, QObject *parent = nullptr);
    ~ConnectionListener() override;

    bool listen(QString *errorMessage);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    int connectionCount() const { return m_total; }

signals:
    // A WebSocket ready for a session (the receiver takes ownership), and the TCP socket it runs on (a child of
    // the WebSocket).
    void socketReady(QWebSocket *socket, QTcpSocket *transport);

private:
    struct Handshake
    {
        QPointer<QTcpSocket> socket;
        bool rejectAfterUpgrade = false;
        QString rejectReason;
        quint16 rejectCode = 0;
    };

    class Slot;

    void onTcpConnection();
    void onWebSocketUpgraded();
    // Counts the connection until the socket is deleted (see Slot).
    void track(QTcpSocket *socket, const QString &address, const QString &handshakeKey);
    void release(const QString &address, const QString &handshakeKey);
    static QString endpointKey(const QHostAddress &address, quint16 port);

    const ServerConfig &m_config;
    QTcpServer *m_tcpServer;
    QWebSocketServer *m_webSocketServer;
    QHash<QString, Handshake> m_handshakes; // "address|port" -> connection still in its handshake
    QHash<QString, int> m_perAddress; // address -> open TCP connections
    int m_total = 0;
};

} // namespace Natter
