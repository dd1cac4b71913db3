// Frames encoded once for a broadcast and written straight to the TCP socket must be exactly what a WebSocket
// client expects: the right header for every length class, the UTF-8 text unchanged.

#include "websocketframe.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Natter;

class TestWebSocketFrame : public QObject
{
    Q_OBJECT

private slots:
    void header_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray("\x81\x00", 2);
        QTest::newRow("one byte") << 1 << QByteArray("\x81\x01");
        QTest::newRow("largest 7-bit length") << 125 << QByteArray("\x81\x7d");
        QTest::newRow("smallest 16-bit length") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
        QTest::newRow("largest 16-bit length") << 65535 << QByteArray("\x81\x7e\xff\xff");
        QTest::newRow("smallest 64-bit length") << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
    }

    void header()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        const QByteArray payload(size, 'a');
        const QByteArray frame = WebSocketFrame::text(payload);
        QCOMPARE(frame.size(), header.size() + size);
        QCOMPARE(frame.first(header.size()), header);
        QCOMPARE(frame.sliced(header.size()), payload);
    }

    void controlFrames()
    {
        QCOMPARE(WebSocketFrame::ping(), QByteArray("\x89\x00", 2));
        QCOMPARE(WebSocketFrame::pong("abc"),
                 QByteArray("\x8a\x03"
                            "abc"));
        QCOMPARE(WebSocketFrame::pong(QByteArray(200, 'x')).size(), 2 + 125);
        QCOMPARE(WebSocketFrame::close(), QByteArray("\x88\x00", 2));
        QCOMPARE(WebSocketFrame::close(1008, QStringLiteral("slow")), QByteArray("\x88\x06\x03\xf0slow", 8));
    }

    // A close reason longer than a control frame allows is cut at a character boundary, so it stays UTF-8.
    void closeReasonIsCutAtACharacter()
    {
        const QString reason = QString(121, u'a') + QStringLiteral("é€");
        const QByteArray frame = WebSocketFrame::close(1000, reason);
        QVERIFY(frame.size() <= 2 + 125);
        const QByteArray cut = frame.sliced(4);
        QCOMPARE(cut, (QString(121, u'a') + u'é').toUtf8());
    }

    // The production path: a socket upgraded by QWebSocketServer, frames written to its TCP socket.
    void clientReceivesTheText()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QWebSocketServer upgrader(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QTcpSocket *transport = nullptr;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            transport = listener.nextPendingConnection();
            upgrader.handleConnection(transport);
        });
        QSignalSpy upgraded(&upgrader, &QWebSocketServer::newConnection);

        QWebSocket client;
        client.setMaxAllowedIncomingFrameSize(1 << 20);
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) { received << text; });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(listener.serverPort())));
        QTRY_COMPARE(upgraded.size(), 1);
        std::unique_ptr<QWebSocket> server(upgrader.nextPendingConnection());
        QVERIFY(transport);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);

        // Multi-byte characters make the byte length differ from the character count at every boundary.
        const QString unit = QStringLiteral("aü€😀"); // 1 + 2 + 3 + 4 bytes
        QStringList sent{QString(), QStringLiteral("x"), QString(125, u'y'), QString(126, u'z'),
                         QStringLiteral("<b>not markup</b>")};
        for (int units : {12, 13, 6553, 6554, 20000})
            sent << unit.repeated(units);
        for (const QString &text : std::as_const(sent))
            transport->write(WebSocketFrame::text(text.toUtf8()));
        // QWebSocket's own frames still interleave cleanly with ours.
        server->sendTextMessage(QStringLiteral("from QWebSocket"));
        sent << QStringLiteral("from QWebSocket");

        QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 10'000);
        for (qsizetype i = 0; i < sent.size(); ++i)
            QCOMPARE(received.at(i), sent.at(i));
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrame)
#include "tst_websocketframe.moc"
