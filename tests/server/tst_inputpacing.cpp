// How the server reads its clients: a client over its rate is read more slowly and loses nothing, a client far
// ahead of its rate is closed with a reason after everything owed to it was sent, pings count like any frame, frames
// RFC 6455 forbids close the connection with the right code, and the opening handshake refuses foreign web pages
// and malformed requests.

#include "chatserver.h"
#include "clientsession.h"
#include "historystore.h"
#include "protocol.h"
#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <memory>
#include <vector>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 5000;

QByteArray encode(const ClientMessage &message)
{
    return encodeFrame(message).toUtf8();
}

QByteArray closeBody(quint16 code, const QByteArray &reason)
{
    char be[2];
    qToBigEndian(code, be);
    return QByteArray(be, 2) + reason;
}

} // namespace

class TestInputPacing : public QObject
{
    Q_OBJECT

private slots:
    // A client that comes back with hundreds of queued messages sends them at once: it is slowed down, never cut
    // off, and every message is stored and acknowledged in the order sent.
    void honestBurstIsAcknowledgedInFullAndInOrder()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.messagesPerSecond = 60;
        config.limits.burst = 20;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"Ada"_s, {lobbyRoom()}));
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"Bob"_s, {lobbyRoom()}));

        constexpr int Burst = 300;
        for (int i = 0; i < Burst; ++i)
            ada.send(Send{u"queued-%1"_s.arg(i), lobbyRoom(), {}, u"queued message %1"_s.arg(i), MessageKind::Text});
        // Others are not held up meanwhile.
        QVERIFY(bob.say(lobbyRoom(), u"still quick"_s) > 0);

        qint64 lastSeq = 0;
        for (int i = 0; i < Burst; ++i) {
            const QString id = u"queued-%1"_s.arg(i);
            const auto ack = ada.waitFor<Ack>([&](const Ack &a) { return a.id == id; }, 15'000);
            QVERIFY2(ack, qPrintable(u"no ack for %1"_s.arg(id)));
            QVERIFY2(ack->seq > lastSeq, "acknowledged out of order");
            lastSeq = ack->seq;
        }
        QVERIFY(ada.isConnected());
        QVERIFY(!ada.receives<ErrorEvent>([](const ErrorEvent &) { return true; }, 0));
        const QList<ChatMessage> history = server.server()->store()->latest(lobbyRoom(), 1000);
        const auto stored =
            std::count_if(history.cbegin(), history.cend(), [](const ChatMessage &m) { return m.from == u"Ada"; });
        QCOMPARE(stored, qsizetype(Burst));
    }

    void plainTextBurstIsServedInFull()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.messagesPerSecond = 40;
        config.limits.burst = 10;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"Ada"_s, {lobbyRoom()}));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        constexpr int Lines = 80;
        for (int i = 0; i < Lines; ++i)
            guest.sendText(u"line %1"_s.arg(i));
        for (int i = 0; i < Lines; ++i) {
            const auto heard = ada.waitFor<MessageEvent>(
                [&](const MessageEvent &e) { return e.message.text == u"line %1"_s.arg(i); }, 10'000);
            QVERIFY2(heard, qPrintable(u"line %1 was lost"_s.arg(i)));
        }
        QVERIFY(guest.isConnected());
    }

    // Far more than the rate allows, for longer than the input cap covers: closed with 1008 and a reason, after
    // the acks of everything that was stored.
    void closesAFlooderAfterAcknowledgingWhatWasStored()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.messagesPerSecond = 5;
        config.limits.burst = 20;
        config.maxInputBytes = 65536;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"Bob"_s, {lobbyRoom()}));
        TestClient flooder;
        QVERIFY(flooder.enter(server.url(), u"Flooder"_s, {lobbyRoom()}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ahead of its rate limit; closing"_s));
        constexpr int FloodSize = 10'000;
        for (int i = 0; i < FloodSize; ++i)
            flooder.send(Send{u"flood-%1"_s.arg(i), lobbyRoom(), {}, u"flood %1"_s.arg(i), MessageKind::Text});
        QVERIFY(bob.say(lobbyRoom(), u"unbothered"_s) > 0);

        QVERIFY(flooder.waitForDisconnect(20'000));
        QCOMPARE(int(flooder.closeCode()), 1008);
        QCOMPARE(flooder.closeReason(), u"sending too fast for too long"_s);

        HistoryStore *store = server.server()->store();
        QVERIFY(TestClient::waitUntil([store] { return store->pendingCount() == 0; }, WaitMs));
        const QList<ChatMessage> history = store->latest(lobbyRoom(), 1000);
        QSet<QString> storedIds;
        for (const ChatMessage &m : history)
            if (m.from == u"Flooder")
                storedIds.insert(m.id);
        QVERIFY(!storedIds.isEmpty());
        QVERIFY2(storedIds.size() < FloodSize / 2, "the flood was not slowed down");
        // Everything that was stored was acknowledged before the close.
        for (const QString &id : std::as_const(storedIds))
            QVERIFY2(flooder.waitFor<Ack>([&](const Ack &a) { return a.id == id; }, 0),
                     qPrintable(u"%1 was stored but not acknowledged"_s.arg(id)));
        QTRY_COMPARE(server.server()->sessionCount(), 1);
    }

    // Pings take tokens like any frame, and a peer that never reads the pongs cannot grow the server: it is held
    // back, then closed once its unread input reaches the cap. Before hello, as after.
    void pingFloodIsHeldBackAndClosed()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.password = u"secret"_s;
        config.maxInputBytes = 65536;
        TestServer server(config);
        QVERIFY(server.start());
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        peer.stopReading();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ahead of its rate limit; closing"_s));
        const QByteArray payload(125, 'p');
        for (int i = 0; i < 40'000; ++i)
            peer.sendFrame(0x9, payload);
        QTRY_COMPARE_WITH_TIMEOUT(server.server()->sessionCount(), 0, 20'000);
    }

    // A client that asks for history pages and never reads them is not read either once its output passes a
    // quarter of max-buffered-bytes: the server holds at most that plus one answer for it, however much it asks.
    void readerThatNeverReadsIsNotServedMore()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxBufferedBytes = 256 * 1024;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"Ada"_s, {lobbyRoom()}));
        const QString longText(1000, u'x');
        for (int i = 0; i < 200; ++i)
            ada.send(Send{u"m-%1"_s.arg(i), lobbyRoom(), {}, longText, MessageKind::Text});
        QVERIFY(ada.waitFor<Ack>([](const Ack &a) { return a.id == u"m-199"; }, 10'000));

        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        peer.sendText(encode(Hello{u"Hoarder"_s, {}, {}, {}, {}}));
        peer.sendText(encode(Join{lobbyRoom()}));
        QVERIFY(peer.waitForTexts(2, WaitMs));
        peer.stopReading();
        const QByteArray page = encode(HistoryRequest{lobbyRoom(), {}, 0, 200, 0});
        constexpr int Requests = 500; // about 100 MiB of answers
        for (int i = 0; i < Requests; ++i)
            peer.sendText(page);

        qint64 mostQueued = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 3000) {
            QTest::qWait(20);
            for (const ClientSession *session : server.server()->findChildren<ClientSession *>())
                if (session->name() == u"Hoarder")
                    mostQueued = std::max(mostQueued, session->queuedBytes());
        }
        const qint64 onePage = 200 * 1100;
        QVERIFY2(mostQueued <= config.maxBufferedBytes / 4 + onePage,
                 qPrintable(u"%1 bytes were queued for a client that reads nothing"_s.arg(mostQueued)));
        // Everyone else carries on.
        QVERIFY(ada.say(lobbyRoom(), u"still here"_s) > 0);
    }

    // Readers that stop reading fill the server's output only up to its budget: then the one with the most waiting
    // is dropped, while everyone who reads carries on.
    void outputBudgetDropsTheSlowestReaderFirst()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxOutputBytes = 1024 * 1024;
        config.maxBufferedBytes = 64 * 1024 * 1024; // only the budget, not each connection's own cap, is reached
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"Ada"_s, {lobbyRoom()}));
        std::vector<std::unique_ptr<RawPeer>> hoarders;
        for (int i = 0; i < 2; ++i) {
            auto peer = std::make_unique<RawPeer>();
            QVERIFY(peer->connectTo(server.url().port()));
            QVERIFY(peer->upgrade(server.url().port()));
            peer->sendText(encode(Hello{u"Hoarder%1"_s.arg(i), {}, {}, {}, {}}));
            peer->sendText(encode(Join{lobbyRoom()}));
            QVERIFY(peer->waitForTexts(2, WaitMs));
            peer->stopReading();
            hoarders.push_back(std::move(peer));
        }
        const auto hoardersLeft = [&] {
            int left = 0;
            for (const ClientSession *session : server.server()->findChildren<ClientSession *>())
                left += session->name().startsWith(u"Hoarder") ? 1 : 0;
            return left;
        };
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"budget; dropping it"_s));
        const QString text(15'000, u'z');
        int sent = 0;
        while (hoardersLeft() == 2 && sent < 4000) {
            for (int i = 0; i < 50; ++i, ++sent)
                ada.send(Send{u"big-%1"_s.arg(sent), lobbyRoom(), {}, text, MessageKind::Text});
            QVERIFY(ada.waitFor<Ack>([&](const Ack &a) { return a.id == u"big-%1"_s.arg(sent - 1); }, 10'000));
        }
        QVERIFY2(hoardersLeft() < 2, "nobody was dropped although the readers stopped reading");
        QVERIFY(ada.isConnected());
        QVERIFY(ada.say(lobbyRoom(), u"still here"_s) > 0);
    }

    void answersPingsBetweenFragments()
    {
        TestServer server;
        QVERIFY(server.start());
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        const QByteArray hello = encode(Hello{u"Ada"_s, {}, {}, {}, {}});
        peer.sendFrame(0x1, hello.first(10), false);
        peer.sendFrame(0x9, "are you there");
        peer.sendFrame(0x0, hello.sliced(10, 5), false);
        peer.sendFrame(0x0, hello.sliced(15));
        QVERIFY(peer.waitForTexts(1, WaitMs));
        QCOMPARE(peer.pongs(), 1);
        const auto welcome = decodeServerFrame(QString::fromUtf8(peer.texts().first()));
        QVERIFY(welcome);
        QVERIFY(std::holds_alternative<Welcome>(welcome.value()));
    }

    void echoesTheClientsClose()
    {
        TestServer server;
        QVERIFY(server.start());
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        peer.sendFrame(0x8, closeBody(1000, "bye"));
        QVERIFY(peer.waitForClose(WaitMs));
        QCOMPARE(peer.closeCode(), std::optional<quint16>(1000));
        QVERIFY(peer.waitForDisconnect(WaitMs));
        QTRY_COMPARE(server.server()->sessionCount(), 0);
    }

    void closesOnForbiddenFrames_data()
    {
        QTest::addColumn<int>("opcode");
        QTest::addColumn<bool>("final");
        QTest::addColumn<bool>("masked");
        QTest::addColumn<int>("reserved");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("closeCode");
        QTest::newRow("unmasked text") << 0x1 << true << false << 0 << QByteArray("{}") << 1002;
        QTest::newRow("unmasked ping") << 0x9 << true << false << 0 << QByteArray() << 1002;
        QTest::newRow("reserved bit") << 0x1 << true << true << 0x40 << QByteArray("{}") << 1002;
        QTest::newRow("unknown opcode") << 0x5 << true << true << 0 << QByteArray("x") << 1002;
        QTest::newRow("fragmented ping") << 0x9 << false << true << 0 << QByteArray("x") << 1002;
        QTest::newRow("long ping") << 0x9 << true << true << 0 << QByteArray(126, 'x') << 1002;
        QTest::newRow("lone continuation") << 0x0 << true << true << 0 << QByteArray("x") << 1002;
        QTest::newRow("bad close code") << 0x8 << true << true << 0 << closeBody(1006, {}) << 1002;
    }

    void closesOnForbiddenFrames()
    {
        QFETCH(int, opcode);
        QFETCH(bool, final);
        QFETCH(bool, masked);
        QFETCH(int, reserved);
        QFETCH(QByteArray, payload);
        QFETCH(int, closeCode);
        TestServer server;
        QVERIFY(server.start());
        TestClient bystander;
        QVERIFY(bystander.enter(server.url(), u"Bystander"_s, {lobbyRoom()}));
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        peer.sendFrame(quint8(opcode), payload, final, masked, quint8(reserved));
        QVERIFY(peer.waitForClose(WaitMs));
        QVERIFY2(peer.closeCode().has_value(), "closed without a close frame");
        QCOMPARE(int(*peer.closeCode()), closeCode);
        QVERIFY(!peer.closeReason().isEmpty());
        QVERIFY(peer.waitForDisconnect(WaitMs));
        QTRY_COMPARE(server.server()->sessionCount(), 1);
        QVERIFY(bystander.say(lobbyRoom(), u"fine"_s) > 0);
    }

    void handshake_data()
    {
        QTest::addColumn<QStringList>("allowedOrigins");
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QByteArray>("status");
        QByteArray manyFields;
        for (int i = 0; i < 120; ++i)
            manyFields += "X-Field-" + QByteArray::number(i) + ": x\r\n";
        const QStringList byDefault{u"default"_s};
        QTest::newRow("native") << byDefault << QByteArray() << QByteArray("101");
        QTest::newRow("page from a file") << byDefault << QByteArray("Origin: null\r\n") << QByteArray("101");
        QTest::newRow("localhost page") << byDefault << QByteArray("Origin: http://localhost:8000\r\n")
                                        << QByteArray("101");
        QTest::newRow("foreign page") << byDefault << QByteArray("Origin: https://evil.example\r\n")
                                      << QByteArray("403");
        QTest::newRow("foreign page, all allowed")
            << QStringList{u"*"_s} << QByteArray("Origin: https://evil.example\r\n") << QByteArray("101");
        QTest::newRow("listed page") << QStringList{u"https://chat.example.org"_s}
                                     << QByteArray("Origin: https://chat.example.org\r\n") << QByteArray("101");
        QTest::newRow("too many fields") << byDefault << manyFields << QByteArray("431");
    }

    void handshake()
    {
        QFETCH(QStringList, allowedOrigins);
        QFETCH(QByteArray, fields);
        QFETCH(QByteArray, status);
        ServerConfig config = TestServer::defaultConfig();
        config.allowedOrigins = allowedOrigins;
        TestServer server(config);
        QVERIFY(server.start());
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        const bool upgraded = peer.upgrade(server.url().port(), fields);
        QVERIFY2(peer.responseHead().startsWith("HTTP/1.1 " + status), peer.responseHead().constData());
        QCOMPARE(upgraded, status == "101");
        if (upgraded) {
            QVERIFY(peer.responseHead().contains("\r\nSec-WebSocket-Protocol: natter.v1"));
        } else {
            QVERIFY(peer.waitForDisconnect(WaitMs));
        }
    }

    void refusesMalformedHandshakes_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        const QByteArray upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
        const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        QTest::newRow("version 8") << "GET / HTTP/1.1\r\nHost: x\r\n" + upgrade + key
                + "Sec-WebSocket-Version: 8\r\n\r\n"
                                   << QByteArray("426");
        QTest::newRow("no key") << "GET / HTTP/1.1\r\nHost: x\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\n\r\n"
                                << QByteArray("400");
        QTest::newRow("short key") << "GET / HTTP/1.1\r\nHost: x\r\n" + upgrade
                + "Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n"
                                   << QByteArray("400");
        QTest::newRow("no host") << "GET / HTTP/1.1\r\n" + upgrade + key + "Sec-WebSocket-Version: 13\r\n\r\n"
                                 << QByteArray("400");
    }

    void refusesMalformedHandshakes()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        TestServer server;
        QVERIFY(server.start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.url().port());
        QVERIFY(socket.waitForConnected(WaitMs));
        socket.write(request);
        QByteArray response;
        QVERIFY(TestClient::waitUntil(
            [&] {
                response += socket.readAll();
                return response.contains("\r\n\r\n");
            },
            WaitMs));
        QVERIFY2(response.startsWith("HTTP/1.1 " + status), response.constData());
        if (status == "426")
            QVERIFY(response.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    }

    // Without natter.v1 offered, the connection speaks the plain-text dialect and no subprotocol is named.
    void plainUpgradeNamesNoSubprotocol()
    {
        TestServer server;
        QVERIFY(server.start());
        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port(), {}, true));
        QVERIFY(!peer.responseHead().contains("Sec-WebSocket-Protocol"));
        QVERIFY(peer.waitForTexts(1, WaitMs));
        QVERIFY(peer.texts().first().startsWith("Welcome to"));
    }
};

QTEST_GUILESS_MAIN(TestInputPacing)
#include "tst_inputpacing.moc"
