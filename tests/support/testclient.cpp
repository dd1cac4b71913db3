#include "testclient.h"

#include "identityproof.h"
#include "invitelink.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QTimer>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

using namespace Natter::Protocol;

TestClient::TestClient(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
        if (m_mode == Mode::PlainText) {
            m_lines.append(frame);
            return;
        }
        auto decoded = decodeServerFrame(frame);
        if (!decoded) {
            ++m_badFrames;
            qWarning() << "undecodable frame from the server:" << frame << decoded.error().message;
            return;
        }
        if (const auto *error = std::get_if<ErrorEvent>(&decoded.value()))
            m_lastError = *error;
        m_frames.append(std::move(decoded).value());
    });
    // Errors may only be forgiven inside this slot (QSslSocket's rule), so the pin is checked here.
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
        if (!m_pin.isEmpty() && QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) == m_pin) {
            m_socket.ignoreSslErrors();
            return;
        }
        m_sslErrors = errors;
    });
}

bool TestClient::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    // Unlike QTest::qWaitFor, which sleeps 10 ms between looks, this wakes for every event, so a test that waits
    // for each reply costs a round trip, not a sleep.
    if (condition())
        return true;
    QDeadlineTimer deadline(timeoutMs);
    QTimer wake; // conditions that no event announces are still looked at regularly
    wake.start(20);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (condition())
            return true;
    }
    return condition();
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    QWebSocketHandshakeOptions options;
    if (m_mode == Mode::Natter)
        options.setSubprotocols({subprotocol()});
    m_pin = InviteLink::pin(url);
    m_sslErrors.clear();
    m_socket.open(InviteLink::address(url), options);
    if (!waitUntil([this] { return isConnected(); }, timeoutMs))
        return false;
    if (m_mode == Mode::PlainText)
        return waitForLine(QStringLiteral("Welcome to"), timeoutMs);
    return true;
}

bool TestClient::signIn(const QString &name, const QString &token, const QHash<QString, qint64> &since,
                        const QString &password)
{
    m_lastError = {};
    send(Hello{name, password, token, {}, since});
    return awaitSignIn<Welcome>().has_value();
}

bool TestClient::signInWithKey(const QString &name, const Natter::IdentityKey &key, const QHash<QString, qint64> &since,
                               const std::optional<QString> &fingerprint)
{
    m_lastError = {};
    send(Hello{name, {}, {}, key.publicKey(), since});
    const auto challenge = awaitSignIn<Challenge>();
    if (!challenge)
        return false;
    send(Prove{
        key.sign(Natter::Protocol::loginProofPayload(challenge->nonce, fingerprint.value_or(seenFingerprint())))});
    return awaitSignIn<Welcome>().has_value();
}

template<typename T> std::optional<T> TestClient::awaitSignIn()
{
    // Either the frame, or an error about the sign-in (the caller reads it from lastError()).
    std::optional<T> frame;
    waitUntil(
        [&] {
            frame = waitFor<T>(0);
            return frame || m_lastError.ref == Hello::Type || m_lastError.ref == Prove::Type;
        },
        5000);
    if constexpr (std::is_same_v<T, Welcome>) {
        if (frame) {
            m_name = frame->name;
            m_token = frame->token;
        }
    }
    return frame;
}

QString TestClient::seenFingerprint() const
{
    const QSslCertificate certificate = m_socket.sslConfiguration().peerCertificate();
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

bool TestClient::joinRoom(const QString &room)
{
    send(Join{room});
    return waitFor<Joined>([&](const Joined &joined) { return joined.room == room; }).has_value();
}

bool TestClient::enter(const QUrl &url, const QString &name, const QStringList &rooms)
{
    if (!open(url) || !signIn(name))
        return false;
    return std::all_of(rooms.cbegin(), rooms.cend(), [this](const QString &room) { return joinRoom(room); });
}

std::unique_ptr<TestClient> TestClient::enterWithKey(const QUrl &url, const QString &name,
                                                     const Natter::IdentityKey &key, const QStringList &rooms)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(url) || !client->signInWithKey(name, key))
        return nullptr;
    for (const QString &room : rooms) {
        if (!client->joinRoom(room))
            return nullptr;
    }
    return client;
}

void TestClient::send(const ClientMessage &message)
{
    m_socket.sendTextMessage(encodeFrame(message));
}

qint64 TestClient::say(const QString &room, const QString &text, const QString &id)
{
    const QString messageId = id.isEmpty() ? QStringLiteral("%1-%2").arg(m_name).arg(m_nextId++) : id;
    send(Send{messageId, room, {}, text, MessageKind::Text});
    const auto ack = waitFor<Ack>([&](const Ack &a) { return a.id == messageId; });
    return ack ? ack->seq : 0;
}

QString TestClient::outcomeOf(const QString &id, int timeoutMs)
{
    QString outcome = QStringLiteral("nothing");
    waitUntil(
        [&] {
            if (waitFor<Ack>([&](const Ack &ack) { return ack.id == id; }, 0)) {
                outcome.clear();
                return true;
            }
            if (const auto error = waitFor<ErrorEvent>([&](const ErrorEvent &e) { return e.ref == id; }, 0)) {
                outcome = errorCodeWord(error->code);
                return true;
            }
            return false;
        },
        timeoutMs);
    return outcome;
}

bool TestClient::waitForLine(const QString &part, int timeoutMs)
{
    return waitUntil(
        [&] {
            for (const QString &line : std::as_const(m_lines)) {
                if (line.contains(part))
                    return true;
            }
            return false;
        },
        timeoutMs);
}

bool TestClient::waitForDisconnect(int timeoutMs)
{
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}
