// Read markers: what a signed-in owner of a name has read survives a restart and another computer, counts come
// back after the replay and after a join, and every bad marker gets its answer and changes nothing.

#include "historydatabase.h"
#include "identitykey.h"
#include "testclient.h"
#include "testserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

std::optional<UnreadCount> countFor(const UnreadCounts &counts, const QString &room, const QString &to = {})
{
    for (const UnreadCount &count : counts.conversations) {
        if (count.room == room && count.to == to)
            return count;
    }
    return std::nullopt;
}

// Marks, then has the server commit the marker by stopping and starting it again.
bool markAndRestart(TestServer &server, TestClient &client, const ReadMarker &marker)
{
    client.send(marker);
    QTest::qWait(50); // the frame is read before the stop
    return server.restart();
}

} // namespace

class TestReadMarkers : public QObject
{
    Q_OBJECT

private slots:
    void aRestartKeepsWhatWasReadAndCountsWhatCameSince()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey adaKey = IdentityKey::generate();
        auto ada = TestClient::enterWithKey(server.url(), u"Ada"_s, adaKey, {u"lobby"_s});
        auto bob = TestClient::enterWithKey(server.url(), u"bob"_s, IdentityKey::generate(), {u"lobby"_s});
        QVERIFY(ada && bob);
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(bob->say(u"lobby"_s, u"morning %1"_s.arg(i)), qint64(i));
        QVERIFY(markAndRestart(server, *ada, ReadMarker{u"lobby"_s, {}, 4}));

        bob = TestClient::enterWithKey(server.url(), u"carol"_s, IdentityKey::generate(), {u"lobby"_s});
        QVERIFY(bob);
        QVERIFY(bob->say(u"lobby"_s, u"hey @Ada, look"_s) > 0);
        QVERIFY(bob->say(u"lobby"_s, u"ADA: still there?"_s) > 0);
        QVERIFY(bob->say(u"lobby"_s, u"adamant about it"_s) > 0); // not her name
        QVERIFY(bob->say(u"lobby"_s, u"deleted soon"_s, u"gone"_s) > 0);
        bob->send(Send{u"del"_s, u"lobby"_s, {}, {}, MessageKind::Delete, 8});
        QCOMPARE(bob->outcomeOf(u"del"_s), QString());

        // Ada comes back (a second computer has no since): her own messages and deleted ones are not unread.
        auto again = std::make_unique<TestClient>();
        QVERIFY(again->open(server.url()));
        QVERIFY(again->signInWithKey(u"Ada"_s, adaKey, {{u"lobby"_s, 4}}));
        const auto counts = again->waitFor<UnreadCounts>();
        QVERIFY(counts);
        const auto lobby = countFor(*counts, u"lobby"_s);
        QVERIFY(lobby);
        QCOMPARE(lobby->read, qint64(4));
        QCOMPARE(lobby->unread, 3);
        QCOMPARE(lobby->mentions, 2);
        // Sent after the replay: every replayed message came first.
        int replayed = 0;
        for (const ServerMessage &frame : again->frames())
            replayed += std::holds_alternative<MessageEvent>(frame) ? 1 : 0;
        QVERIFY(replayed >= 3);

        // Markers only move forward, and never past the newest message.
        again->send(ReadMarker{u"lobby"_s, {}, 2});
        again->send(ReadMarker{u"lobby"_s, {}, 6});
        again->send(ReadMarker{u"lobby"_s, {}, 9999});
        QTest::qWait(50);
        QVERIFY(server.restart());
        auto third = std::make_unique<TestClient>();
        QVERIFY(third->open(server.url()));
        QVERIFY(third->signInWithKey(u"Ada"_s, adaKey, {{u"lobby"_s, 9}}));
        const auto after = third->waitFor<UnreadCounts>();
        QVERIFY(after);
        QCOMPARE(countFor(*after, u"lobby"_s)->read, qint64(9));
        QCOMPARE(countFor(*after, u"lobby"_s)->unread, 0);
    }

    void aJoinCarriesTheRoomsCount()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = TestClient::enterWithKey(server.url(), u"Ada"_s, IdentityKey::generate(), {u"dev"_s});
        auto bob = TestClient::enterWithKey(server.url(), u"bob"_s, IdentityKey::generate(), {u"dev"_s});
        QVERIFY(ada && bob);
        QVERIFY(bob->say(u"dev"_s, u"one"_s) > 0);
        ada->send(ReadMarker{u"dev"_s, {}, 1});
        ada->send(Leave{u"dev"_s});
        QVERIFY(bob->say(u"dev"_s, u"two"_s) > 0);
        QVERIFY(bob->say(u"dev"_s, u"three"_s) > 0);
        ada->clearFrames();
        ada->send(Join{u"dev"_s});
        const auto joined = ada->waitFor<Joined>();
        QVERIFY(joined && joined->unread);
        QCOMPARE(joined->unread->read, qint64(1));
        QCOMPARE(joined->unread->unread, 2);
        QVERIFY(joined->unread->room.isEmpty() || joined->unread->room == u"dev"_s);
        // A room without a marker says nothing.
        ada->send(Join{u"ops"_s});
        const auto ops = ada->waitFor<Joined>();
        QVERIFY(ops && !ops->unread);
    }

    void directConversationsAreCountedUnderThePeersName()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey adaKey = IdentityKey::generate();
        auto ada = TestClient::enterWithKey(server.url(), u"Ada"_s, adaKey);
        auto bob = TestClient::enterWithKey(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        qint64 first = 0;
        for (int i = 1; i <= 3; ++i) {
            bob->send(Send{u"d%1"_s.arg(i), {}, u"Ada"_s, u"psst %1"_s.arg(i), MessageKind::Text});
            const auto ack = bob->waitFor<Ack>([&](const Ack &a) { return a.id == u"d%1"_s.arg(i); });
            QVERIFY(ack);
            if (i == 1)
                first = ack->seq;
        }
        QVERIFY(markAndRestart(server, *ada, ReadMarker{{}, u"bob"_s, first}));
        auto again = std::make_unique<TestClient>();
        QVERIFY(again->open(server.url()));
        QVERIFY(again->signInWithKey(u"Ada"_s, adaKey));
        const auto counts = again->waitFor<UnreadCounts>();
        QVERIFY(counts);
        const auto direct = countFor(*counts, {}, u"bob"_s);
        QVERIFY(direct);
        QCOMPARE(direct->unread, 2);
    }

    void aVersionFiveFileGetsItsMarkersTable()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(server.stop());
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(server.databasePath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DROP TABLE read_markers"_s));
            QVERIFY(query.exec(u"ALTER TABLE conversations DROP COLUMN creator"_s));
            QVERIFY(query.exec(u"ALTER TABLE conversations DROP COLUMN creator_address"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 5"_s));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        QVERIFY(server.start());
        const IdentityKey adaKey = IdentityKey::generate();
        auto ada = TestClient::enterWithKey(server.url(), u"Ada"_s, adaKey, {u"lobby"_s});
        QVERIFY(ada);
        QVERIFY(ada->say(u"lobby"_s, u"mine"_s) > 0);
        QVERIFY(markAndRestart(server, *ada, ReadMarker{u"lobby"_s, {}, 1}));
        auto again = std::make_unique<TestClient>();
        QVERIFY(again->open(server.url()));
        QVERIFY(again->signInWithKey(u"Ada"_s, adaKey, {{u"lobby"_s, 1}}));
        const auto counts = again->waitFor<UnreadCounts>();
        QVERIFY(counts && countFor(*counts, u"lobby"_s));
        QCOMPARE(countFor(*counts, u"lobby"_s)->read, qint64(1));
    }

    void badMarkersAreAnsweredAndChangeNothing()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey adaKey = IdentityKey::generate();
        auto ada = TestClient::enterWithKey(server.url(), u"Ada"_s, adaKey, {u"lobby"_s});
        QVERIFY(ada);
        ada->send(ReadMarker{u"elsewhere"_s, {}, 1});
        auto error = ada->waitFor<ErrorEvent>();
        QVERIFY(error && error->code == ErrorCode::NotInRoom && error->ref == u"read"_s);
        ada->sendText(uR"({"type":"read","room":"lobby","to":"bob","seq":1})"_s);
        error = ada->waitFor<ErrorEvent>();
        QVERIFY(error && error->code == ErrorCode::BadRequest);
        ada->sendText(uR"({"type":"read","room":"lobby","seq":0})"_s);
        error = ada->waitFor<ErrorEvent>();
        QVERIFY(error && error->code == ErrorCode::BadRequest);
        ada->sendText(uR"({"type":"read","room":"lobby","seq":1.5})"_s);
        error = ada->waitFor<ErrorEvent>();
        QVERIFY(error && error->code == ErrorCode::BadRequest);

        // A guest's marker is not kept: the name is not theirs.
        TestClient guest;
        QVERIFY(guest.enter(server.url(), u"gus"_s, {u"lobby"_s}));
        QVERIFY(ada->say(u"lobby"_s, u"hello"_s) > 0);
        guest.send(ReadMarker{u"lobby"_s, {}, 1});
        QVERIFY(!guest.receives<ErrorEvent>([](const ErrorEvent &) { return true; }, 200));
        QVERIFY(server.restart());
        TestClient back;
        QVERIFY(back.open(server.url()));
        QVERIFY(back.signIn(u"gus"_s, {}, {{u"lobby"_s, 0}}));
        QVERIFY(!back.receives<UnreadCounts>([](const UnreadCounts &) { return true; }, 300));
        // Nothing marked, nothing sent, for an owner either.
        auto fresh = std::make_unique<TestClient>();
        QVERIFY(fresh->open(server.url()));
        QVERIFY(fresh->signInWithKey(u"Ada"_s, adaKey, {{u"lobby"_s, 1}}));
        QVERIFY(!fresh->receives<UnreadCounts>([](const UnreadCounts &) { return true; }, 300));
    }
};

QTEST_GUILESS_MAIN(TestReadMarkers)
#include "tst_readmarkers.moc"
