// TLS and plain WebSocket on one port: the certificate a server makes or is given, pinned clients, and
// connections that start a handshake and never finish it or send garbage.

#include "chatserver.h"
#include "connectionacceptor.h"
#include "invitelink.h"
#include "selfsignedcertificate.h"
#include "servercertificate.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

// Connects a raw TCP socket to the server's port.
std::unique_ptr<QTcpSocket> rawConnection(const TestServer &server)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, server.url().port());
    return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void plainAndTlsClientsShareOnePort()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(server.server()->isTlsEnabled());
        QCOMPARE(server.server()->localUrl().scheme(), QStringLiteral("wss"));
        QCOMPARE(server.server()->plainLocalUrl().scheme(), QStringLiteral("ws"));
        QCOMPARE(server.server()->localUrl().port(), server.server()->plainLocalUrl().port());

        TestClient encrypted;
        TestClient plain;
        TestClient tutorial(TestClient::Mode::PlainText);
        QVERIFY(encrypted.enter(server.inviteUrl(), QStringLiteral("Alice"), {lobbyRoom()}));
        QVERIFY(plain.enter(server.url(), QStringLiteral("Bob"), {lobbyRoom()}));
        QVERIFY(tutorial.open(server.url()));
        QVERIFY(!encrypted.socket().sslConfiguration().sessionCipher().isNull());

        QVERIFY(encrypted.say(lobbyRoom(), QStringLiteral("over TLS")) > 0);
        QVERIFY(plain.waitFor<MessageEvent>([](const MessageEvent &m) { return m.message.text == u"over TLS"; }));
        QVERIFY(tutorial.waitForLine(QStringLiteral("Alice: over TLS")));
        QVERIFY(plain.say(lobbyRoom(), QStringLiteral("in the clear")) > 0);
        QVERIFY(
            encrypted.waitFor<MessageEvent>([](const MessageEvent &m) { return m.message.text == u"in the clear"; }));
    }

    void invitePinsTheServersCertificate()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl invite = server.inviteUrl();
        QCOMPARE(invite.scheme(), QStringLiteral("wss"));
        QCOMPARE(invite.path(), QStringLiteral("/"));
        QVERIFY(invite.fragment().startsWith(u"sha256="));
        QCOMPARE(InviteLink::pin(invite), server.server()->certificateFingerprint());
        QVERIFY(InviteLink::isFingerprint(server.server()->certificateFingerprint()));
        QCOMPARE(server.server()->certificateFingerprint(), server.server()->certificateFingerprint().toLower());

        // Without the pin, the self-signed certificate is not trusted: no authority vouches for it.
        TestClient unpinned;
        QVERIFY(!unpinned.open(InviteLink::address(invite), 3000));
        QVERIFY(!unpinned.sslErrors().isEmpty());

        // With another certificate's fingerprint, it is refused too.
        QUrl wrong = invite;
        wrong.setFragment(QStringLiteral("sha256=") + QString(64, u'0'));
        TestClient misled;
        QVERIFY(!misled.open(wrong, 3000));
        QVERIFY(!misled.sslErrors().isEmpty());
    }

    void certificateIsMadeOnceAndKeptBesideTheDatabase()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString fingerprint = server.server()->certificateFingerprint();
        const QString certificatePath = ServerCertificate::selfSignedCertificatePath(server.databasePath());
        const QString keyPath = ServerCertificate::selfSignedKeyPath(server.databasePath());
        QCOMPARE(server.server()->selfSignedCertificatePath(), certificatePath);
        QCOMPARE(QFileInfo(certificatePath).absolutePath(), QFileInfo(server.databasePath()).absolutePath());
        QVERIFY(QFileInfo::exists(certificatePath));
        QCOMPARE(QFileInfo(keyPath).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!(QFile::permissions(keyPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

        QFile file(certificatePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(file.readAll(), QSsl::Pem);
        QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
        QCOMPARE(certificate.publicKey().length(), 256);
        QVERIFY(certificate.expiryDate() > QDateTime::currentDateTimeUtc().addYears(10));
        QVERIFY(certificate.effectiveDate() <= QDateTime::currentDateTimeUtc());
        QCOMPARE(ServerCertificate::fingerprintOf(certificate), fingerprint);

        // Every later start uses the same one, so invite links stay valid.
        QVERIFY(server.restart());
        QCOMPARE(server.server()->certificateFingerprint(), fingerprint);
    }

    void keyWithoutCertificateIsMadeAgain()
    {
        // What a start cut short between writing the key and the certificate leaves behind.
        TestServer server;
        QVERIFY(writeFile(ServerCertificate::selfSignedKeyPath(server.databasePath()), "half a key"));
        QVERIFY(server.start());
        QVERIFY(InviteLink::isFingerprint(server.server()->certificateFingerprint()));
    }

    void givenCertificateAndChainAreServed()
    {
        QTemporaryDir dir;
        const auto leaf = SelfSignedCertificate::create(QStringLiteral("chat.example.org"));
        const auto other = SelfSignedCertificate::create(QStringLiteral("Example Intermediate"));
        QVERIFY(leaf && other);
        const QString certificatePath = dir.filePath(QStringLiteral("fullchain.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("privkey.pem"));
        QVERIFY(writeFile(certificatePath, leaf->certificate + other->certificate));
        QVERIFY(writeFile(keyPath, leaf->privateKey));

        ServerConfig config = TestServer::defaultConfig();
        config.tlsCertificatePath = certificatePath;
        config.tlsKeyPath = keyPath;
        TestServer server(config);
        QVERIFY(server.start());
        const QSslCertificate expected(leaf->certificate, QSsl::Pem);
        QCOMPARE(server.server()->certificateFingerprint(), ServerCertificate::fingerprintOf(expected));
        QVERIFY(server.server()->selfSignedCertificatePath().isEmpty());
        QVERIFY(!QFileInfo::exists(ServerCertificate::selfSignedCertificatePath(server.databasePath())));

        TestClient client;
        QVERIFY(client.open(server.inviteUrl()));
        const QList<QSslCertificate> chain = client.socket().sslConfiguration().peerCertificateChain();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0), expected);
        QCOMPARE(chain.at(1), QSslCertificate(other->certificate, QSsl::Pem));
    }

    void badCertificateFilesStopTheStart_data()
    {
        QTest::addColumn<QByteArray>("certificate");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("error");
        const auto one = SelfSignedCertificate::create(QStringLiteral("one"));
        const auto two = SelfSignedCertificate::create(QStringLiteral("two"));
        QTest::newRow("key of another certificate")
            << one->certificate << two->privateKey << QStringLiteral("does not belong");
        QTest::newRow("not PEM") << QByteArray("hello") << one->privateKey << QStringLiteral("no PEM certificate");
        QTest::newRow("no key") << one->certificate << QByteArray() << QStringLiteral("no unencrypted PEM private key");
        QTest::newRow("missing file") << QByteArray("<missing>") << one->privateKey << QStringLiteral("cannot read");
    }

    void badCertificateFilesStopTheStart()
    {
        QFETCH(QByteArray, certificate);
        QFETCH(QByteArray, key);
        QFETCH(QString, error);
        QTemporaryDir dir;
        ServerConfig config = TestServer::defaultConfig();
        config.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
        config.tlsCertificatePath = dir.filePath(QStringLiteral("cert.pem"));
        config.tlsKeyPath = dir.filePath(QStringLiteral("key.pem"));
        if (certificate != "<missing>")
            QVERIFY(writeFile(config.tlsCertificatePath, certificate));
        QVERIFY(writeFile(config.tlsKeyPath, key));
        ChatServer server(config);
        QString message;
        QVERIFY(!server.start(&message));
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY(!server.isRunning());
    }

    void tlsOffServesPlainOnly()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.tls = ServerConfig::Tls::Off;
        TestServer server(config);
        QVERIFY(server.start());
        QVERIFY(!server.server()->isTlsEnabled());
        QVERIFY(server.server()->certificateFingerprint().isEmpty());
        QCOMPARE(server.server()->localUrl().scheme(), QStringLiteral("ws"));
        QVERIFY(!QFileInfo::exists(ServerCertificate::selfSignedCertificatePath(server.databasePath())));
        TestClient plain;
        QVERIFY(plain.enter(server.url(), QStringLiteral("Alice")));

        // A TLS hello gets no TLS answer: it is refused as bad HTTP at once, not left to the handshake timeout.
        QSslSocket tls;
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.url().port());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(TestClient::waitUntil([&] { return tls.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY(!tls.isEncrypted());
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void requiredTlsStillServesLoopbackInTheClear()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.tls = ServerConfig::Tls::Required;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient plain;
        QVERIFY(plain.enter(server.url(), QStringLiteral("Local")));
        TestClient encrypted;
        QVERIFY(encrypted.enter(server.inviteUrl(), QStringLiteral("Remote")));
    }

    void handshakeThatNeverFinishesIsDropped_data()
    {
        QTest::addColumn<QByteArray>("opening");
        QTest::newRow("nothing at all") << QByteArray();
        QTest::newRow("TLS record header only") << QByteArray("\x16\x03\x01", 3);
        QTest::newRow("TLS hello, then silence") << QByteArray("\x16\x03\x01\x00\x05\x01\x00\x00\x01", 9);
        QTest::newRow("half an HTTP request") << QByteArray("GET / HTTP/1.1\r\nUpgrade: websocket\r\n");
    }

    void handshakeThatNeverFinishesIsDropped()
    {
        QFETCH(QByteArray, opening);
        ServerConfig config = TestServer::defaultConfig();
        config.handshakeTimeoutMs = 400;
        TestServer server(config);
        QVERIFY(server.start());
        auto socket = rawConnection(server);
        QVERIFY(socket);
        socket->write(opening);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(TestClient::waitUntil([&] { return socket->state() == QAbstractSocket::UnconnectedState; }, 5000));
        QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));

        // The server is none the worse for it, and counts the connection as gone.
        const auto *acceptor = server.server()->findChild<ConnectionAcceptor *>();
        QVERIFY(acceptor);
        QVERIFY(TestClient::waitUntil([&] { return acceptor->connectionCount() == 0; }, 3000));
        TestClient client;
        QVERIFY(client.enter(server.inviteUrl(), QStringLiteral("Alice")));
        QCOMPARE(acceptor->connectionCount(), 1);
    }

    void garbageAfterTheTlsByteIsDroppedAtOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        for (int round = 0; round < 20; ++round) {
            auto socket = rawConnection(server);
            QVERIFY(socket);
            QByteArray garbage(4096, Qt::Uninitialized);
            QRandomGenerator random(round);
            for (char &c : garbage)
                c = static_cast<char>(random.bounded(256));
            garbage[0] = 0x16;
            socket->write(garbage);
            // Well before the ten-second handshake timeout: TLS itself rejects the record.
            QVERIFY2(TestClient::waitUntil([&] { return socket->state() == QAbstractSocket::UnconnectedState; }, 3000),
                     qPrintable(QString::number(round)));
        }
        TestClient client;
        QVERIFY(client.enter(server.inviteUrl(), QStringLiteral("Alice")));
        QVERIFY(TestClient::waitUntil([&] { return server.server()->sessionCount() == 1; }, 3000));
        const auto *acceptor = server.server()->findChild<ConnectionAcceptor *>();
        QVERIFY(TestClient::waitUntil([&] { return acceptor->connectionCount() == 1; }, 3000));
    }

    void requestsThatAreNotUpgradesGetAnHttpAnswer_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("browser") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("HTTP/1.1 426 ");
        QTest::newRow("post") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                              << QByteArray("HTTP/1.1 405 ");
        QTest::newRow("malformed") << QByteArray("HELLO THERE\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
        QTest::newRow("endless head") << (QByteArray("GET / HTTP/1.1\r\n") + QByteArray(9000, 'a'))
                                      << QByteArray("HTTP/1.1 431 ");
    }

    void requestsThatAreNotUpgradesGetAnHttpAnswer()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        TestServer server;
        QVERIFY(server.start());
        auto socket = rawConnection(server);
        QVERIFY(socket);
        socket->write(request);
        QByteArray answer;
        QVERIFY(TestClient::waitUntil(
            [&] {
                answer += socket->readAll();
                return socket->state() == QAbstractSocket::UnconnectedState;
            },
            5000));
        answer += socket->readAll();
        QVERIFY2(answer.startsWith(statusLine), answer.constData());
        QVERIFY(answer.contains("Content-Length: "));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
