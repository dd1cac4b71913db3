// Real natter.v1 clients against a ChatServer on loopback: rooms, direct messages, presence, history, reconnects.

#include "historystore.h"
#include "testclient.h"
#include "testserver.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class TestChatServer : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<TestClient> signedIn(TestServer &server, const QString &name, const QStringList &rooms = {})
    {
        auto client = std::make_unique<TestClient>();
        return client->enter(server.url(), name, rooms) ? std::move(client) : nullptr;
    }

private slots:
    void welcomeDescribesTheServer()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        QCOMPARE(client.socket().subprotocol(), subprotocol());
        client.send(Hello{QStringLiteral("Alice"), {}, {}, {}, {}});
        const auto welcome = client.waitFor<Welcome>();
        QVERIFY(welcome);
        QCOMPARE(welcome->name, QStringLiteral("Alice"));
        QCOMPARE(welcome->token.size(), 32);
        QCOMPARE(welcome->server.name, QStringLiteral("Test Server"));
        QCOMPARE(welcome->server.version, QStringLiteral(NATTER_VERSION));
        QCOMPARE(welcome->server.limits, server.config().limits);
        QCOMPARE(welcome->rooms.size(), 1);
        QCOMPARE(welcome->rooms.first().name, lobbyRoom());
    }

    void twoUsersChatInARoom()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);

        const qint64 seq = alice->say(QStringLiteral("dev"), QStringLiteral("hello <b>Bob</b>"));
        QCOMPARE(seq, 1);
        for (TestClient *client : {alice.get(), bob.get()}) {
            const auto event = client->waitFor<MessageEvent>();
            QVERIFY(event);
            QCOMPARE(event->message.room, QStringLiteral("dev"));
            QCOMPARE(event->message.from, QStringLiteral("Alice"));
            QCOMPARE(event->message.text, QStringLiteral("hello <b>Bob</b>"));
            QCOMPARE(event->message.seq, 1);
            QVERIFY(event->message.ts > 0);
        }
        QCOMPARE(bob->say(QStringLiteral("dev"), QStringLiteral("hi Alice")), 2);
        QVERIFY(alice->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.text == u"hi Alice"; }));
    }

    void roomMessagesStayInTheirRoom()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev"), QStringLiteral("ops")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("ops")});
        QVERIFY(alice && bob);
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("dev only")), 1);
        QCOMPARE(alice->say(QStringLiteral("ops"), QStringLiteral("ops news")), 1);
        const auto event = bob->waitFor<MessageEvent>();
        QVERIFY(event);
        QCOMPARE(event->message.text, QStringLiteral("ops news"));
        QVERIFY(!bob->receives<MessageEvent>([](const MessageEvent &) { return true; }, 200));
    }

    void directMessagesReachOnlyThePair()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {lobbyRoom()});
        auto bob = signedIn(server, QStringLiteral("Bob"), {lobbyRoom()});
        auto carol = signedIn(server, QStringLiteral("Carol"), {lobbyRoom()});
        QVERIFY(alice && bob && carol);

        alice->send(Send{QStringLiteral("dm-1"), {}, QStringLiteral("bob"), QStringLiteral("psst"), MessageKind::Text});
        const auto ack = alice->waitFor<Ack>();
        QVERIFY(ack);
        QCOMPARE(ack->seq, 1);
        QCOMPARE(ack->to, QStringLiteral("Bob")); // the recipient's own spelling
        for (TestClient *client : {alice.get(), bob.get()}) {
            const auto event = client->waitFor<MessageEvent>();
            QVERIFY(event);
            QVERIFY(event->message.isDirect());
            QCOMPARE(event->message.from, QStringLiteral("Alice"));
            QCOMPARE(event->message.to, QStringLiteral("Bob"));
        }
        bob->send(Send{QStringLiteral("dm-2"), {}, QStringLiteral("Alice"), QStringLiteral("yes?"), MessageKind::Text});
        const auto reply = bob->waitFor<Ack>();
        QVERIFY(reply);
        QCOMPARE(reply->seq, 2); // one sequence per pair, whoever writes
        QVERIFY(!carol->receives<MessageEvent>([](const MessageEvent &) { return true; }, 200));

        alice->send(HistoryRequest{{}, QStringLiteral("Bob"), 0, 0});
        const auto page = alice->waitFor<HistoryPage>();
        QVERIFY(page);
        QCOMPARE(page->messages.size(), 2);
        QCOMPARE(page->messages.at(1).text, QStringLiteral("yes?"));
    }

    void presenceFollowsJoinsLeavesAndDisconnects()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        auto bob = signedIn(server, QStringLiteral("Bob"));
        QVERIFY(bob);
        bob->send(Join{QStringLiteral("dev")});
        const auto joined = bob->waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->members, (QStringList{QStringLiteral("Alice"), QStringLiteral("Bob")}));
        const auto arrival = alice->waitFor<Presence>();
        QVERIFY(arrival);
        QCOMPARE(arrival->event, PresenceChange::Joined);
        QCOMPARE(arrival->name, QStringLiteral("Bob"));
        QCOMPARE(arrival->room, QStringLiteral("dev"));

        bob->send(Leave{QStringLiteral("dev")});
        QVERIFY(bob->waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Left; }));
        const auto departure = alice->waitFor<Presence>();
        QVERIFY(departure);
        QCOMPARE(departure->event, PresenceChange::Left);
        QCOMPARE(departure->name, QStringLiteral("Bob"));

        QVERIFY(bob->joinRoom(QStringLiteral("dev")));
        QVERIFY(alice->waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Joined; }));
        bob->socket().close();
        const auto gone = alice->waitFor<Presence>();
        QVERIFY(gone);
        QCOMPARE(gone->event, PresenceChange::Left);
        alice->send(RoomsRequest{});
        const auto rooms = alice->waitFor<RoomList>();
        QVERIFY(rooms);
        const auto dev = std::find_if(rooms->rooms.cbegin(), rooms->rooms.cend(),
                                      [](const RoomSummary &r) { return r.name == u"dev"; });
        QVERIFY(dev != rooms->rooms.cend());
        QCOMPARE(dev->members, 1);
    }

    void typingReachesTheOthers()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);
        alice->send(Typing{QStringLiteral("dev"), {}});
        const auto typing = bob->waitFor<TypingEvent>();
        QVERIFY(typing);
        QCOMPARE(typing->name, QStringLiteral("Alice"));
        QCOMPARE(typing->room, QStringLiteral("dev"));
        QVERIFY(!alice->receives<TypingEvent>([](const TypingEvent &) { return true; }, 200));

        bob->send(Typing{{}, QStringLiteral("Alice")});
        const auto direct = alice->waitFor<TypingEvent>();
        QVERIFY(direct);
        QCOMPARE(direct->name, QStringLiteral("Bob"));
        QCOMPARE(direct->to, QStringLiteral("Alice"));
    }

    void topicsAreSharedAndKept()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);
        alice->send(SetTopic{QStringLiteral("dev"), QStringLiteral("Release on Friday")});
        const auto change = bob->waitFor<TopicChanged>();
        QVERIFY(change);
        QCOMPARE(change->topic, QStringLiteral("Release on Friday"));
        QCOMPARE(change->by, QStringLiteral("Alice"));

        alice.reset();
        bob.reset();
        QVERIFY(server.restart());
        auto carol = signedIn(server, QStringLiteral("Carol"));
        QVERIFY(carol);
        carol->send(Join{QStringLiteral("dev")});
        const auto joined = carol->waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->topic, QStringLiteral("Release on Friday"));
    }

    void renameIsAnnouncedOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev"), QStringLiteral("ops")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev"), QStringLiteral("ops")});
        QVERIFY(alice && bob);
        alice->send(Nick{QStringLiteral("Alicia")});
        for (TestClient *client : {alice.get(), bob.get()}) {
            const auto renamed =
                client->waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Renamed; });
            QVERIFY(renamed);
            QCOMPARE(renamed->previous, QStringLiteral("Alice"));
            QCOMPARE(renamed->name, QStringLiteral("Alicia"));
        }
        QVERIFY(!bob->receives<Presence>([](const Presence &p) { return p.event == PresenceChange::Renamed; }, 200));
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("new name")), 1);
        const auto event = bob->waitFor<MessageEvent>();
        QVERIFY(event);
        QCOMPARE(event->message.from, QStringLiteral("Alicia"));

        bob->send(Nick{QStringLiteral("ALICIA")});
        const auto error = bob->waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::NameTaken);
        // The old name is free again.
        auto other = signedIn(server, QStringLiteral("alice"));
        QVERIFY(other);
    }

    void lookAlikeOfAnOnlineNameIsRefused()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = signedIn(server, QStringLiteral("bob"));
        QVERIFY(bob);
        // Cyrillic о: another name, but nobody could tell the two apart in a member list.
        TestClient impostor;
        QVERIFY(impostor.open(server.url()));
        QVERIFY(!impostor.signIn(QStringLiteral("b\u043Eb")));
        QCOMPARE(impostor.lastError().code, ErrorCode::NameTaken);
        QVERIFY(impostor.lastError().message.contains(u"looks the same as bob"));
        QVERIFY(impostor.signIn(QStringLiteral("carol")));
        impostor.send(Nick{QStringLiteral("b\u043Eb")});
        const auto error = impostor.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::NameTaken);
        // bob himself may take on the other spelling: it is still him.
        bob->send(Nick{QStringLiteral("b\u043Eb")});
        QVERIFY(bob->waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Renamed; }));
        // Once nobody looks like it, the name is free.
        bob.reset();
        QTRY_VERIFY(server.server()->sessionCount() == 1);
        TestClient later;
        QVERIFY(later.open(server.url()));
        QVERIFY(later.signIn(QStringLiteral("bob")));
    }

    void joinedCarriesTheLatestPage()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.historyPageSize = 10;
        TestServer server(config);
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        for (int i = 1; i <= 25; ++i)
            QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("message %1").arg(i)), i);

        auto bob = signedIn(server, QStringLiteral("Bob"));
        QVERIFY(bob);
        bob->send(Join{QStringLiteral("dev")});
        const auto joined = bob->waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->history.size(), 10);
        QCOMPARE(joined->history.first().seq, 16);
        QCOMPARE(joined->history.last().seq, 25);
        QVERIFY(joined->more);
    }

    void historyPagesBackwards()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        for (int i = 1; i <= 25; ++i)
            QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("message %1").arg(i)), i);

        QList<qint64> seen;
        qint64 before = 0;
        bool more = true;
        while (more) {
            alice->send(HistoryRequest{QStringLiteral("dev"), {}, before, 10});
            const auto page = alice->waitFor<HistoryPage>();
            QVERIFY(page);
            QVERIFY(page->messages.size() <= 10);
            // Newest first; std::ranges::reverse_view over a QList trips clang 14's concepts.
            // NOLINTNEXTLINE(modernize-loop-convert)
            for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it)
                seen.append(it->seq);
            more = page->more;
            before = page->messages.first().seq;
        }
        QCOMPARE(seen.size(), 25);
        for (int i = 0; i < 25; ++i)
            QCOMPARE(seen.at(i), 25 - i);

        alice->send(HistoryRequest{QStringLiteral("dev"), {}, 0, 100000});
        const auto capped = alice->waitFor<HistoryPage>();
        QVERIFY(capped);
        QCOMPARE(capped->messages.size(), 25); // fewer than the cap of 200: everything
        QVERIFY(!capped->more);
    }

    void reconnectWithSinceReplaysExactlyTheMissed()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);
        for (int i = 1; i <= 3; ++i)
            QVERIFY(alice->say(QStringLiteral("dev"), QStringLiteral("before %1").arg(i)) > 0);
        alice->send(Send{QStringLiteral("dm-a"), {}, QStringLiteral("Bob"), QStringLiteral("private 1"), {}});
        QVERIFY(alice->waitFor<Ack>([](const Ack &a) { return a.id == u"dm-a"; }));
        QVERIFY(TestClient::waitUntil(
            [&] {
                return std::count_if(bob->frames().cbegin(), bob->frames().cend(),
                                     [](const ServerMessage &m) { return std::holds_alternative<MessageEvent>(m); })
                    == 4;
            },
            5000));
        const QString token = bob->token();
        bob.reset(); // Bob goes away after seeing dev up to seq 3 and the direct message seq 1

        for (int i = 1; i <= 4; ++i)
            QVERIFY(alice->say(QStringLiteral("dev"), QStringLiteral("missed %1").arg(i)) > 0);
        alice->send(Send{QStringLiteral("dm-b"), {}, QStringLiteral("Alice"), QStringLiteral("note to self"), {}});
        QVERIFY(alice->waitFor<Ack>([](const Ack &a) { return a.id == u"dm-b"; }));

        TestClient back;
        QVERIFY(back.open(server.url()));
        QVERIFY(back.signIn(QStringLiteral("Bob"), token, {{QStringLiteral("dev"), 3}, {QStringLiteral("@Alice"), 1}}));
        const auto joined = back.waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->room, QStringLiteral("dev"));
        QVERIFY(joined->history.isEmpty());
        QStringList replayed;
        QVERIFY(TestClient::waitUntil(
            [&] {
                while (const auto event = back.waitFor<MessageEvent>(0))
                    replayed.append(event->message.text);
                return replayed.size() >= 4;
            },
            5000));
        QVERIFY(!back.receives<MessageEvent>([](const MessageEvent &) { return true; }, 300));
        QCOMPARE(replayed,
                 (QStringList{QStringLiteral("missed 1"), QStringLiteral("missed 2"), QStringLiteral("missed 3"),
                              QStringLiteral("missed 4")}));
        // And from now on Bob is in #dev again.
        QVERIFY(alice->say(QStringLiteral("dev"), QStringLiteral("welcome back")) > 0);
        QVERIFY(back.waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.text == u"welcome back"; }));
    }

    void tokenReclaimsTheNameFromAStaleConnection()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto stale = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && stale);
        QVERIFY(alice->waitFor<Presence>([](const Presence &p) { return p.name == u"Bob"; }));

        TestClient impostor;
        QVERIFY(impostor.open(server.url()));
        QVERIFY(!impostor.signIn(QStringLiteral("bob"), QStringLiteral("not-the-token")));
        QCOMPARE(impostor.lastError().code, ErrorCode::NameTaken);

        TestClient fresh;
        QVERIFY(fresh.open(server.url()));
        QVERIFY(fresh.signIn(QStringLiteral("Bob"), stale->token()));
        QCOMPARE(fresh.token(), stale->token());
        QVERIFY(stale->waitForDisconnect());
        QCOMPARE(int(stale->closeCode()), int(CloseCode::Replaced));
        // The takeover is quiet: Alice sees no one leave, and the new connection is in #dev at once.
        QVERIFY(!alice->receives<Presence>([](const Presence &) { return true; }, 200));
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("still here?")), 1);
        QVERIFY(fresh.waitFor<MessageEvent>());
    }

    void reclaimedNameKeepsItsSpelling()
    {
        TestServer server;
        QVERIFY(server.start());
        auto stale = signedIn(server, QStringLiteral("Rec"));
        QVERIFY(stale);
        TestClient fresh;
        QVERIFY(fresh.open(server.url()));
        QVERIFY(fresh.signIn(QStringLiteral("REC"), stale->token()));
        QCOMPARE(fresh.name(), QStringLiteral("Rec"));
    }

    void joinsPastTheServersRoomLimitAreRefused()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxRooms = 3; // lobby and two more
        TestServer server(config);
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("one"), QStringLiteral("two")});
        QVERIFY(alice);
        alice->send(Join{QStringLiteral("three")});
        const auto error = alice->waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::TooManyRooms);
        QCOMPARE(error->ref, QStringLiteral("join"));
        QVERIFY(alice->joinRoom(lobbyRoom())); // existing rooms stay open to everyone
    }

    void errorsNameTheSendTheyAreAbout()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        alice->sendText(QStringLiteral(R"({"type":"send","id":"m-7","room":"dev","text":42})"));
        const auto decodeError = alice->waitFor<ErrorEvent>();
        QVERIFY(decodeError);
        QCOMPARE(decodeError->code, ErrorCode::BadRequest);
        QCOMPARE(decodeError->ref, QStringLiteral("m-7"));
        alice->sendText(QStringLiteral(R"({"type":"join","room":"Not Valid"})"));
        const auto joinError = alice->waitFor<ErrorEvent>();
        QVERIFY(joinError);
        QCOMPARE(joinError->code, ErrorCode::RoomInvalid);
        QCOMPARE(joinError->ref, QStringLiteral("join"));
    }

    void resendWithTheSameIdIsStoredOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);
        const Send send{QStringLiteral("same-id"), QStringLiteral("dev"), {}, QStringLiteral("once"), {}};
        alice->send(send);
        alice->send(send); // a resend before the first is committed
        const auto first = alice->waitFor<Ack>();
        const auto second = alice->waitFor<Ack>();
        QVERIFY(first && second);
        QCOMPARE(first->seq, second->seq);
        alice->send(send); // and one after
        const auto third = alice->waitFor<Ack>();
        QVERIFY(third);
        QCOMPARE(third->seq, first->seq);
        QCOMPARE(third->ts, first->ts);

        QVERIFY(bob->waitFor<MessageEvent>());
        QVERIFY(!bob->receives<MessageEvent>([](const MessageEvent &) { return true; }, 300));
        QCOMPARE(server.server()->store()->messageCount(), 1);
    }

    void resendAfterServerRestartIsStoredOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("hello"), QStringLiteral("m-1")), 1);
        alice.reset();
        QVERIFY(server.restart());
        alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        QVERIFY(alice);
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("hello"), QStringLiteral("m-1")), 1);
        QCOMPARE(alice->say(QStringLiteral("dev"), QStringLiteral("next"), QStringLiteral("m-2")), 2);
        QCOMPARE(server.server()->store()->messageCount(), 2);
    }

    void stopClosesEveryClientWithGoingAway()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev")});
        auto bob = signedIn(server, QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        // Sent right before the stop: it must be committed and acknowledged before the close.
        alice->send(Send{QStringLiteral("last"), QStringLiteral("dev"), {}, QStringLiteral("last words"), {}});
        QVERIFY(TestClient::waitUntil([&] { return server.server()->store()->pendingCount() == 1; }, 5000));
        QVERIFY(server.stop());
        QVERIFY(alice->waitForDisconnect());
        QVERIFY(bob->waitForDisconnect());
        QCOMPARE(alice->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(bob->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(alice->waitFor<Ack>([](const Ack &a) { return a.id == u"last"; }, 0));

        HistoryStore store;
        QVERIFY(store.open(server.databasePath()));
        QCOMPARE(store.latest(QStringLiteral("dev"), 10).size(), 1);
    }

    void roomsAreListedWithTopicsAndCounts()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = signedIn(server, QStringLiteral("Alice"), {QStringLiteral("dev"), QStringLiteral("zz")});
        auto bob = signedIn(server, QStringLiteral("Bob"), {QStringLiteral("dev")});
        QVERIFY(alice && bob);
        bob->send(RoomsRequest{});
        const auto list = bob->waitFor<RoomList>();
        QVERIFY(list);
        QStringList names;
        for (const RoomSummary &room : list->rooms)
            names.append(room.name);
        QCOMPARE(names, (QStringList{QStringLiteral("dev"), lobbyRoom(), QStringLiteral("zz")}));
        QCOMPARE(list->rooms.at(0).members, 2);
        QCOMPARE(list->rooms.at(2).members, 1);
    }
};

QTEST_GUILESS_MAIN(TestChatServer)
#include "tst_chatserver.moc"
