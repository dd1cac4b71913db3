#pragma once

// The first step of every connection: accepts it on the chat port, keeps the per-address and total caps, tells a
// TLS client from a plain one by the first byte it sends (0x16 opens a TLS handshake), and hands on a socket:
// a QSslSocket already negotiating for TLS, a QTcpSocket otherwise.

#include "serverconfig.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>

namespace Natter {

// What the acceptor decided about a connection, for the step that reads its request.
struct Admission
{
    bool encrypted = false;
    // Refused (over a cap, or plain where TLS is required): the client still gets its upgrade and then a close
    // frame with this code and reason, so it can tell its user why.
    quint16 rejectCode = 0;
    QString rejectReason;
    Protocol::ErrorCode rejectError = Protocol::ErrorCode::ServerFull;
    // The connection must be upgraded to a WebSocket by then (TLS handshake and request included).
    QDeadlineTimer deadline;

    bool isRejected() const { return rejectCode != 0; }
};

class ConnectionAcceptor : public QTcpServer
{
    Q_OBJECT
public:
    ConnectionAcceptor(const ServerConfig &config, QObject *parent = nullptr);
    ~ConnectionAcceptor() override;

    // The certificate and key TLS clients are served with; without one (the default), a TLS client is refused.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool acceptsTls() const { return !m_tls.isNull(); }
    // Connections open now, from the moment they are accepted until their socket is deleted.
    int connectionCount() const { return m_total; }

signals:
    // A connection ready for its request. The socket is a child of this acceptor until the receiver reparents it.
    void connectionAccepted(QTcpSocket *socket, const Natter::Admission &admission);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    class Slot;
    class FirstByte;

    void onFirstByte(FirstByte *wait, int byte);
    void release(const QString &address);

    const ServerConfig &m_config;
    QSslConfiguration m_tls;
    QHash<QString, int> m_perAddress; // address -> connections open
    int m_total = 0;
};

} // namespace Natter
