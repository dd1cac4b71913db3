#pragma once

// A WebSocket peer for tests: speaks natter.v1 or plain text, records every frame, and waits for the ones asked for.

#include "clientmessages.h"
#include "identitykey.h"
#include "servermessages.h"

#include <QList>
#include <QObject>
#include <QSslError>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

class TestClient : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Natter, PlainText };

    explicit TestClient(Mode mode = Mode::Natter, QObject *parent = nullptr);

    // Opens the connection and waits for it (and, in plain-text mode, for the welcome line). A wss:// invite link's
    // fingerprint is pinned: that certificate is accepted, any other refused.
    bool open(const QUrl &url, int timeoutMs = 5000);
    // Says hello and waits for welcome; false (with lastError()) if an error came instead.
    bool signIn(const QString &name, const QString &token = {}, const QHash<QString, qint64> &since = {},
                const QString &password = {});
    // Says hello with the key, answers the challenge by signing for `fingerprint` (by default the certificate this
    // connection saw, empty when unencrypted), and waits for welcome; false (with lastError()) otherwise.
    bool signInWithKey(const QString &name, const Natter::IdentityKey &key, const QHash<QString, qint64> &since = {},
                       const std::optional<QString> &fingerprint = std::nullopt);
    // The lower-case hex SHA-256 of the server certificate this connection saw; empty when unencrypted.
    QString seenFingerprint() const;
    bool joinRoom(const QString &room);
    // Opens, signs in as `name` and joins the rooms, one step after the other; false at the first that fails.
    bool enter(const QUrl &url, const QString &name, const QStringList &rooms = {});
    // The same, signing in with a key: a connected client, or null at the first step that fails.
    static std::unique_ptr<TestClient> enterWithKey(const QUrl &url, const QString &name,
                                                    const Natter::IdentityKey &key, const QStringList &rooms = {});

    void send(const Natter::Protocol::ClientMessage &message);
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    // Sends a message and waits for its ack; returns the seq (0 on failure).
    qint64 say(const QString &room, const QString &text, const QString &id = {});
    // Waits for the answer to the send with this id: "" for its ack, else the error code word ("nothing" if none).
    QString outcomeOf(const QString &id, int timeoutMs = 5000);

    // Waits for the first not-yet-taken frame of type T that matches, and takes it.
    template<typename T, typename Predicate> std::optional<T> waitFor(Predicate matches, int timeoutMs = 5000)
    {
        std::optional<T> found;
        waitUntil(
            [&] {
                for (qsizetype i = 0; i < m_frames.size(); ++i) {
                    if (const T *value = std::get_if<T>(&m_frames[i]); value && matches(*value)) {
                        found = *value;
                        m_frames.removeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    template<typename T> std::optional<T> waitFor(int timeoutMs = 5000)
    {
        return waitFor<T>([](const T &) { return true; }, timeoutMs);
    }
    // Whether a frame of type T matching arrives within the time; for checking that something does NOT happen.
    template<typename T, typename Predicate> bool receives(Predicate matches, int timeoutMs)
    {
        return waitFor<T>(matches, timeoutMs).has_value();
    }

    // Plain-text lines received so far (plain-text mode), and waiting for one that contains `part`.
    const QStringList &lines() const { return m_lines; }
    bool waitForLine(const QString &part, int timeoutMs = 5000);

    QList<Natter::Protocol::ServerMessage> frames() const { return m_frames; }
    void clearFrames() { m_frames.clear(); }
    int badFrames() const { return m_badFrames; }
    Natter::Protocol::ErrorEvent lastError() const { return m_lastError; }
    QString name() const { return m_name; }
    QString token() const { return m_token; }

    // The errors of the last TLS handshake that were not forgiven by a pin.
    QList<QSslError> sslErrors() const { return m_sslErrors; }

    bool waitForDisconnect(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    QWebSocket &socket() { return m_socket; }

    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs);

private:
    template<typename T> std::optional<T> awaitSignIn();

    Mode m_mode;
    QWebSocket m_socket;
    QList<Natter::Protocol::ServerMessage> m_frames;
    QStringList m_lines;
    int m_badFrames = 0;
    QString m_pin;
    QList<QSslError> m_sslErrors;
    int m_nextId = 1;
    Natter::Protocol::ErrorEvent m_lastError;
    QString m_name;
    QString m_token;
};
