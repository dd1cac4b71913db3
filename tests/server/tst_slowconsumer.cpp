// A client that stops reading while others flood the room is dropped before it costs the server unbounded
// memory; everyone else keeps receiving.

#include "chatserver.h"
#include "testclient.h"
#include "testserver.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

// A masked client-to-server text frame (RFC 6455 §5.2), for a client written by hand.
QByteArray clientFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

// A TLS client that joins the lobby and then stops reading for good. QWebSocket cannot be made to: it keeps
// taking what its QSslSocket decrypts, however small that socket's read buffer.
std::unique_ptr<QSslSocket> stalledTlsClient(quint16 port)
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    // The server runs in this thread: wait by running the event loop, never by blocking it.
    if (!TestClient::waitUntil([&] { return socket->isEncrypted(); }, 5000))
        return nullptr;
    socket->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  "Sec-WebSocket-Protocol: natter.v1\r\n\r\n");
    QByteArray received;
    if (!TestClient::waitUntil([&] { return (received += socket->readAll()).contains("\r\n\r\n"); }, 5000))
        return nullptr;
    socket->write(clientFrame(encodeFrame(Hello{QStringLiteral("Stalled"), {}, {}, {}, {}}).toUtf8()));
    socket->write(clientFrame(encodeFrame(Join{lobbyRoom()}).toUtf8()));
    const bool joined = TestClient::waitUntil(
        [&] {
            received += socket->readAll();
            return received.contains("\"joined\"");
        },
        5000);
    if (!joined) {
        qWarning() << "no joined frame; received:" << received;
        return nullptr;
    }
    socket->setReadBufferSize(1);
    return socket;
}

} // namespace

class TestSlowConsumer : public QObject
{
    Q_OBJECT

private slots:
    void readerThatStallsIsDroppedOthersAreNot_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("wave");
        // 4 MB towards the stalled client, more than the kernel's buffers hold, in one go.
        QTest::newRow("ws") << false << 500 << 500;
        // TLS keeps bytes in two places (before and after encryption); both count. The server's TLS socket
        // reads every frame the writer sent at once, so a flood would reach the others in one pass too: in
        // waves the readers can keep up with, as they share this thread with the server.
        QTest::newRow("wss") << true << 1000 << 100;
    }

    void readerThatStallsIsDroppedOthersAreNot()
    {
        QFETCH(bool, encrypted);
        QFETCH(int, messages);
        QFETCH(int, wave);
        ServerConfig config = TestServer::defaultConfig();
        config.maxBufferedBytes = 256 * 1024;
        config.slowConsumerGraceMs = 300;
        TestServer server(config);
        QVERIFY(server.start());

        TestClient stalled;
        std::unique_ptr<QSslSocket> stalledTls;
        TestClient reader;
        TestClient writer;
        const QUrl url = encrypted ? server.inviteUrl() : server.url();
        for (TestClient *client : {&reader, &writer})
            QVERIFY(client->open(url));
        QVERIFY(reader.signIn(QStringLiteral("Reader")));
        QVERIFY(writer.signIn(QStringLiteral("Writer")));
        for (TestClient *client : {&reader, &writer})
            QVERIFY(client->joinRoom(lobbyRoom()));
        if (encrypted) {
            stalledTls = stalledTlsClient(server.url().port());
            QVERIFY(stalledTls);
        } else {
            QVERIFY(stalled.enter(url, QStringLiteral("Stalled"), {lobbyRoom()}));
            // From now on the stalled client takes at most one byte off the wire: the kernel's buffers fill, then
            // the server's.
            stalled.socket().setReadBufferSize(1);
        }

        const QString text(8000, u'x');
        const auto delivered = [&reader] {
            const QList<ServerMessage> frames = reader.frames();
            return std::count_if(frames.cbegin(), frames.cend(),
                                 [](const ServerMessage &m) { return std::holds_alternative<MessageEvent>(m); });
        };
        for (int i = 0; i < messages; ++i) {
            writer.send(Send{QStringLiteral("flood-%1").arg(i), lobbyRoom(), {}, text, MessageKind::Text});
            if ((i + 1) % wave == 0 && i + 1 < messages)
                QVERIFY(TestClient::waitUntil([&] { return delivered() == i + 1; }, 30'000));
        }
        QVERIFY(TestClient::waitUntil([&] { return server.server()->sessionCount() == 2; }, 30'000));

        // The others got every message.
        QVERIFY2(TestClient::waitUntil([&] { return delivered() == messages; }, 30'000),
                 qPrintable(QString::number(delivered())));
        const QString last = QStringLiteral("flood-%1").arg(messages - 1);
        QVERIFY(writer.waitFor<Ack>([&](const Ack &ack) { return ack.id == last; }, 30'000));
        QVERIFY(reader.isConnected());
        QVERIFY(writer.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestSlowConsumer)
#include "tst_slowconsumer.moc"
