// ShareAddresses: the URLs a chat is shared at, for the server's log and the app's share line.

#include "shareaddresses.h"

#include <QTest>

using namespace Natter;

class TestShareAddresses : public QObject
{
    Q_OBJECT

private slots:
    void localUrlIsWhereThisMachineConnects()
    {
        QCOMPARE(ShareAddresses::localUrl(QHostAddress(QHostAddress::Any), 8642, QStringLiteral("ws")),
                 QUrl(QStringLiteral("ws://127.0.0.1:8642")));
        QCOMPARE(ShareAddresses::localUrl(QHostAddress(QHostAddress::AnyIPv6), 9000, QStringLiteral("ws")),
                 QUrl(QStringLiteral("ws://[::1]:9000")));
        QCOMPARE(ShareAddresses::localUrl(QHostAddress(QStringLiteral("192.0.2.7")), 9000, QStringLiteral("ws")),
                 QUrl(QStringLiteral("ws://192.0.2.7:9000")));
    }

    void theSchemeTravelsWithTheServersOwnUrl()
    {
        const QUrl local = ShareAddresses::localUrl(QHostAddress(QHostAddress::Any), 443, QStringLiteral("wss"));
        const QList<QUrl> urls = ShareAddresses::forMachine(
            QHostAddress(QHostAddress::Any), local,
            {QHostAddress(QStringLiteral("198.51.100.4")), QHostAddress(QStringLiteral("fe80::1%eth0"))});
        QCOMPARE(urls, (QList<QUrl>{QUrl(QStringLiteral("wss://198.51.100.4:443")), local}));
    }

    void ipv6IsBracketedWithoutItsScope()
    {
        QHostAddress address(QStringLiteral("2001:db8::5"));
        address.setScopeId(QStringLiteral("eth0"));
        QCOMPARE(ShareAddresses::url(address, 8642, QStringLiteral("ws")).toString(),
                 QStringLiteral("ws://[2001:db8::5]:8642"));
    }

    void aServerOnOneAddressIsSharedThere()
    {
        const QHostAddress bound(QStringLiteral("192.0.2.7"));
        const QUrl local = ShareAddresses::localUrl(bound, 8642, QStringLiteral("ws"));
        QCOMPARE(ShareAddresses::forMachine(bound, local, {QHostAddress(QStringLiteral("198.51.100.4"))}),
                 QList<QUrl>{local});
        const QUrl loopback =
            ShareAddresses::localUrl(QHostAddress(QHostAddress::LocalHost), 8642, QStringLiteral("ws"));
        QCOMPARE(ShareAddresses::forMachine(QHostAddress(QHostAddress::LocalHost), loopback,
                                            {QHostAddress(QStringLiteral("198.51.100.4"))}),
                 QList<QUrl>{loopback});
    }
};

QTEST_GUILESS_MAIN(TestShareAddresses)
#include "tst_shareaddresses.moc"
