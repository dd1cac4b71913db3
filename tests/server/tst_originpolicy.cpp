// Which web pages may open a connection: the default rule, "*", exact origins, and origins that only look allowed.

#include "originpolicy.h"

#include <QTest>

using namespace Natter;

class TestOriginPolicy : public QObject
{
    Q_OBJECT

private slots:
    void decides_data()
    {
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allows");
        const QStringList byDefault{QStringLiteral("default")};
        const QByteArray host = "192.0.2.2:8642";
        QTest::newRow("native client") << byDefault << QByteArray() << host << true;
        QTest::newRow("page from a file") << byDefault << QByteArray("null") << host << true;
        QTest::newRow("localhost page") << byDefault << QByteArray("http://localhost:3000") << host << true;
        QTest::newRow("sub.localhost page") << byDefault << QByteArray("http://app.localhost") << host << true;
        QTest::newRow("127.0.0.1 page") << byDefault << QByteArray("http://127.0.0.1:8080") << host << true;
        QTest::newRow("127.1.2.3 page") << byDefault << QByteArray("https://127.1.2.3") << host << true;
        QTest::newRow("::1 page") << byDefault << QByteArray("http://[::1]:8000") << host << true;
        QTest::newRow("the server's own page") << byDefault << QByteArray("http://192.0.2.2:8642") << host << true;
        QTest::newRow("own page, name in other case")
            << byDefault << QByteArray("https://Chat.Example") << QByteArray("chat.example") << true;
        QTest::newRow("own page, default port written out")
            << byDefault << QByteArray("https://chat.example") << QByteArray("chat.example:443") << true;
        QTest::newRow("same host, other port") << byDefault << QByteArray("http://192.0.2.2:8080") << host << false;
        QTest::newRow("another site") << byDefault << QByteArray("https://evil.example") << host << false;
        QTest::newRow("localhost as a prefix")
            << byDefault << QByteArray("http://localhost.evil.example") << host << false;
        QTest::newRow("127 as a subdomain")
            << byDefault << QByteArray("http://127.0.0.1.evil.example") << host << false;
        QTest::newRow("origin with a path") << byDefault << QByteArray("http://localhost/x") << host << false;
        QTest::newRow("garbage") << byDefault << QByteArray("not an origin") << host << false;
        QTest::newRow("user info trick") << byDefault << QByteArray("http://localhost@evil.example") << host << false;
        const QStringList exact{QStringLiteral("https://chat.example.org")};
        QTest::newRow("exact: listed") << exact << QByteArray("https://chat.example.org") << host << true;
        QTest::newRow("exact: listed, other case") << exact << QByteArray("HTTPS://CHAT.example.org") << host << true;
        QTest::newRow("exact: no Origin") << exact << QByteArray() << host << true;
        QTest::newRow("exact narrows: localhost refused")
            << exact << QByteArray("http://localhost:3000") << host << false;
        QTest::newRow("exact narrows: null refused") << exact << QByteArray("null") << host << false;
        const QStringList widened{QStringLiteral("default"), QStringLiteral("https://chat.example.org")};
        QTest::newRow("widened: listed") << widened << QByteArray("https://chat.example.org") << host << true;
        QTest::newRow("widened: localhost") << widened << QByteArray("http://localhost") << host << true;
        QTest::newRow("widened: other") << widened << QByteArray("https://evil.example") << host << false;
        const QStringList any{QStringLiteral("*")};
        QTest::newRow("any") << any << QByteArray("https://evil.example") << host << true;
    }

    void decides()
    {
        QFETCH(QStringList, allowed);
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, host);
        QFETCH(bool, allows);
        QCOMPARE(OriginPolicy(allowed).allows(origin, host), allows);
    }
};

QTEST_GUILESS_MAIN(TestOriginPolicy)
#include "tst_originpolicy.moc"
