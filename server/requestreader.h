#pragma once

// The second step of a connection: reads the HTTP request it opens with. A WebSocket upgrade is answered (see
// WebSocketUpgrade) and becomes a session, or is closed with the reason the acceptor refused it for; any other
// request gets a short HTTP answer and the connection is closed.

#include "clientsession.h"
#include "connectionacceptor.h"
#include "originpolicy.h"

#include <QHash>
#include <QObject>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Natter {

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
    // A connection that completed its WebSocket handshake, for a session (the receiver takes ownership). Bytes the
    // client sent after its request are still in the socket.
    void socketReady(QTcpSocket *socket, Natter::ClientSession::Mode mode);

private:
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                const QByteArray &fields = {});
    void refuseUpgraded(QTcpSocket *socket, ClientSession::Mode mode, const Admission &admission);

    const ServerConfig &m_config;
    const OriginPolicy m_origins;
    QHash<QTcpSocket *, Admission> m_reading; // sockets whose request has not ended yet
};

} // namespace Natter
