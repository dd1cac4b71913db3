// ServerAddress reads a chat's address as people type it, paste it or pass it to --join.

#include "serveraddress.h"

#include <QTest>

using namespace Natter;

class TestServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void identityIgnoresSpelling();
};

void TestServerAddress::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::addColumn<QString>("errorPart");

    const QString rejected;
    // clang-format off
    QTest::newRow("ip and port, no scheme") << QStringLiteral("192.0.2.5:8642") << QStringLiteral("wss://192.0.2.5:8642") << QString();
    QTest::newRow("host only gets default port") << QStringLiteral("chat.example.org") << QStringLiteral("wss://chat.example.org:8642") << QString();
    QTest::newRow("ws without port") << QStringLiteral("ws://chat.example.org") << QStringLiteral("ws://chat.example.org:8642") << QString();
    QTest::newRow("wss keeps 443") << QStringLiteral("wss://chat.example.org") << QStringLiteral("wss://chat.example.org") << QString();
    QTest::newRow("wss with port") << QStringLiteral("wss://chat.example.org:9443") << QStringLiteral("wss://chat.example.org:9443") << QString();
    QTest::newRow("trimmed") << QStringLiteral("  ws://198.51.100.2:1234 \t") << QStringLiteral("ws://198.51.100.2:1234") << QString();
    QTest::newRow("case and trailing slash") << QStringLiteral("WS://Chat.Example.ORG/") << QStringLiteral("ws://chat.example.org:8642") << QString();
    QTest::newRow("localhost with port") << QStringLiteral("localhost:9000") << QStringLiteral("wss://localhost:9000") << QString();
    QTest::newRow("ipv6") << QStringLiteral("[::1]:9000") << QStringLiteral("wss://[::1]:9000") << QString();
    QTest::newRow("path kept") << QStringLiteral("wss://example.org/natter") << QStringLiteral("wss://example.org/natter") << QString();
    const QString pin = QStringLiteral("abababababababababababababababababababababababababababababababab");
    QTest::newRow("invite link keeps its pin") << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin)
                                               << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin) << QString();
    QTest::newRow("pin in upper case") << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin.toUpper())
                                       << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin) << QString();
    QTest::newRow("pin without scheme") << (QStringLiteral("192.0.2.5:8642/#sha256=") + pin)
                                        << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin) << QString();
    QTest::newRow("other fragment dropped") << QStringLiteral("wss://192.0.2.5:8642/#top")
                                            << QStringLiteral("wss://192.0.2.5:8642") << QString();
    QTest::newRow("highest port") << QStringLiteral("host:65535") << QStringLiteral("wss://host:65535") << QString();

    QTest::newRow("empty") << QString() << rejected << QStringLiteral("address");
    QTest::newRow("spaces only") << QStringLiteral("   ") << rejected << QStringLiteral("address");
    QTest::newRow("http") << QStringLiteral("http://example.org") << rejected << QStringLiteral("ws://");
    QTest::newRow("https") << QStringLiteral("https://example.org:8642") << rejected << QStringLiteral("ws://");
    QTest::newRow("other scheme") << QStringLiteral("ftp://example.org") << rejected << QStringLiteral("ftp://");
    QTest::newRow("no host") << QStringLiteral("ws://") << rejected << QStringLiteral("IP address");
    QTest::newRow("port without host") << QStringLiteral("ws://:8642") << rejected << QStringLiteral("IP address");
    QTest::newRow("port zero") << QStringLiteral("example.org:0") << rejected << QStringLiteral("port");
    QTest::newRow("port too big") << QStringLiteral("example.org:65536") << rejected << QStringLiteral("port");
    QTest::newRow("port not a number") << QStringLiteral("example.org:http") << rejected << QStringLiteral("port");
    QTest::newRow("port signed") << QStringLiteral("example.org:+80") << rejected << QStringLiteral("port");
    QTest::newRow("colon without port") << QStringLiteral("example.org:") << rejected << QStringLiteral("port");
    QTest::newRow("space inside") << QStringLiteral("chat example.org") << rejected << QStringLiteral("spaces");
    QTest::newRow("user info") << QStringLiteral("ws://ada:secret@example.org") << rejected << QStringLiteral("password field");
    QTest::newRow("ipv6 without brackets") << QStringLiteral("fe80::1") << rejected << QStringLiteral("brackets");
    QTest::newRow("damaged pin") << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin.left(63))
                                 << rejected << QStringLiteral("damaged");
    QTest::newRow("pin not hex") << (QStringLiteral("wss://192.0.2.5:8642/#sha256=") + pin.left(63) + u'g')
                                 << rejected << QStringLiteral("damaged");
    QTest::newRow("pin on ws") << (QStringLiteral("ws://192.0.2.5:8642/#sha256=") + pin) << rejected
                               << QStringLiteral("wss://");
    QTest::newRow("bad host character") << QStringLiteral("ws://exa<mple.org") << rejected << QStringLiteral("not a valid");
    // clang-format on
}

void TestServerAddress::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, errorPart);

    QString error;
    const std::optional<QUrl> url = ServerAddress::parse(text, &error);
    if (expected.isEmpty()) {
        QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    } else {
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->toString(), expected);
        QVERIFY(url->isValid());
    }
}

void TestServerAddress::identityIgnoresSpelling()
{
    const QString plain = ServerAddress::identity(*ServerAddress::parse(QStringLiteral("Chat.Example.org")));
    QCOMPARE(plain, QStringLiteral("chat.example.org:8642"));
    QCOMPARE(ServerAddress::identity(*ServerAddress::parse(QStringLiteral("ws://chat.example.org:8642/"))), plain);
    QCOMPARE(ServerAddress::identity(*ServerAddress::parse(QStringLiteral("[::1]:9000"))),
             QStringLiteral("[::1]:9000"));
    QVERIFY(ServerAddress::identity(*ServerAddress::parse(QStringLiteral("chat.example.org:9000"))) != plain);
}

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
