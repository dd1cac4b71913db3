#pragma once

// One connected WebSocket peer: reads its frames (WebSocketReader) no faster than its rate limit allows, decodes
// them, keeps the connection alive, and sends to it.

#include "clientmessages.h"
#include "protocol.h"
#include "serverconfig.h"
#include "servermessages.h"
#include "tokenbucket.h"
#include "websocketreader.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>

QT_BEGIN_NAMESPACE
class QSslSocket;
class QTcpSocket;
QT_END_NAMESPACE

namespace Natter {

class OutgoingFrame;
class OutputBudget;

class ClientSession : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Natter, PlainText };
    Q_ENUM(Mode)

    // Takes ownership of the socket, whose WebSocket handshake is done (see RequestReader).
    ClientSession(QTcpSocket *transport, Mode mode, const ServerConfig &config, QObject *parent = nullptr);
    ~ClientSession() override;

    Mode mode() const { return m_mode; }
    QString peer() const { return m_peer; }
    QHostAddress peerAddress() const { return m_peerAddress; }

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
    // Stops reading requests and, once what is already queued for the peer has been written (acknowledgements of
    // what was stored included), sends a close frame and ends the connection.
    void closeWith(Protocol::CloseCode code, const QString &reason);
    void abort();
    // Bytes the peer sent that wait unprocessed in this process (held back by the rate limit, or not yet a whole
    // frame).
    qint64 unreadInputBytes() const;
    // Bytes written to this peer that it has not received yet (on TLS, before and after encryption).
    qint64 queuedBytes() const;
    // More is queued for the peer than it should be given until it reads some; the session then reads none of its
    // requests either.
    bool isOutputBackedUp() const { return queuedBytes() > outputHighWater(); }
    // Emits outputDrained() once, when the queued bytes fall back to the high-water mark.
    void notifyWhenDrained() { m_drainNotice = true; }
    // The server-wide budget this connection's queued bytes count against; what it last reported to it.
    void setOutputBudget(OutputBudget *budget);
    qint64 reportedBytes() const { return m_reported; }
    // Dropped to bring the server's output back under its budget (see OutputBudget).
    void dropForOutputBudget();

signals:
    void requestReceived(Natter::ClientSession *session, const Natter::Protocol::ClientMessage &message);
    void plainTextReceived(Natter::ClientSession *session, const QString &text);
    void closed(Natter::ClientSession *session);
    void outputDrained();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void readInput();
    // Acts on the message the reader holds; false if it has to wait for a token first.
    bool handleMessage();
    void onTextMessage(const QString &frame);
    void onPeerClose();
    void writeClose(quint16 code, const QString &reason);
    void onDisconnected();
    void onBytesWritten();
    void reportQueued(qint64 queued);
    // Output queued above this and the peer's input is not read until it drains.
    qint64 outputHighWater() const;
    void onKeepaliveTick();
    void dropSlowConsumer();
    void flushTls();

    QPointer<QTcpSocket> m_transport;
    QPointer<QSslSocket> m_tls; // m_transport, when the connection is encrypted
    QPointer<OutputBudget> m_budget;
    qint64 m_reported = 0;
    const ServerConfig &m_config;
    Mode m_mode;
    QString m_peer;
    QHostAddress m_peerAddress;
    QString m_name;
    QString m_nameKey;
    QString m_token;
    qint64 m_identity = 0;
    QByteArray m_publicKey;
    QSet<QString> m_rooms;
    WebSocketReader m_reader;
    TokenBucket m_bucket;
    qint64 m_inputCap;
    bool m_holding = false; // the reader's current message waits for a token or for the output to drain
    bool m_waitingForDrain = false;
    bool m_drainNotice = false;
    bool m_replaced = false;
    bool m_closing = false; // no more requests are processed
    bool m_closeSent = false; // nothing more may be sent
    bool m_closedEmitted = false;
    QElapsedTimer m_clock;
    qint64 m_lastHeardMs = 0;
    // Basic timers rather than QTimer objects: a server holds thousands of sessions, and these cost an int each.
    QBasicTimer m_keepalive;
    QBasicTimer m_slowConsumerTimer; // single shot, started when more than maxBufferedBytes wait to be sent
    QBasicTimer m_signInDeadline; // single shot, from the handshake until the session is welcomed
    QBasicTimer m_refill; // single shot, when a held message's token is due
    QBasicTimer m_closeGrace; // single shot, from the close frame until the connection is cut
};

} // namespace Natter
