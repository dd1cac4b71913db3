// Reactions: anyone in a conversation puts an emoji on a message or takes theirs back; every member sees the change at
// once, history, joins and a reconnect's replay carry the counts, who reacted can be asked, and everything else is
// refused with an error that changes nothing.

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

const QString ThumbsUp = u"\U0001F44D"_s;
const QString Party = u"\U0001F389"_s;

std::unique_ptr<TestClient> keyed(const QUrl &url, const QString &name, const IdentityKey &key)
{
    return TestClient::enterWithKey(url, name, key, {u"lobby"_s});
}

React reaction(qint64 seq, const QString &emoji, bool on = true, const QString &to = {})
{
    React react;
    (to.isEmpty() ? react.room : react.to) = to.isEmpty() ? u"lobby"_s : to;
    react.seq = seq;
    react.emoji = emoji;
    react.on = on;
    return react;
}

std::optional<ReactionEvent> nextReaction(TestClient &client, int timeoutMs = 5000)
{
    return client.waitFor<ReactionEvent>(timeoutMs);
}

QList<ChatMessage> page(TestClient &client)
{
    client.send(HistoryRequest{u"lobby"_s, {}, 0, 0});
    const auto history = client.waitFor<HistoryPage>();
    return history ? history->messages : QList<ChatMessage>();
}

} // namespace

class TestReactions : public QObject
{
    Q_OBJECT

private slots:
    void everyMemberSeesAChangeLive()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        TestClient gina;
        QVERIFY(ada && bob && gina.enter(server.url(), u"gina"_s, {u"lobby"_s}));
        const qint64 seq = bob->say(u"lobby"_s, u"release is out"_s, u"b-1"_s);
        QVERIFY(seq > 0);

        ada->send(reaction(seq, ThumbsUp));
        for (TestClient *member : {ada.get(), bob.get(), &gina}) {
            const auto seen = nextReaction(*member);
            QVERIFY(seen);
            QCOMPARE(seen->room, u"lobby"_s);
            QCOMPARE(seen->seq, seq);
            QCOMPARE(seen->emoji, ThumbsUp);
            QCOMPARE(seen->count, 1);
            QCOMPARE(seen->by, u"ada"_s);
            QVERIFY(seen->on);
            QCOMPARE(seen->rev, seq + 1); // a seq of its own, so that a reconnect replays it
        }
        gina.send(reaction(seq, ThumbsUp)); // guests may react too
        QCOMPARE(nextReaction(*bob)->count, 2);
        ada->send(reaction(seq, ThumbsUp, false));
        const auto off = nextReaction(*bob);
        QVERIFY(off && !off->on && off->by == u"ada" && off->count == 1);
    }

    void historyAndJoinCarryCountsAndMine()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        const qint64 first = bob->say(u"lobby"_s, u"one"_s, u"b-1"_s);
        const qint64 second = bob->say(u"lobby"_s, u"two"_s, u"b-2"_s);
        ada->send(reaction(second, Party));
        ada->send(reaction(second, ThumbsUp));
        bob->send(reaction(second, ThumbsUp));
        for (int i = 0; i < 3; ++i)
            QVERIFY(nextReaction(*ada));

        // Reaction changes are no messages: pages leave them out.
        const QList<ChatMessage> adas = page(*ada);
        QCOMPARE(adas.size(), 2);
        QCOMPARE(adas.at(0).seq, first);
        QVERIFY(adas.at(0).reactions.isEmpty());
        const QList<ReactionCount> expected{{Party, 1, true}, {ThumbsUp, 2, true}}; // in the order first used
        QCOMPARE(adas.at(1).reactions, expected);
        const QList<ReactionCount> bobs{{Party, 1, false}, {ThumbsUp, 2, true}};
        QCOMPARE(page(*bob).at(1).reactions, bobs);

        TestClient carl;
        QVERIFY(carl.open(server.url()) && carl.signIn(u"carl"_s));
        carl.send(Join{u"lobby"_s});
        const auto joined = carl.waitFor<Joined>();
        QVERIFY(joined && joined->history.size() == 2);
        const QList<ReactionCount> carls{{Party, 1, false}, {ThumbsUp, 2, false}};
        QCOMPARE(joined->history.at(1).reactions, carls);
    }

    void aReconnectCatchesUpOnChanges()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, bobKey);
        QVERIFY(ada && bob);
        const qint64 seq = bob->say(u"lobby"_s, u"lunch?"_s, u"b-1"_s);
        bob->send(reaction(seq, ThumbsUp));
        QVERIFY(nextReaction(*bob));
        bob.reset();

        ada->send(reaction(seq, ThumbsUp));
        ada->send(reaction(seq, Party));
        QVERIFY(nextReaction(*ada) && nextReaction(*ada));

        // Resuming after the message: the changes come as reaction frames, in order, with the counts as they are.
        auto back = std::make_unique<TestClient>();
        QVERIFY(back->open(server.url()) && back->signInWithKey(u"bob"_s, bobKey, {{u"lobby"_s, seq + 1}}));
        const auto thumbs = nextReaction(*back);
        QVERIFY(thumbs && thumbs->emoji == ThumbsUp && thumbs->count == 2 && thumbs->by == u"ada");
        const auto party = nextReaction(*back);
        QVERIFY(party && party->emoji == Party && party->count == 1 && party->rev == seq + 3);

        // Resuming from before the message: the message itself carries the counts, bob's own marked.
        back.reset();
        auto again = std::make_unique<TestClient>();
        QVERIFY(again->open(server.url()) && again->signInWithKey(u"bob"_s, bobKey, {{u"lobby"_s, 0}}));
        const auto replayed = again->waitFor<MessageEvent>();
        QVERIFY(replayed);
        const QList<ReactionCount> expected{{ThumbsUp, 2, true}, {Party, 1, false}};
        QCOMPARE(replayed->message.reactions, expected);
    }

    void whoReactedIsAnsweredInOrder()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        const qint64 seq = ada->say(u"lobby"_s, u"cake in the kitchen"_s, u"a-1"_s);
        bob->send(reaction(seq, Party));
        QVERIFY(nextReaction(*ada));
        ada->send(reaction(seq, Party));
        QVERIFY(nextReaction(*ada));

        ada->send(ReactorsRequest{u"lobby"_s, {}, seq, Party});
        const auto list = ada->waitFor<ReactorList>();
        QVERIFY(list);
        QCOMPARE(list->names, (QStringList{u"bob"_s, u"ada"_s}));
        QCOMPARE(list->count, 2);
        QCOMPARE(list->seq, seq);
        ada->send(ReactorsRequest{u"lobby"_s, {}, seq, ThumbsUp});
        const auto none = ada->waitFor<ReactorList>();
        QVERIFY(none && none->names.isEmpty() && none->count == 0);
    }

    void whoReactedIsBounded()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"vote"_s, u"a-1"_s);
        std::vector<std::unique_ptr<TestClient>> guests;
        for (int i = 0; i < ReactorList::MaxNames + 2; ++i) {
            auto guest = std::make_unique<TestClient>();
            QVERIFY(guest->enter(server.url(), u"guest%1"_s.arg(i), {u"lobby"_s}));
            guest->send(reaction(seq, ThumbsUp));
            guests.push_back(std::move(guest));
        }
        QVERIFY(
            ada->waitFor<ReactionEvent>([](const ReactionEvent &e) { return e.count == ReactorList::MaxNames + 2; }));
        ada->send(ReactorsRequest{u"lobby"_s, {}, seq, ThumbsUp});
        const auto list = ada->waitFor<ReactorList>();
        QVERIFY(list);
        QCOMPARE(list->names.size(), ReactorList::MaxNames);
        QCOMPARE(list->names.first(), u"guest0"_s);
        QCOMPARE(list->count, ReactorList::MaxNames + 2);
    }

    void directMessagesTakeReactions()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        ada->send(Send{u"m-1"_s, {}, u"bob"_s, u"psst"_s, MessageKind::Text});
        const auto ack = ada->waitFor<Ack>();
        QVERIFY(ack);
        bob->send(reaction(ack->seq, ThumbsUp, true, u"ADA"_s));
        for (TestClient *party : {ada.get(), bob.get()}) {
            const auto seen = nextReaction(*party);
            QVERIFY(seen);
            QVERIFY(seen->room.isEmpty());
            QCOMPARE(seen->to, u"ada"_s); // the other party of bob, as everyone spells it
            QCOMPARE(seen->by, u"bob"_s);
            QCOMPARE(seen->count, 1);
        }
        bob->send(HistoryRequest{{}, u"ada"_s, 0, 0});
        const auto history = bob->waitFor<HistoryPage>();
        QVERIFY(history && history->messages.size() == 1);
        QCOMPARE(history->messages.first().reactions, (QList<ReactionCount>{{ThumbsUp, 1, true}}));
        // Nobody outside the pair can react to it.
        TestClient eve;
        QVERIFY(eve.enter(server.url(), u"eve"_s));
        eve.send(reaction(ack->seq, ThumbsUp, true, u"ada"_s));
        QCOMPARE(eve.waitFor<ErrorEvent>()->code, ErrorCode::MessageUnknown);
    }

    void aChangeThatChangesNothingIsSilent()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"hi"_s, u"a-1"_s);
        ada->send(reaction(seq, ThumbsUp, false)); // nothing to take back
        ada->send(reaction(seq, ThumbsUp));
        ada->send(reaction(seq, ThumbsUp)); // already on, even while the first is still queued
        const auto first = nextReaction(*ada);
        QVERIFY(first && first->on && first->count == 1);
        QVERIFY(!ada->receives<ReactionEvent>([](const ReactionEvent &) { return true; }, 300));
        QVERIFY(!ada->receives<ErrorEvent>([](const ErrorEvent &) { return true; }, 10));
    }

    void deletingAMessageDropsItsReactions()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"oops"_s, u"a-1"_s);
        ada->send(reaction(seq, ThumbsUp));
        QVERIFY(nextReaction(*ada));
        Send remove{u"a-2"_s, u"lobby"_s, {}, {}, MessageKind::Delete};
        remove.target = seq;
        ada->send(remove);
        QCOMPARE(ada->outcomeOf(u"a-2"_s), QString());
        const QList<ChatMessage> history = page(*ada);
        QVERIFY(history.first().deleted);
        QVERIFY(history.first().reactions.isEmpty());
        ada->send(ReactorsRequest{u"lobby"_s, {}, seq, ThumbsUp});
        QCOMPARE(ada->waitFor<ErrorEvent>()->code, ErrorCode::MessageUnknown);
    }

    void distinctEmojiAreBounded()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxReactionsPerMessage = 2;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient newcomer; // the bound is announced, so that a client offers no third emoji
        QVERIFY(newcomer.open(server.url()));
        newcomer.send(Hello{u"cy"_s, {}, {}, {}, {}});
        const auto welcome = newcomer.waitFor<Welcome>();
        QVERIFY(welcome);
        QCOMPARE(welcome->server.limits.maxReactionsPerMessage, 2);
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        const qint64 seq = ada->say(u"lobby"_s, u"pick one"_s, u"a-1"_s);
        ada->send(reaction(seq, ThumbsUp));
        ada->send(reaction(seq, Party));
        ada->send(reaction(seq, u"\u2764\uFE0F"_s)); // a third, while the first two are still queued
        const auto refused = ada->waitFor<ErrorEvent>();
        QVERIFY(refused);
        QCOMPARE(refused->code, ErrorCode::TooManyReactions);
        QCOMPARE(refused->ref, u"react"_s);
        // More people on an emoji that is there already is fine; a third emoji stays refused once committed.
        bob->send(reaction(seq, Party));
        QVERIFY(bob->waitFor<ReactionEvent>([](const ReactionEvent &e) { return e.count == 2; }));
        bob->send(reaction(seq, u"\U0001F600"_s));
        QCOMPARE(bob->waitFor<ErrorEvent>()->code, ErrorCode::TooManyReactions);
        QCOMPARE(page(*bob).first().reactions.size(), 2);
    }

    void plainTextClientsSeeNothing()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient plain(TestClient::Mode::PlainText);
        QVERIFY(plain.open(server.url()));
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"hello"_s, u"a-1"_s);
        ada->send(reaction(seq, ThumbsUp));
        QVERIFY(nextReaction(*ada));
        ada->say(u"lobby"_s, u"after"_s, u"a-2"_s);
        QVERIFY(plain.waitForLine(u"ada: after"_s));
        for (const QString &line : plain.lines())
            QVERIFY2(!line.contains(ThumbsUp), qPrintable(line));
    }

    void welcomeNamesTheFeature()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        client.send(Hello{u"ada"_s, {}, {}, {}, {}});
        const auto welcome = client.waitFor<Welcome>();
        QVERIFY(welcome && welcome->server.features.contains(u"react"_s));
    }

    void aVersion4FileTakesReactionsAfterMigrating()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey key = IdentityKey::generate();
        qint64 seq = 0;
        {
            auto ada = keyed(server.url(), u"ada"_s, key);
            QVERIFY(ada);
            seq = ada->say(u"lobby"_s, u"written before reactions existed"_s, u"m-1"_s);
        }
        QVERIFY(server.stop());
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(server.databasePath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const QString &statement :
                 {u"DROP TABLE reactions"_s, u"DROP TABLE read_markers"_s,
                  u"ALTER TABLE conversations DROP COLUMN creator"_s,
                  u"ALTER TABLE conversations DROP COLUMN creator_address"_s, u"PRAGMA user_version = 4"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, key);
        QVERIFY(ada);
        QVERIFY(page(*ada).first().reactions.isEmpty());
        ada->send(reaction(seq, ThumbsUp));
        QVERIFY(nextReaction(*ada));
        QCOMPARE(page(*ada).first().reactions, (QList<ReactionCount>{{ThumbsUp, 1, true}}));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("code");
        // seq 1 is bob's, 2 ada's, 3 ada's edit of 2, 4 ada's deleted message, 5 its delete, 6 bob's reaction to 1.
        const auto react = [](const QString &fields) { return u"{\"type\":\"react\","_s + fields + u'}'; };
        QTest::newRow("a letter") << react(u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"a\",\"on\":true"_s)
                                  << u"emoji_invalid"_s;
        QTest::newRow("a digit") << react(u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"1\",\"on\":true"_s)
                                 << u"emoji_invalid"_s;
        QTest::newRow("two emoji") << react(
            u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"\U0001F44D\U0001F44D\",\"on\":true"_s)
                                   << u"emoji_invalid"_s;
        QTest::newRow("emoji and text") << react(
            u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"\U0001F44Dok\",\"on\":true"_s)
                                        << u"emoji_invalid"_s;
        QTest::newRow("empty") << react(u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"\",\"on\":true"_s)
                               << u"emoji_invalid"_s;
        QTest::newRow("too long") << react(u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\""_s
                                           + QString(20, u'x').replace(u"x"_s, u"\U0001F44D"_s) + u"\",\"on\":true"_s)
                                  << u"emoji_invalid"_s;
        QTest::newRow("no such seq") << react(u"\"room\":\"lobby\",\"seq\":99,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                     << u"message_unknown"_s;
        QTest::newRow("an edit") << react(u"\"room\":\"lobby\",\"seq\":3,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                 << u"message_unknown"_s;
        QTest::newRow("deleted") << react(u"\"room\":\"lobby\",\"seq\":4,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                 << u"message_unknown"_s;
        QTest::newRow("a delete") << react(u"\"room\":\"lobby\",\"seq\":5,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                  << u"message_unknown"_s;
        QTest::newRow("a reaction") << react(u"\"room\":\"lobby\",\"seq\":6,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                    << u"message_unknown"_s;
        QTest::newRow("another room's seq")
            << react(u"\"room\":\"dev\",\"seq\":2,\"emoji\":\"\U0001F44D\",\"on\":true"_s) << u"message_unknown"_s;
        QTest::newRow("not in the room") << react(u"\"room\":\"ops\",\"seq\":1,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                         << u"not_in_room"_s;
        QTest::newRow("bad room") << react(u"\"room\":\"Ops\",\"seq\":1,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                  << u"room_invalid"_s;
        QTest::newRow("seq 0") << react(u"\"room\":\"lobby\",\"seq\":0,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                               << u"bad_request"_s;
        QTest::newRow("no on") << react(u"\"room\":\"lobby\",\"seq\":1,\"emoji\":\"\U0001F44D\""_s) << u"bad_request"_s;
        QTest::newRow("room and to") << react(
            u"\"room\":\"lobby\",\"to\":\"bob\",\"seq\":1,\"emoji\":\"\U0001F44D\",\"on\":true"_s)
                                     << u"bad_request"_s;
        QTest::newRow("reactors of an edit")
            << u"{\"type\":\"reactors\",\"room\":\"lobby\",\"seq\":3,\"emoji\":\"\U0001F44D\"}"_s
            << u"message_unknown"_s;
        QTest::newRow("reactors of text")
            << u"{\"type\":\"reactors\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"ok\"}"_s << u"emoji_invalid"_s;
    }
    void refusals()
    {
        QFETCH(QString, frame);
        QFETCH(QString, code);
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob && ada->joinRoom(u"dev"_s));
        QCOMPARE(bob->say(u"lobby"_s, u"bob's"_s, u"b-1"_s), 1);
        QCOMPARE(ada->say(u"lobby"_s, u"ada's"_s, u"a-1"_s), 2);
        Send edit{u"a-2"_s, u"lobby"_s, {}, u"ada's, edited"_s, MessageKind::Edit};
        edit.target = 2;
        ada->send(edit);
        QCOMPARE(ada->outcomeOf(u"a-2"_s), QString());
        QCOMPARE(ada->say(u"lobby"_s, u"gone"_s, u"a-3"_s), 4);
        Send remove{u"a-4"_s, u"lobby"_s, {}, {}, MessageKind::Delete};
        remove.target = 4;
        ada->send(remove);
        QCOMPARE(ada->outcomeOf(u"a-4"_s), QString());
        bob->send(reaction(1, ThumbsUp));
        const auto bobs = nextReaction(*ada);
        QVERIFY(bobs && bobs->rev == 6);

        const QList<ChatMessage> before = page(*ada);
        ada->clearFrames();
        ada->sendText(frame);
        const auto error = ada->waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(errorCodeWord(error->code), code);
        QVERIFY(error->ref == u"react" || error->ref == u"reactors");
        QCOMPARE(page(*ada), before); // nothing changed
        QVERIFY(!ada->receives<ReactionEvent>([](const ReactionEvent &) { return true; }, 50));
    }
};

QTEST_MAIN(TestReactions)
#include "tst_reactions.moc"
