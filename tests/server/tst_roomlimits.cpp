// Rooms cannot be used up: new rooms are limited per key and per address, each an hourly allowance and a share of
// the server's rooms, and rooms that stay empty (no members, no messages) go away.

#include "identitykey.h"
#include "testclient.h"
#include "testserver.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

// Joins and returns "" when joined, else the error's message.
QString tryJoin(TestClient &client, const QString &room)
{
    client.clearFrames();
    client.send(Join{room});
    QString outcome = u"nothing"_s;
    TestClient::waitUntil(
        [&] {
            for (const ServerMessage &frame : client.frames()) {
                if (const auto *joined = std::get_if<Joined>(&frame); joined && joined->room == room)
                    outcome.clear();
                else if (const auto *error = std::get_if<ErrorEvent>(&frame); error && error->ref == u"join")
                    outcome = error->code == ErrorCode::TooManyRooms ? error->message : u"other error"_s;
                else
                    continue;
                return true;
            }
            return false;
        },
        5000);
    return outcome;
}

QStringList roomNames(TestClient &client)
{
    client.send(RoomsRequest{});
    const auto list = client.waitFor<RoomList>();
    QStringList names;
    if (list) {
        for (const RoomSummary &room : list->rooms)
            names.append(room.name);
    }
    return names;
}

} // namespace

class TestRoomLimits : public QObject
{
    Q_OBJECT
private slots:
    void newRoomsAreLimitedPerHourByAddress()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.newRoomsPerHour = 3;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"ada"_s));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(tryJoin(ada, u"room%1"_s.arg(i)), QString());
        const QString refusal = tryJoin(ada, u"room3"_s);
        QVERIFY2(refusal.contains(u"3 new rooms an hour"), qPrintable(refusal));
        QVERIFY2(refusal.contains(u"minutes"), qPrintable(refusal));
        // Existing rooms can still be joined; another guest from the same address shares the allowance.
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"bob"_s));
        QCOMPARE(tryJoin(bob, u"room1"_s), QString());
        QVERIFY(tryJoin(bob, u"room4"_s).contains(u"an hour"));
        QVERIFY(!roomNames(bob).contains(u"room3"_s));
    }

    void oneCreatorHasOnlyItsShareOfTheRooms()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxRoomsPerCreator = 2;
        TestServer server(config);
        QVERIFY(server.start());
        auto ada = TestClient::enterWithKey(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        QCOMPARE(tryJoin(*ada, u"one"_s), QString());
        QCOMPARE(tryJoin(*ada, u"two"_s), QString());
        QVERIFY(ada->say(u"one"_s, u"kept"_s) > 0);
        QVERIFY(ada->say(u"two"_s, u"kept too"_s) > 0);
        const QString refusal = tryJoin(*ada, u"three"_s);
        QVERIFY2(refusal.contains(u"already made 2"), qPrintable(refusal));
        // A new key from the same address has the address's share, which is used up too; after a restart as well.
        QVERIFY(server.restart());
        auto eve = TestClient::enterWithKey(server.url(), u"eve"_s, IdentityKey::generate());
        QVERIFY(eve);
        QVERIFY(tryJoin(*eve, u"three"_s).contains(u"already made 2"));
        QCOMPARE(tryJoin(*eve, u"one"_s), QString());
    }

    void emptyRoomsGoAwayAndFreeTheirShare()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxRoomsPerCreator = 2;
        config.emptyRoomExpiryMs = 300;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient ada;
        QVERIFY(ada.enter(server.url(), u"ada"_s));
        QCOMPARE(tryJoin(ada, u"fleeting"_s), QString());
        QCOMPARE(tryJoin(ada, u"kept"_s), QString());
        QVERIFY(ada.say(u"kept"_s, u"a message keeps a room"_s) > 0);
        ada.send(Leave{u"fleeting"_s});
        ada.send(Leave{u"kept"_s});

        TestClient watcher;
        QVERIFY(watcher.enter(server.url(), u"watcher"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!roomNames(watcher).contains(u"fleeting"_s), 5000);
        QVERIFY(roomNames(watcher).contains(u"kept"_s));
        // Its share is free again; a room someone is in stays however long.
        QCOMPARE(tryJoin(ada, u"another"_s), QString());
        QTest::qWait(600);
        QVERIFY(roomNames(watcher).contains(u"another"_s));
        // Gone from the history too: not there after a restart.
        QVERIFY(server.restart());
        TestClient later;
        QVERIFY(later.enter(server.url(), u"later"_s));
        const QStringList names = roomNames(later);
        QVERIFY(!names.contains(u"fleeting"_s));
        QVERIFY(names.contains(u"kept"_s));
    }

    void emptyRoomsFromBeforeARestartExpireToo()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.emptyRoomExpiryMs = 300;
        TestServer server(config);
        QVERIFY(server.start());
        {
            TestClient ada;
            QVERIFY(ada.enter(server.url(), u"ada"_s, {u"abandoned"_s}));
        }
        // Stopped while the room is new; started again, its expiry starts over and ends.
        QVERIFY(server.restart());
        TestClient watcher;
        QVERIFY(watcher.enter(server.url(), u"watcher"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!roomNames(watcher).contains(u"abandoned"_s), 5000);
        QVERIFY(roomNames(watcher).contains(u"lobby"_s));
    }
};

QTEST_GUILESS_MAIN(TestRoomLimits)
#include "tst_roomlimits.moc"
