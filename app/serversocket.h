#pragma once

// The WebSocket a ChatClient talks to its server through: opens it for natter.v1 under the certificate check and a
// deadline, remembers how the last attempt ended, and hands on only frames that decode and pass the checks.

#include "certificatecheck.h"
#include "clientmessages.h"
#include "servermessages.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Natter {

class ServerSocket : public QObject
{
    Q_OBJECT
public:
    explicit ServerSocket(QObject *parent = nullptr);

    CertificateCheck &certificateCheck() { return m_certificateCheck; }
    const CertificateCheck &certificateCheck() const { return m_certificateCheck; }

    // Starts an attempt at `url`, which ends with opened(), or lost() when refused, dropped or out of time.
    void open(const QUrl &url, int timeoutMs);
    // The attempt is over (welcomed, refused, given up): the deadline no longer applies.
    void stopDeadline() { m_deadline.stop(); }
    void abort() { m_socket.abort(); }
    // Says goodbye with a normal close when connected; drops an attempt still under way.
    void closeNormally();
    // Closes without a reason, as after a refused sign-in.
    void close() { m_socket.close(); }
    void send(const Protocol::ClientMessage &message);

    QAbstractSocket::SocketState state() const { return m_socket.state(); }
    bool speaksNatter() const;
    // The SHA-256 fingerprint of the certificate this wss:// connection saw; empty for ws://.
    QString peerFingerprint() const;
    // The close code of the current connection; 0: none (yet).
    quint16 closeCode() const { return m_closeCode; }
    // Why the last attempt failed, for the user.
    QString failureReason() const;

signals:
    // The WebSocket handshake is done; the certificate and subprotocol are for the owner to judge.
    void opened();
    void lost();
    // The attempt ran out of time; the socket was aborted.
    void timedOut();
    void frameReceived(const Natter::Protocol::ServerMessage &message);

private:
    void onDeadline();
    void onTextMessage(const QString &frame);

    QWebSocket m_socket;
    CertificateCheck m_certificateCheck{&m_socket};
    QTimer m_deadline;
    QUrl m_url;
    int m_timeoutMs = 0;
    bool m_timedOut = false; // the current attempt ran out of time
    quint16 m_closeCode = 0;
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
};

} // namespace Natter
