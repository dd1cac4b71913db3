// The request head reader that decides what a connection on the chat port is for: well-formed heads, the ways a
// head can be malformed, and random bytes (none may crash it or be taken for an upgrade by accident).

#include "httprequesthead.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Natter;

class TestHttpRequestHead : public QObject
{
    Q_OBJECT

private slots:
    void readsAWebSocketUpgrade()
    {
        const QByteArray head = "GET /chat?x=1 HTTP/1.1\r\n"
                                "Host: 127.0.0.1:8642\r\n"
                                "Upgrade: WebSocket\r\n"
                                "Connection: keep-alive, Upgrade\r\n"
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                "Sec-WebSocket-Version: 13\r\n\r\n";
        QCOMPARE(HttpRequestHead::endOf(head + "trailing frame bytes"), head.size());
        const auto parsed = HttpRequestHead::parse(head);
        QVERIFY(parsed);
        QCOMPARE(parsed->method, QByteArray("GET"));
        QCOMPARE(parsed->target, QByteArray("/chat?x=1"));
        QCOMPARE(parsed->field("host"), QByteArray("127.0.0.1:8642"));
        QCOMPARE(parsed->field("sec-websocket-version"), QByteArray("13"));
        QVERIFY(parsed->isWebSocketUpgrade());
    }

    void otherRequestsAreNotUpgrades_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("plain GET") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("no Connection: upgrade") << QByteArray("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n");
        QTest::newRow("POST upgrade") << QByteArray(
            "POST / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        QTest::newRow("h2c") << QByteArray("GET / HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n");
    }

    void otherRequestsAreNotUpgrades()
    {
        QFETCH(QByteArray, head);
        const auto parsed = HttpRequestHead::parse(head);
        QVERIFY(parsed);
        QVERIFY(!parsed->isWebSocketUpgrade());
    }

    void malformedHeadsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("empty") << QByteArray("\r\n\r\n");
        QTest::newRow("no blank line") << QByteArray("GET / HTTP/1.1\r\n");
        QTest::newRow("two words") << QByteArray("GET /\r\n\r\n");
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2\r\n\r\n");
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n");
        QTest::newRow("CR inside") << QByteArray("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n");
        QTest::newRow("folded line") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n");
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n");
        QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n");
        QTest::newRow("NUL in target") << QByteArray("GET /\0 HTTP/1.1\r\n\r\n", 20);
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n");
        QByteArray tooMany = "GET / HTTP/1.1\r\n";
        for (int i = 0; i <= HttpRequestHead::MaxFields; ++i)
            tooMany += "X-" + QByteArray::number(i) + ": y\r\n";
        QTest::newRow("too many fields") << tooMany + "\r\n";
        QTest::newRow("too large") << "GET / HTTP/1.1\r\nX: " + QByteArray(HttpRequestHead::MaxBytes, 'a') + "\r\n\r\n";
    }

    void binaryOpeningsAreRefusedAtOnce()
    {
        QVERIFY(HttpRequestHead::canStart({}));
        QVERIFY(HttpRequestHead::canStart("G"));
        QVERIFY(HttpRequestHead::canStart("GET / HTTP/1.1\r\n"));
        QVERIFY(!HttpRequestHead::canStart(QByteArray("\x16\x03\x01", 3))); // a TLS handshake
        QVERIFY(!HttpRequestHead::canStart(QByteArray(1, '\0')));
        QVERIFY(!HttpRequestHead::canStart(" GET"));
    }

    void malformedHeadsAreRefused()
    {
        QFETCH(QByteArray, head);
        QVERIFY(!HttpRequestHead::parse(head));
    }

    // Random bytes and random damage to a real head: the reader never crashes, never reads past what it was given,
    // and only ever accepts what a careful reading would.
    void fuzz()
    {
        const QByteArray valid = "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        QRandomGenerator random(20261202);
        int accepted = 0;
        for (int round = 0; round < 200'000; ++round) {
            QByteArray input;
            if (round % 2 == 0) {
                input = valid;
                const int damage = 1 + random.bounded(4);
                for (int i = 0; i < damage; ++i)
                    input[random.bounded(int(input.size()))] = static_cast<char>(random.bounded(256));
            } else {
                input.resize(random.bounded(200));
                for (char &c : input)
                    c = "GET /HTTP1.\r\n: abc"[random.bounded(18)];
                input += "\r\n\r\n";
            }
            const qsizetype end = HttpRequestHead::endOf(input);
            QVERIFY(end <= input.size());
            if (end < 0)
                continue;
            const auto parsed = HttpRequestHead::parse(input.first(end));
            if (!parsed)
                continue;
            ++accepted;
            QVERIFY(!parsed->method.isEmpty());
            QVERIFY(!parsed->target.isEmpty());
            for (const auto &[name, value] : parsed->fields) {
                QVERIFY(!name.isEmpty());
                QCOMPARE(name, name.toLower());
                QVERIFY(!value.contains('\r') && !value.contains('\n'));
            }
        }
        QVERIFY(accepted > 0); // the damaged heads are not all refused: the fuzzing reached the accepting paths
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
