#pragma once

// One connected WebSocket peer: decodes its frames, applies rate limits and keepalive, and sends to it.

#include "clientmessages.h"
#include "protocol.h"
#include "serverconfig.h"
#include "servermessages.h"
#include "tokenbucket.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

QT_BEGIN_NAMESPACE
class QSslSocket;
class QTcpSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace Natter {

class OutgoingFrame;

class ClientSession : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Natter, PlainText };
    Q_ENUM(Mode)

    // Takes ownership of the socket, which must be connected. The transport is the TCP socket it was upgraded
    // from: frames encoded once for many sessions are written to it directly.
    ClientSession(QWebSocket *socket, QTcpSocket *transport, const ServerConfig &config, QObject *parent = nullptr);
    ~ClientSession() override;

    Mode mode() const { return m_mode; }
    QString peer() const { return m_peer; }

    // Identity, set once the server has welcomed the session.
    bool isWelcomed() const { return !m_name.isEmpty(); }
    QString name() const { return m_name; }
    QString nameKey() const { return m_nameKey; }
    void setName(const QString &name);
    QString token() const { return m_token; }
    void setToken(const QString &token) { m_token = token; }
    // The key this session proved it holds (see IdentityDirectory); 0 and empty for a guest.
    qint64 identity() const { return m_identity; }
    QByteArray publicKey() const { return m_publicKey; }
    void setIdentity(qint64 identity, const QByteArray &publicKey);
    bool isGuest() const { return m_identity == 0; }
    // Who this session is to its direct conversations: "k<identity>" for a key, "g<hash of the token>" for a
    // guest, so that a guest's messages are readable only with the token that wrote them.
    QString party() const;
    static QString identityParty(qint64 identity);
    // Who wrote a stored message, for telling resends apart: the key's party, or for a guest the name (a guest that
    // lost its token after a restart still resends what it had queued). The prefix keeps a guest named k1 apart
    // from key 1.
    QString senderKey() const;
    // The lower-case hex SHA-256 of the certificate this connection was encrypted with; empty when unencrypted.
    QString certificateFingerprint() const;

    const QSet<QString> &rooms() const { return m_rooms; }
    void addRoom(const QString &room) { m_rooms.insert(room); }
    void removeRoom(const QString &room) { m_rooms.remove(room); }

    // A session whose name was taken over by a reconnect of the same user leaves without presence events.
    bool isReplaced() const { return m_replaced; }
    void markReplaced() { m_replaced = true; }

    void send(OutgoingFrame &frame);
    void send(const Protocol::ServerMessage &message);
    void sendError(const Protocol::ProtocolError &error, const QString &ref = {});
    void sendPlainLine(const QString &line);
    // A complete WebSocket frame (see WebSocketFrame), encoded once for many sessions.
    void sendFrame(const QByteArray &frame);
    void closeWith(Protocol::CloseCode code, const QString &reason);
    void abort();

signals:
    void requestReceived(Natter::ClientSession *session, const Natter::Protocol::ClientMessage &message);
    void plainTextReceived(Natter::ClientSession *session, const QString &text);
    void closed(Natter::ClientSession *session);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onTextMessage(const QString &frame);
    void onBinaryMessage();
    void onKeepaliveTick();
    bool admitFrame();
    void dropSlowConsumer();
    void flushTls();
    // Bytes written to this peer that it has not received yet (on TLS, before and after encryption).
    qint64 queuedBytes() const;

    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_transport;
    QPointer<QSslSocket> m_tls; // m_transport, when the connection is encrypted
    const ServerConfig &m_config;
    Mode m_mode;
    QString m_peer;
    QString m_name;
    QString m_nameKey;
    QString m_token;
    qint64 m_identity = 0;
    QByteArray m_publicKey;
    QSet<QString> m_rooms;
    TokenBucket m_bucket;
    int m_strikes = 0;
    bool m_replaced = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
    QElapsedTimer m_clock;
    qint64 m_lastHeardMs = 0;
    // Basic timers rather than QTimer objects: a server holds thousands of sessions, and these cost an int each.
    QBasicTimer m_keepalive;
    QBasicTimer m_slowConsumerTimer; // single shot, started when more than maxBufferedBytes wait to be sent
    QBasicTimer m_signInDeadline; // single shot, from the handshake until the session is welcomed
};

} // namespace Natter
