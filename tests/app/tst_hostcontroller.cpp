// HostController: a chat hosted in its own thread, reached over loopback, stopped cleanly, restarted with its history.

#include "chatclient.h"
#include "hostcontroller.h"
#include "invitelink.h"
#include "testclient.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace Natter;
using namespace Natter::Protocol;

class TestHostController : public QObject
{
    Q_OBJECT

private:
    static HostOptions loopbackOptions(const QTemporaryDir &dir)
    {
        HostOptions options;
        options.serverName = QStringLiteral("Test Host");
        options.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
        options.preferredPort = 0;
        options.bindAddress = QHostAddress(QHostAddress::LocalHost);
        return options;
    }

    static std::unique_ptr<TestClient> signedIn(const QUrl &url, const QString &name)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(url) || !client->signIn(name))
            return nullptr;
        return client;
    }

    static QUrl ws(const QString &host, quint16 port)
    {
        QUrl url;
        url.setScheme(QStringLiteral("ws"));
        url.setHost(host);
        url.setPort(port);
        return url;
    }

private slots:
    void hostsInItsOwnThreadAndChats()
    {
        QTemporaryDir dir;
        HostController host;
        QSignalSpy hosting(&host, &HostController::hostingChanged);
        QVERIFY2(host.start(loopbackOptions(dir)), qPrintable(host.lastError()));
        QVERIFY(host.isHosting());
        QCOMPARE(hosting.size(), 1);
        QCOMPARE(hosting.first().first().toBool(), true);
        QVERIFY(!host.portFallback());
        QVERIFY(host.notice().isEmpty());
        QVERIFY(host.port() != 0);
        // Hosting is encrypted by default: the app joins its own chat by the invite link, fingerprint and all.
        QVERIFY(Protocol::InviteLink::isFingerprint(host.certificateFingerprint()));
        QUrl expected = ws(QStringLiteral("127.0.0.1"), host.port());
        expected.setScheme(QStringLiteral("wss"));
        QCOMPARE(host.localUrl(), Protocol::InviteLink::make(expected, host.certificateFingerprint()));

        QThread *serverThread = host.serverThread();
        QVERIFY(serverThread);
        QVERIFY(serverThread != QThread::currentThread());
        QVERIFY(serverThread->isRunning());

        ChatClient alice;
        alice.connectToServer(host.localUrl(), QStringLiteral("Alice"));
        QTRY_COMPARE(alice.state(), ChatClient::State::Connected);
        QCOMPARE(alice.serverInfo().name, QStringLiteral("Test Host"));
        auto bob = signedIn(host.localUrl(), QStringLiteral("Bob"));
        QVERIFY(bob);
        QVERIFY(bob->joinRoom(QStringLiteral("lobby")));
        QSignalSpy joined(&alice, &ChatClient::joined);
        alice.joinRoom(QStringLiteral("lobby"));
        QVERIFY(joined.wait(5000) || !joined.isEmpty());

        QSignalSpy received(&alice, &ChatClient::messageReceived);
        alice.sendMessage(ConversationId::room(QStringLiteral("lobby")), QStringLiteral("hello from the host"));
        const auto fromAlice = bob->waitFor<MessageEvent>(
            [](const MessageEvent &event) { return event.message.from == QStringLiteral("Alice"); });
        QVERIFY(fromAlice);
        QCOMPARE(fromAlice->message.text, QStringLiteral("hello from the host"));
        QVERIFY(bob->say(QStringLiteral("lobby"), QStringLiteral("hi Alice")) > 0);
        // Alice gets her own message back as well; Bob's is the one from Bob.
        QTRY_VERIFY(std::any_of(received.cbegin(), received.cend(), [](const QList<QVariant> &arguments) {
            const auto message = arguments.first().value<ChatMessage>();
            return message.from == QStringLiteral("Bob") && message.text == QStringLiteral("hi Alice");
        }));
        alice.disconnectFromServer();
    }

    void stopClosesClientsAndARestartKeepsHistory()
    {
        QTemporaryDir dir;
        HostController host;
        QVERIFY2(host.start(loopbackOptions(dir)), qPrintable(host.lastError()));
        auto bob = signedIn(host.localUrl(), QStringLiteral("Bob"));
        auto carol = signedIn(host.localUrl(), QStringLiteral("Carol"));
        QVERIFY(bob && carol);
        QVERIFY(bob->joinRoom(QStringLiteral("lobby")));
        QVERIFY(bob->say(QStringLiteral("lobby"), QStringLiteral("remember me")) > 0);
        ChatClient alice;
        alice.connectToServer(host.localUrl(), QStringLiteral("Alice"));
        QTRY_COMPARE(alice.state(), ChatClient::State::Connected);

        QSignalSpy hosting(&host, &HostController::hostingChanged);
        QSignalSpy stopped(&host, &HostController::stopped);
        QPointer<QThread> serverThread = host.serverThread();
        host.stop();
        QVERIFY(host.isStopping());
        QVERIFY(stopped.wait(10000));
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(hosting.size(), 1);
        QCOMPARE(hosting.first().first().toBool(), false);
        QVERIFY(!host.isHosting());
        QVERIFY(!host.isStopping());
        QVERIFY(serverThread.isNull()); // joined and deleted
        QVERIFY(!host.serverThread());
        QVERIFY(host.shareUrls().isEmpty());

        QVERIFY(bob->waitForDisconnect());
        QVERIFY(carol->waitForDisconnect());
        QCOMPARE(bob->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(carol->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        // A server going away is no reason to give up: the app's own client tries to come back.
        QTRY_VERIFY(alice.state() != ChatClient::State::Connected);
        QVERIFY(alice.state() != ChatClient::State::Disconnected);
        alice.disconnectFromServer();

        host.stop(); // nothing left to stop: no second stopped()
        QCOMPARE(stopped.size(), 1);

        QVERIFY2(host.start(loopbackOptions(dir)), qPrintable(host.lastError()));
        auto dave = signedIn(host.localUrl(), QStringLiteral("Dave"));
        QVERIFY(dave);
        dave->send(Join{QStringLiteral("lobby")});
        const auto rejoined = dave->waitFor<Joined>();
        QVERIFY(rejoined);
        QCOMPARE(rejoined->history.size(), 1);
        QCOMPARE(rejoined->history.first().text, QStringLiteral("remember me"));
        QCOMPARE(rejoined->history.first().from, QStringLiteral("Bob"));
    }

    void takenPortFallsBackToAFreeOne()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        const quint16 taken = occupant.serverPort();

        QTemporaryDir dir;
        HostOptions options = loopbackOptions(dir);
        options.preferredPort = taken;
        HostController host;
        QSignalSpy fallback(&host, &HostController::portFallbackUsed);
        QVERIFY2(host.start(options), qPrintable(host.lastError()));
        QVERIFY(host.isHosting());
        QVERIFY(host.port() != taken);
        QVERIFY(host.portFallback());
        QCOMPARE(fallback.size(), 1);
        QCOMPARE(fallback.first().at(0).value<quint16>(), taken);
        QCOMPARE(fallback.first().at(1).value<quint16>(), host.port());
        QVERIFY(host.notice().contains(QString::number(taken)));
        QVERIFY(host.notice().contains(QString::number(host.port())));
        QCOMPARE(host.localUrl().port(), int(host.port()));
        QVERIFY(signedIn(host.localUrl(), QStringLiteral("Erin")));
    }

    void unusableDatabaseFailsWithoutLeavingAThread_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<bool>("preferAPort");
        QTest::newRow("a folder") << QString() << false;
        QTest::newRow("a folder, preferred port") << QString() << true;
        QTest::newRow("inside a file") << QStringLiteral("file/history.sqlite") << false;
    }

    void unusableDatabaseFailsWithoutLeavingAThread()
    {
        QFETCH(QString, relativePath);
        QFETCH(bool, preferAPort);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        HostOptions options = loopbackOptions(dir);
        options.databasePath = relativePath.isEmpty() ? dir.path() : dir.filePath(relativePath);
        if (preferAPort) {
            // A port that is certainly free: the store fails on both tries, and the error says why.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            options.preferredPort = probe.serverPort();
        }
        HostController host;
        QSignalSpy hosting(&host, &HostController::hostingChanged);
        QVERIFY(!host.start(options));
        QVERIFY2(host.lastError().contains(u"database"), qPrintable(host.lastError()));
        QVERIFY(!host.isHosting());
        QVERIFY(hosting.isEmpty());
        QVERIFY(!host.serverThread());
        QCOMPARE(host.port(), quint16(0));
        QVERIFY(host.localUrl().isEmpty());

        // Nothing is left half-started: the same controller hosts with a usable database.
        options.databasePath = dir.filePath(QStringLiteral("good.sqlite"));
        options.preferredPort = 0;
        QVERIFY2(host.start(options), qPrintable(host.lastError()));
        QVERIFY(host.lastError().isEmpty());
    }

    void secondHostOnTheSameHistoryIsRefused()
    {
        // A second copy of the app with the same HOME: it must not host over the history the first one uses.
        QTemporaryDir dir;
        HostController first;
        QVERIFY2(first.start(loopbackOptions(dir)), qPrintable(first.lastError()));
        HostController second;
        HostOptions options = loopbackOptions(dir);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        options.preferredPort = probe.serverPort(); // a port of its own would not help: it must not retry
        probe.close();
        QSignalSpy hosting(&second, &HostController::hostingChanged);
        QVERIFY(!second.start(options));
        QVERIFY2(second.lastError().contains(u"another Natter is already hosting from this folder"),
                 qPrintable(second.lastError()));
        QVERIFY2(second.lastError().contains(dir.path()), qPrintable(second.lastError()));
        QVERIFY(!second.isHosting());
        QVERIFY(hosting.isEmpty());
        QVERIFY(!second.serverThread());

        // The first one goes on hosting.
        QVERIFY(first.isHosting());
        QVERIFY(signedIn(first.localUrl(), QStringLiteral("Frank")));
    }

    void startWhileHostingIsRefused()
    {
        QTemporaryDir dir;
        HostController host;
        QVERIFY(host.start(loopbackOptions(dir)));
        const quint16 port = host.port();
        QVERIFY(!host.start(loopbackOptions(dir)));
        QVERIFY(!host.lastError().isEmpty());
        QVERIFY(host.isHosting());
        QCOMPARE(host.port(), port);
    }

    void shareUrlsListMachineAddressesThenLoopback_data()
    {
        QTest::addColumn<QHostAddress>("bindAddress");
        QTest::addColumn<QList<QUrl>>("expected");
        const QUrl local = ws(QStringLiteral("127.0.0.1"), 4242);
        const QUrl second = ws(QStringLiteral("127.0.0.2"), 4242);
        const QUrl third = ws(QStringLiteral("127.0.0.3"), 4242);
        const QUrl global6 = ws(QStringLiteral("2001:db8::5"), 4242);
        QTest::newRow("every interface") << QHostAddress(QHostAddress::Any)
                                         << QList<QUrl>{second, third, global6, local};
        QTest::newRow("IPv4 only") << QHostAddress(QHostAddress::AnyIPv4) << QList<QUrl>{second, third, local};
        QTest::newRow("IPv6 only") << QHostAddress(QHostAddress::AnyIPv6) << QList<QUrl>{global6, local};
        QTest::newRow("loopback only") << QHostAddress(QHostAddress::LocalHost) << QList<QUrl>{local};
        QTest::newRow("one address") << QHostAddress(QStringLiteral("192.0.2.7"))
                                     << QList<QUrl>{ws(QStringLiteral("192.0.2.7"), 4242), local};
    }

    void shareUrlsListMachineAddressesThenLoopback()
    {
        QFETCH(QHostAddress, bindAddress);
        QFETCH(QList<QUrl>, expected);
        // Addresses as an interface list might give them: IPv6 first, duplicates, ones nobody else can reach.
        const QList<QHostAddress> addresses{
            QHostAddress(QStringLiteral("2001:db8::5")), QHostAddress(QStringLiteral("127.0.0.2")),
            QHostAddress(QHostAddress::LocalHostIPv6),   QHostAddress(QStringLiteral("fe80::1")),
            QHostAddress(QStringLiteral("127.0.0.3")),   QHostAddress(QStringLiteral("127.0.0.2")),
            QHostAddress(QHostAddress::LocalHost),       QHostAddress(QStringLiteral("224.0.0.1")),
        };
        const QUrl local = ws(QStringLiteral("127.0.0.1"), 4242);
        QCOMPARE(HostController::shareUrlsFor(bindAddress, local, addresses), expected);
    }

    void shareUrlsCarryTheFingerprint()
    {
        const QString pin(64, u'c');
        QUrl local = ws(QStringLiteral("127.0.0.1"), 4242);
        local.setScheme(QStringLiteral("wss"));
        const QList<QUrl> urls =
            HostController::shareUrlsFor(QHostAddress(QHostAddress::AnyIPv4), Protocol::InviteLink::make(local, pin),
                                         {QHostAddress(QStringLiteral("192.0.2.7"))});
        QCOMPARE(urls.size(), 2);
        QCOMPARE(urls.at(0).toString(), QStringLiteral("wss://192.0.2.7:4242/#sha256=") + pin);
        QCOMPARE(urls.at(1).toString(), QStringLiteral("wss://127.0.0.1:4242/#sha256=") + pin);
    }

    void shareUrlsOfAHostedChat()
    {
        QTemporaryDir dir;
        HostController host;
        int providerCalls = 0;
        host.setAddressProvider([&] {
            ++providerCalls;
            return QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2"))};
        });
        QVERIFY(host.shareUrls().isEmpty()); // not hosting
        QVERIFY(host.start(loopbackOptions(dir)));
        // Bound to 127.0.0.1: only this computer can join, so nothing else is offered.
        QCOMPARE(host.shareUrls(), QList<QUrl>{host.localUrl()});
        QCOMPARE(providerCalls, 0);
    }

    void destroyingWhileHostingStopsTheServer()
    {
        QTemporaryDir dir;
        auto host = std::make_unique<HostController>();
        QVERIFY(host->start(loopbackOptions(dir)));
        auto bob = signedIn(host->localUrl(), QStringLiteral("Bob"));
        QVERIFY(bob);
        QVERIFY(bob->joinRoom(QStringLiteral("lobby")));
        QVERIFY(bob->say(QStringLiteral("lobby"), QStringLiteral("before the end")) > 0);
        QPointer<QThread> serverThread = host->serverThread();
        host.reset();
        QVERIFY(serverThread.isNull());
        QVERIFY(bob->waitForDisconnect());
        QCOMPARE(bob->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);

        // The history was flushed and closed: another host opens the same file and has the message.
        HostController next;
        QVERIFY2(next.start(loopbackOptions(dir)), qPrintable(next.lastError()));
        auto carol = signedIn(next.localUrl(), QStringLiteral("Carol"));
        QVERIFY(carol);
        carol->send(Join{QStringLiteral("lobby")});
        const auto joined = carol->waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->history.size(), 1);
        QCOMPARE(joined->history.first().text, QStringLiteral("before the end"));
    }

    void stopWhileStoppedDoesNothing()
    {
        HostController host;
        QSignalSpy stopped(&host, &HostController::stopped);
        QSignalSpy hosting(&host, &HostController::hostingChanged);
        host.stop();
        QVERIFY(!host.isStopping());
        QVERIFY(stopped.isEmpty());
        QVERIFY(hosting.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostController)
#include "tst_hostcontroller.moc"
