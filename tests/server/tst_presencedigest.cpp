// Plain-text clients hear of lobby arrivals and departures folded into one line per burst, never after the
// newcomer's first words (in the lobby or direct), while natter.v1 clients still get one presence frame per
// change.

#include "plaintextmode.h"
#include "testclient.h"
#include "testserver.h"

#include <QTest>

#include <memory>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

qsizetype indexOfLine(const QStringList &lines, const QString &part)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(part))
            return i;
    }
    return -1;
}

QStringList linesWith(const QStringList &lines, const QString &part)
{
    QStringList found;
    for (const QString &line : lines) {
        if (line.contains(part))
            found << line;
    }
    return found;
}

} // namespace

class TestPresenceDigest : public QObject
{
    Q_OBJECT

private slots:
    void line_data()
    {
        QTest::addColumn<bool>("joined");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("line");
        QTest::newRow("one") << true << QStringLiteral("ann").split(u',') << QStringLiteral("* ann joined");
        QTest::newRow("two") << true << QStringLiteral("ann,bo").split(u',') << QStringLiteral("* ann and bo joined");
        QTest::newRow("five") << false << QStringLiteral("a,b,c,d,e").split(u',')
                              << QStringLiteral("* a, b, c, d and e left");
        QTest::newRow("six") << true << QStringLiteral("a,b,c,d,e,f").split(u',')
                             << QStringLiteral("* a, b, c, d, e and 1 others joined");
        QTest::newRow("placeholders in names stay literal") << true << QStringLiteral("%1,%2,%3,b,c,d,e").split(u',')
                                                            << QStringLiteral("* %1, %2, %3, b, c and 2 others joined");
    }

    void line()
    {
        QFETCH(bool, joined);
        QFETCH(QStringList, names);
        QFETCH(QString, line);
        QCOMPARE(PlainTextMode::presenceLine(joined ? PresenceChange::Joined : PresenceChange::Left, names), line);
    }

    void firstChangeAfterQuietGoesOutAtOnce()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.plainPresenceWindowMs = 60'000; // anything held back would not arrive within the test
        TestServer server(config);
        QVERIFY(server.start());
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        QVERIFY(guest.waitForLine(QStringLiteral("* guest-1 joined")));
    }

    void burstIsFoldedAndToldBeforeTheNewcomersSpeak()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.plainPresenceWindowMs = 60'000; // the whole burst falls into one window
        TestServer server(config);
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));
        TestClient observer(TestClient::Mode::PlainText);
        QVERIFY(observer.open(server.url()));
        QVERIFY(observer.waitForLine(QStringLiteral("* guest-1 joined")));

        std::vector<std::unique_ptr<TestClient>> guests;
        for (int i = 0; i < 30; ++i) {
            guests.push_back(std::make_unique<TestClient>(TestClient::Mode::PlainText));
            QVERIFY(guests.back()->open(server.url()));
        }
        // The natter.v1 client's member list needs every change, one frame each.
        for (int i = 2; i <= 31; ++i) {
            const QString name = QStringLiteral("guest-%1").arg(i);
            QVERIFY2(alice.waitFor<Presence>([&](const Presence &p) { return p.name == name; }), qPrintable(name));
        }

        guests.back()->sendText(QStringLiteral("hello everyone"));
        QVERIFY(observer.waitForLine(QStringLiteral("guest-31: hello everyone")));
        const QStringList lines = observer.lines();
        QCOMPARE(linesWith(lines, QStringLiteral(" joined")),
                 QStringList({QStringLiteral("* guest-1 joined"),
                              QStringLiteral("* guest-2, guest-3, guest-4, guest-5, guest-6 and 25 others joined")}));
        QVERIFY(indexOfLine(lines, QStringLiteral("and 25 others joined"))
                < indexOfLine(lines, QStringLiteral("guest-31: hello everyone")));

        // Departures fold the same way, and a lobby message again brings them out first.
        for (int i = 0; i < 7; ++i)
            guests.at(i)->socket().close();
        for (int i = 0; i < 7; ++i)
            QVERIFY(alice.waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Left; }));
        QVERIFY(alice.say(lobbyRoom(), QStringLiteral("see you all")) > 0);
        QVERIFY(observer.waitForLine(QStringLiteral("Alice: see you all")));
        const QStringList left = linesWith(observer.lines(), QStringLiteral(" left"));
        QVERIFY2(left.size() == 1, qPrintable(left.join(u"|")));
        QVERIFY2(left.first().endsWith(u"and 2 others left"), qPrintable(left.first()));
    }

    // Coming and going within one window is told in order, never hidden: the newcomer may have said
    // something that is delivered only once it is stored.
    void comingAndGoingIsToldInOrder()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.plainPresenceWindowMs = 60'000;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient observer(TestClient::Mode::PlainText);
        QVERIFY(observer.open(server.url())); // guest-1; its own arrival opens a window
        {
            TestClient brief(TestClient::Mode::PlainText);
            QVERIFY(brief.open(server.url())); // guest-2
            brief.sendText(QStringLiteral("hello and goodbye"));
            brief.socket().close();
            QVERIFY(brief.waitForDisconnect());
        }
        QVERIFY(observer.waitForLine(QStringLiteral("guest-2: hello and goodbye")));
        const QStringList lines = observer.lines();
        const qsizetype joined = indexOfLine(lines, QStringLiteral("* guest-2 joined"));
        QVERIFY2(joined >= 0, qPrintable(lines.join(u'|')));
        QVERIFY(joined < indexOfLine(lines, QStringLiteral("guest-2: hello and goodbye")));

        // A direct message is preceded by its sender's arrival too.
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));
        alice.send(
            Send{QStringLiteral("dm"), {}, QStringLiteral("guest-1"), QStringLiteral("psst"), MessageKind::Text});
        QVERIFY(observer.waitForLine(QStringLiteral("Alice (private): psst")));
        const qsizetype aliceJoined = indexOfLine(observer.lines(), QStringLiteral("* Alice joined"));
        QVERIFY2(aliceJoined >= 0, qPrintable(observer.lines().join(u'|')));
        QVERIFY(aliceJoined < indexOfLine(observer.lines(), QStringLiteral("Alice (private): psst")));
    }
};

QTEST_GUILESS_MAIN(TestPresenceDigest)
#include "tst_presencedigest.moc"
