// Guessing the server password: the first wrong guesses are answered at once, then every further one from the
// same address (or for the same name) waits longer and longer, in both dialects; a right password still gets in
// and clears its address's count; addresses are grouped the way one machine holds them.

#include "addressgroup.h"
#include "chatserver.h"
#include "passwordgate.h"
#include "protocol.h"
#include "testclient.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

// Signs in with a password and returns how long the answer took; `admitted` tells which answer it was.
qint64 attempt(const QUrl &url, const QString &name, const QString &password, bool *admitted)
{
    TestClient client;
    if (!client.open(url))
        return -1;
    QElapsedTimer clock;
    clock.start();
    *admitted = client.signIn(name, {}, {}, password);
    const qint64 took = clock.elapsed();
    if (!*admitted && client.lastError().code != ErrorCode::AuthFailed)
        return -1;
    return took;
}

} // namespace

class TestPasswordGuessing : public QObject
{
    Q_OBJECT

private slots:
    void wrongPasswordsAreSpacedOut()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.password = u"correct horse"_s;
        TestServer server(config);
        QVERIFY(server.start());
        bool admitted = true;
        for (int i = 0; i < PasswordGate::FreeFailures; ++i) {
            const qint64 took = attempt(server.url(), u"Mallory"_s, u"guess %1"_s.arg(i), &admitted);
            QVERIFY(took >= 0);
            QVERIFY(!admitted);
        }
        // From the third failure on, the next answer waits: 1 s, then 2 s (lower bounds only: a busy machine is
        // slower, never faster).
        QVERIFY(attempt(server.url(), u"Mallory"_s, u"guess 3"_s, &admitted) >= 0);
        qint64 took = attempt(server.url(), u"Mallory"_s, u"guess 4"_s, &admitted);
        QVERIFY(!admitted);
        QVERIFY2(took >= PasswordGate::FirstDelayMs - 100, qPrintable(u"answered after %1 ms"_s.arg(took)));
        took = attempt(server.url(), u"Eve"_s, u"guess 5"_s, &admitted);
        QVERIFY(!admitted);
        QVERIFY2(took >= 2 * PasswordGate::FirstDelayMs - 100, qPrintable(u"answered after %1 ms"_s.arg(took)));
        // The right password waits its turn too, then gets in, and clears the address.
        QVERIFY(attempt(server.url(), u"Alice"_s, u"correct horse"_s, &admitted) >= 0);
        QVERIFY(admitted);
        took = attempt(server.url(), u"Bob"_s, u"wrong once"_s, &admitted);
        QVERIFY(!admitted);
        QVERIFY2(took < PasswordGate::FirstDelayMs, qPrintable(u"answered after %1 ms"_s.arg(took)));
    }

    void plainTextGuessesWaitToo()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.password = u"correct horse"_s;
        TestServer server(config);
        QVERIFY(server.start());
        qint64 last = 0;
        for (int i = 0; i <= PasswordGate::FreeFailures + 1; ++i) {
            TestClient guest(TestClient::Mode::PlainText);
            QVERIFY(guest.open(server.url()));
            QElapsedTimer clock;
            clock.start();
            guest.sendText(u"/password guess %1"_s.arg(i));
            QVERIFY(guest.waitForLine(u"! Wrong server password."_s, 10'000));
            last = clock.elapsed();
            QVERIFY(guest.waitForDisconnect());
            QCOMPARE(int(guest.closeCode()), int(CloseCode::AuthFailed));
        }
        QVERIFY2(last >= PasswordGate::FirstDelayMs - 100, qPrintable(u"answered after %1 ms"_s.arg(last)));
    }

    void groupsAddressesAsMachinesHoldThem_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("same");
        QTest::newRow("IPv4") << u"192.0.2.7"_s << u"192.0.2.8"_s << false;
        QTest::newRow("IPv4 mapped into IPv6") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s << true;
        QTest::newRow("one IPv6 /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:2:ffff::9"_s << true;
        QTest::newRow("two IPv6 /64s") << u"2001:db8:1:2::1"_s << u"2001:db8:1:3::1"_s << false;
    }

    void groupsAddressesAsMachinesHoldThem()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, same);
        QCOMPARE(addressGroup(QHostAddress(first)) == addressGroup(QHostAddress(second)), same);
    }
};

QTEST_GUILESS_MAIN(TestPasswordGuessing)
#include "tst_passwordguessing.moc"
