// A client that stops reading while others flood the room is dropped before it costs the server unbounded
// memory; everyone else keeps receiving.

#include "chatserver.h"
#include "testclient.h"
#include "testserver.h"

#include <QTcpSocket>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class TestSlowConsumer : public QObject
{
    Q_OBJECT

private slots:
    void readerThatStallsIsDroppedOthersAreNot()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxBufferedBytes = 256 * 1024;
        config.slowConsumerGraceMs = 300;
        TestServer server(config);
        QVERIFY(server.start());

        TestClient stalled;
        TestClient reader;
        TestClient writer;
        for (TestClient *client : {&stalled, &reader, &writer})
            QVERIFY(client->open(server.url()));
        QVERIFY(stalled.signIn(QStringLiteral("Stalled")));
        QVERIFY(reader.signIn(QStringLiteral("Reader")));
        QVERIFY(writer.signIn(QStringLiteral("Writer")));
        for (TestClient *client : {&stalled, &reader, &writer})
            QVERIFY(client->joinRoom(lobbyRoom()));
        // From now on the stalled client takes at most one byte off the wire: the kernel's buffers fill, then
        // the server's.
        stalled.socket().setReadBufferSize(1);

        const QString text(8000, u'x');
        constexpr int Messages = 500; // 4 MB towards the stalled client, more than the kernel's buffers hold
        for (int i = 0; i < Messages; ++i)
            writer.send(Send{QStringLiteral("flood-%1").arg(i), lobbyRoom(), {}, text, MessageKind::Text});
        QVERIFY(TestClient::waitUntil([&] { return server.server()->sessionCount() == 2; }, 30'000));

        // The others got every message.
        const auto delivered = [&reader] {
            const QList<ServerMessage> frames = reader.frames();
            return std::count_if(frames.cbegin(), frames.cend(),
                                 [](const ServerMessage &m) { return std::holds_alternative<MessageEvent>(m); });
        };
        QVERIFY2(TestClient::waitUntil([&] { return delivered() == Messages; }, 30'000),
                 qPrintable(QString::number(delivered())));
        QVERIFY(writer.waitFor<Ack>([](const Ack &ack) { return ack.id == u"flood-499"; }, 30'000));
        QVERIFY(reader.isConnected());
        QVERIFY(writer.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestSlowConsumer)
#include "tst_slowconsumer.moc"
