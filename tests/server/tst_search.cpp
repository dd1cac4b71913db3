// Search: a client finds words in the rooms it is in and in its own direct conversations, ranked, with a snippet and
// the ranges that matched; edits and deletes change what is found; search syntax is never interpreted; history can
// open a page around a hit; and an existing file gets its index by migration.

#include "historystore.h"
#include "identitykey.h"
#include "testclient.h"
#include "testserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<TestClient> keyed(const QUrl &url, const QString &name, const IdentityKey &key,
                                  const QStringList &rooms = {u"lobby"_s})
{
    return TestClient::enterWithKey(url, name, key, rooms);
}

std::optional<SearchResults> search(TestClient &client, const SearchRequest &request)
{
    client.send(request);
    return client.waitFor<SearchResults>([&](const SearchResults &r) { return r.query == request.query; });
}

SearchRequest everywhere(const QString &query)
{
    SearchRequest request;
    request.query = query;
    return request;
}

QStringList highlighted(const SearchHit &hit)
{
    QStringList words;
    for (const SearchRange &range : hit.ranges)
        words.append(hit.snippet.mid(range.start, range.length));
    return words;
}

qint64 directSay(TestClient &client, const QString &to, const QString &text, const QString &id)
{
    Send send;
    send.id = id;
    send.to = to;
    send.text = text;
    client.send(send);
    const auto ack = client.waitFor<Ack>([&](const Ack &a) { return a.id == id; });
    return ack ? ack->seq : 0;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatTheClientMayReadAndNothingElse()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate(), {u"lobby"_s, u"ops"_s});
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        auto cyd = keyed(server.url(), u"cyd"_s, IdentityKey::generate());
        QVERIFY(ada && bob && cyd);
        QVERIFY(ada->say(u"lobby"_s, u"The deploy of the Café build starts at noon"_s, u"l-1"_s) > 0);
        QVERIFY(ada->say(u"lobby"_s, u"lunch first"_s, u"l-2"_s) > 0);
        QVERIFY(ada->say(u"ops"_s, u"deploy keys rotated"_s, u"o-1"_s) > 0);
        QVERIFY(directSay(*ada, u"bob"_s, u"can you deploy tonight?"_s, u"d-1"_s) > 0);
        QVERIFY(directSay(*ada, u"cyd"_s, u"secret deploy plan"_s, u"d-2"_s) > 0);

        // Bob is in the lobby and has one direct conversation with Ada; #ops and Ada's talk with Cyd are not his.
        const auto found = search(*bob, everywhere(u"DEPLOY"_s));
        QVERIFY(found);
        QCOMPARE(found->hits.size(), 2);
        QStringList where;
        for (const SearchHit &hit : found->hits) {
            where.append(hit.room.isEmpty() ? u"@"_s + hit.to : hit.room);
            QCOMPARE(hit.from, u"ada"_s);
            QCOMPARE(highlighted(hit), QStringList{u"deploy"_s});
        }
        where.sort();
        QCOMPARE(where, (QStringList{u"@ada"_s, u"lobby"_s}));

        // Ada sees all of hers; a direct hit is named after the other person.
        const auto adas = search(*ada, everywhere(u"deploy"_s));
        QVERIFY(adas);
        QCOMPARE(adas->hits.size(), 4);
        QStringList peers;
        for (const SearchHit &hit : adas->hits) {
            if (!hit.to.isEmpty())
                peers.append(hit.to);
        }
        peers.sort();
        QCOMPARE(peers, (QStringList{u"bob"_s, u"cyd"_s}));

        // Diacritics and case do not matter, and every word must be there.
        const auto cafe = search(*bob, everywhere(u"cafe deploy"_s));
        QVERIFY(cafe);
        QCOMPARE(cafe->hits.size(), 1);
        QCOMPARE(highlighted(cafe->hits.first()), (QStringList{u"deploy"_s, u"Café"_s}));
        const auto none = search(*bob, everywhere(u"cafe lunch"_s));
        QVERIFY(none && none->hits.isEmpty());

        // One conversation only.
        SearchRequest inLobby = everywhere(u"deploy"_s);
        inLobby.room = u"lobby"_s;
        const auto lobby = search(*ada, inLobby);
        QVERIFY(lobby);
        QCOMPARE(lobby->hits.size(), 1);
        QCOMPARE(lobby->hits.first().room, u"lobby"_s);
        QCOMPARE(lobby->room, u"lobby"_s);
        SearchRequest withCyd = everywhere(u"deploy"_s);
        withCyd.to = u"cyd"_s;
        const auto direct = search(*ada, withCyd);
        QVERIFY(direct);
        QCOMPARE(direct->hits.size(), 1);
        QCOMPARE(direct->hits.first().snippet, u"secret deploy plan"_s);
        // Bob asking about Ada and Cyd's conversation finds only his own with Cyd: none.
        const auto notHis = search(*bob, withCyd);
        QVERIFY(notHis && notHis->hits.isEmpty());
    }

    void editsAndDeletesChangeWhatIsFound()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"the wombat escaped"_s, u"m-1"_s);
        QVERIFY(seq > 0);
        Send edit;
        edit.id = u"e-1"_s;
        edit.room = u"lobby"_s;
        edit.kind = MessageKind::Edit;
        edit.target = seq;
        edit.text = u"the otter escaped"_s;
        ada->send(edit);
        QCOMPARE(ada->outcomeOf(u"e-1"_s), QString());
        QVERIFY(search(*ada, everywhere(u"wombat"_s))->hits.isEmpty());
        const auto otter = search(*ada, everywhere(u"otter"_s));
        QVERIFY(otter);
        QCOMPARE(otter->hits.size(), 1); // the message, not the edit that changed it
        QCOMPARE(otter->hits.first().seq, seq);

        Send remove = edit;
        remove.id = u"x-1"_s;
        remove.kind = MessageKind::Delete;
        remove.text.clear();
        ada->send(remove);
        QCOMPARE(ada->outcomeOf(u"x-1"_s), QString());
        QVERIFY(search(*ada, everywhere(u"otter"_s))->hits.isEmpty());
        QVERIFY(search(*ada, everywhere(u"escaped"_s))->hits.isEmpty());
    }

    void searchSyntaxIsText_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("quote") << u"\"wombat"_s;
        QTest::newRow("NEAR") << u"NEAR(wombat otter"_s;
        QTest::newRow("column filter") << u"text:wombat"_s;
        QTest::newRow("prefix star") << u"wom* wombat"_s;
        QTest::newRow("boolean words") << u"wombat AND OR NOT"_s;
        QTest::newRow("caret and braces") << u"^wombat {text}"_s;
    }

    void searchSyntaxIsText()
    {
        QFETCH(QString, query);
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        QVERIFY(ada->say(u"lobby"_s, u"wombat otter near text and or not wom"_s, u"m-1"_s) > 0);
        const auto found = search(*ada, everywhere(query));
        QVERIFY2(found, qPrintable(ada->lastError().message));
        QCOMPARE(found->hits.size(), 1);
    }

    void badSearchesAreRefused_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("code");
        QTest::newRow("star alone") << uR"({"type":"search","query":"*"})"_s << u"query_invalid"_s;
        QTest::newRow("only punctuation") << u"{\"type\":\"search\",\"query\":\"\\\" ( ) :\"}"_s << u"query_invalid"_s;
        QTest::newRow("empty") << uR"({"type":"search","query":""})"_s << u"query_invalid"_s;
        QTest::newRow("10,000 characters")
            << uR"({"type":"search","query":"%1"})"_s.arg(QString(10000, u'a')) << u"query_invalid"_s;
        QTest::newRow("17 words") << uR"({"type":"search","query":"a b c d e f g h i j k l m n o p q"})"_s
                                  << u"query_invalid"_s;
        QTest::newRow("room not joined") << uR"({"type":"search","query":"x","room":"ops"})"_s << u"not_in_room"_s;
        QTest::newRow("room and to") << uR"({"type":"search","query":"x","room":"lobby","to":"bob"})"_s
                                     << u"bad_request"_s;
        QTest::newRow("before everywhere") << uR"({"type":"search","query":"x","before":3})"_s << u"bad_request"_s;
        QTest::newRow("skip everywhere") << uR"({"type":"search","query":"x","skip":3})"_s << u"bad_request"_s;
        QTest::newRow("negative skip") << uR"({"type":"search","query":"x","room":"lobby","skip":-1})"_s
                                       << u"bad_request"_s;
        QTest::newRow("query not text") << uR"({"type":"search","query":7})"_s << u"bad_request"_s;
        QTest::newRow("bad room name") << uR"({"type":"search","query":"x","room":"no room"})"_s << u"room_invalid"_s;
    }

    void badSearchesAreRefused()
    {
        QFETCH(QString, frame);
        QFETCH(QString, code);
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        ada->sendText(frame);
        const auto error = ada->waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(errorCodeWord(error->code), code);
        QCOMPARE(error->ref, u"search"_s);
        // Nothing else changed: the connection still works.
        QVERIFY(ada->say(u"lobby"_s, u"still here"_s, u"m-1"_s) > 0);
    }

    void everyMatchComesOncePageByPage()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        constexpr int Count = 340;
        for (int i = 1; i <= Count; ++i)
            QCOMPARE(ada->say(u"lobby"_s, u"standup note %1"_s.arg(i), u"m-%1"_s.arg(i)), qint64(i));

        SearchRequest request = everywhere(u"standup"_s);
        request.room = u"lobby"_s;
        request.limit = SearchRequest::MaxLimit;
        const auto first = search(*ada, request);
        QVERIFY(first);
        QCOMPARE(first->hits.size(), SearchRequest::MaxLimit);
        // The newest Window matches were read; the answer says where older ones begin, and how to go on in this one.
        QCOMPARE(first->older, qint64(Count - 300 + 1));
        QCOMPARE(first->restBefore, qint64(Count + 1));
        QCOMPARE(first->restSkip, SearchRequest::MaxLimit);
        // A message that comes while paging stays out of the window being paged.
        QVERIFY(ada->say(u"lobby"_s, u"standup note late"_s, u"m-late"_s) > Count);

        // The rest of the window, page by page, then the older window: every match once, the window's in rank order.
        QList<qint64> seen;
        for (const SearchHit &hit : first->hits)
            seen.append(hit.seq);
        auto page = first;
        while (page->restSkip > 0) {
            request.before = page->restBefore;
            request.skip = page->restSkip;
            page = search(*ada, request);
            QVERIFY(page);
            QVERIFY(!page->hits.isEmpty());
            for (const SearchHit &hit : page->hits)
                seen.append(hit.seq);
        }
        QCOMPARE(seen.size(), 300);
        request.before = first->older;
        request.skip = 0;
        const auto older = search(*ada, request);
        QVERIFY(older);
        QCOMPARE(older->hits.size(), Count - 300);
        QCOMPARE(older->older, qint64(0));
        QCOMPARE(older->restSkip, 0);
        for (const SearchHit &hit : older->hits) {
            QVERIFY(hit.seq < first->older);
            seen.append(hit.seq);
        }
        std::sort(seen.begin(), seen.end());
        QList<qint64> every;
        for (qint64 seq = 1; seq <= Count; ++seq)
            every.append(seq);
        QCOMPARE(seen, every);
    }

    void aLongTextGivesASnippetAroundTheMatch()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const QString text =
            QString(u"lorem ipsum "_s).repeated(40) + u"needle"_s + QString(u" dolor sit"_s).repeated(40);
        QVERIFY(ada->say(u"lobby"_s, text, u"m-1"_s) > 0);
        const auto found = search(*ada, everywhere(u"needle"_s));
        QVERIFY(found && found->hits.size() == 1);
        const SearchHit hit = found->hits.first();
        QVERIFY(hit.snippet.startsWith(u"…"_s) && hit.snippet.endsWith(u"…"_s));
        QVERIFY(hit.snippet.size() <= 162);
        QCOMPARE(highlighted(hit), QStringList{u"needle"_s});
    }

    void historyOpensAPageAroundAHit()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        for (int i = 1; i <= 60; ++i)
            QCOMPARE(ada->say(u"lobby"_s, u"line %1"_s.arg(i), u"m-%1"_s.arg(i)), qint64(i));
        HistoryRequest request{u"lobby"_s, {}, 0, 10};
        request.around = 30;
        ada->send(request);
        const auto page = ada->waitFor<HistoryPage>();
        QVERIFY(page);
        QCOMPARE(page->messages.size(), 10);
        QCOMPARE(page->messages.first().seq, qint64(26));
        QCOMPARE(page->messages.last().seq, qint64(35));
        QVERIFY(page->more);
        QVERIFY(page->newer);

        request.around = 58;
        ada->send(request);
        const auto end = ada->waitFor<HistoryPage>();
        QVERIFY(end);
        QCOMPARE(end->messages.last().seq, qint64(60));
        QVERIFY(!end->newer);

        ada->sendText(uR"({"type":"history","room":"lobby","before":5,"around":3})"_s);
        const auto error = ada->waitFor<ErrorEvent>();
        QVERIFY(error && error->code == ErrorCode::BadRequest);
    }

    void welcomeNamesTheFeatures()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        client.send(Hello{u"ada"_s, {}, {}, {}, {}});
        const auto welcome = client.waitFor<Welcome>();
        QVERIFY(welcome);
        for (const QString &feature : {u"reply"_s, u"edit"_s, u"delete"_s, u"search"_s, u"read"_s})
            QVERIFY2(welcome->server.features.contains(feature), qPrintable(feature));
    }

    void anOlderFileGetsItsIndexByMigration()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey key = IdentityKey::generate();
        {
            auto ada = keyed(server.url(), u"ada"_s, key);
            QVERIFY(ada);
            QVERIFY(ada->say(u"lobby"_s, u"written before search existed"_s, u"m-1"_s) > 0);
        }
        QVERIFY(server.stop());
        {
            // The file as a version 3 server left it: no index, no triggers, no reactions.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(server.databasePath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const QString &statement :
                 {u"DROP TRIGGER message_words_insert"_s, u"DROP TRIGGER message_words_update"_s,
                  u"DROP TRIGGER message_words_delete"_s, u"DROP TABLE message_words"_s, u"DROP TABLE reactions"_s,
                  u"DROP TABLE read_markers"_s, u"ALTER TABLE conversations DROP COLUMN creator"_s,
                  u"ALTER TABLE conversations DROP COLUMN creator_address"_s, u"PRAGMA user_version = 3"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement));
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, key);
        QVERIFY(ada);
        const auto found = search(*ada, everywhere(u"existed"_s));
        QVERIFY(found);
        QCOMPARE(found->hits.size(), 1);
        QCOMPARE(found->hits.first().snippet, u"written before search existed"_s);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
