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

    // What one incoming frame, or one message assembled from fragments, may hold: a fixed cap until the server's
    // welcome, then one sized to its announced limits. A larger one closes the connection with 1009 as soon as
    // its header announces it, before its payload is read, and the owner reconnects as after any drop.
    static constexpr quint64 BeforeWelcomeBytes = quint64(8) * 1024 * 1024;
    static constexpr quint64 MaxIncomingBytes = quint64(64) * 1024 * 1024;
    static quint64 incomingCapFor(const Protocol::Limits &limits);
    quint64 incomingCap() const { return m_socket.maxAllowedIncomingMessageSize(); }
    // After welcome: the cap its limits call for.
    void applyLimits(const Protocol::Limits &limits);
    // The connection was closed because the server sent more than the cap.
    bool closedForSize() const { return m_closeCode == QWebSocketProtocol::CloseCodeTooMuchData; }

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
    void setIncomingCap(quint64 bytes);

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
