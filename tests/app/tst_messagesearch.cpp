// Searching from the app against a real ChatServer on loopback: the hits as rows, answers to older questions
// dropped, paging, failures in words, and excerpts of history around a hit that never reach the conversation.

#include "chatclient.h"
#include "historyexcerpt.h"
#include "messagemodel.h"
#include "searchresultsmodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {
const ConversationId Dev = ConversationId::room(u"dev"_s);
constexpr int Count = 150;
constexpr int ManyNotes = 330; // more than the server ranks at once in one conversation
} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT

private:
    // Bob fills #dev with notes (seq 1 to `notes`) and one message about a café; Alice is in the room.
    bool fill(int notes = Count)
    {
        m_server = std::make_unique<TestServer>();
        if (!m_server->start())
            return false;
        m_bob = std::make_unique<TestClient>();
        if (!m_bob->enter(m_server->url(), u"Bob"_s, {u"dev"_s}))
            return false;
        for (int i = 1; i <= notes; ++i) {
            if (m_bob->say(u"dev"_s, u"standup note %1"_s.arg(i), u"n-%1"_s.arg(i)) != i)
                return false;
        }
        if (m_bob->say(u"dev"_s, u"the Café opens at nine"_s, u"cafe"_s) <= 0)
            return false;
        m_alice = std::make_unique<ChatClient>();
        m_alice->connectToServer(m_server->url(), u"Alice"_s);
        if (!TestClient::waitUntil([&] { return m_alice->state() == ChatClient::State::Connected; }, 5000))
            return false;
        QSignalSpy joined(m_alice.get(), &ChatClient::joined);
        m_alice->joinRoom(u"dev"_s);
        return joined.wait(5000) || !joined.isEmpty();
    }

    static bool waitForState(SearchResultsModel &model, SearchResultsModel::State state)
    {
        return TestClient::waitUntil([&] { return model.state() == state; }, 5000);
    }

private slots:
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_server.reset();
    }

    void hitsBecomeRowsAndOnlyTheNewestQuestionIsAnswered()
    {
        QVERIFY(fill());
        SearchResultsModel model(m_alice.get());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.search(u"cafe"_s);
        model.search(u"  standup  "_s); // typed on before the first answer came
        QCOMPARE(model.state(), SearchResultsModel::State::Searching);
        QVERIFY(waitForState(model, SearchResultsModel::State::Done));
        QTest::qWait(100); // an answer to "cafe" would have come by now
        QCOMPARE(model.query(), u"standup"_s);
        QCOMPARE(model.rowCount(), SearchResultsModel::EverywhereLimit);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QVERIFY(index.data(SearchResultsModel::SnippetRole).toString().startsWith(u"standup note"_s));
            const auto ranges = index.data(SearchResultsModel::RangesRole).value<QList<SearchRange>>();
            QCOMPARE(ranges.size(), 1);
            QCOMPARE(ranges.first().start, 0);
            QCOMPARE(ranges.first().length, 7);
        }
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(SearchResultsModel::ConversationTitleRole).toString(), u"#dev"_s);
        QCOMPARE(first.data(SearchResultsModel::SenderRole).toString(), u"Bob"_s);
        QCOMPARE(model.conversationAt(0), Dev);
        QVERIFY(model.seqAt(0) >= 1 && model.seqAt(0) <= Count);
        QVERIFY(first.data(SearchResultsModel::TimestampRole).toDateTime().isValid());
        QVERIFY(first.data(Qt::AccessibleTextRole).toString().contains(u"Bob"_s));
        QVERIFY(!model.canFetchMore({})); // everything at once has no pages

        model.search(u"CAFÉ"_s);
        QVERIFY(waitForState(model, SearchResultsModel::State::Done));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.seqAt(0), qint64(Count + 1));
        model.search(u"   "_s);
        QCOMPARE(model.state(), SearchResultsModel::State::Idle);
        QCOMPARE(model.rowCount(), 0);
    }

    void oneConversationPagesToOlderHits()
    {
        QVERIFY(fill(ManyNotes));
        SearchResultsModel model(m_alice.get());
        model.search(u"note"_s, Dev);
        QVERIFY(waitForState(model, SearchResultsModel::State::Done));
        QCOMPARE(model.rowCount(), SearchResultsModel::PageLimit);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // asked once until the answer comes
        // The rest of the newest 300 the server ranked first, page by page, then the older window: every note once.
        QTRY_COMPARE(model.rowCount(), 2 * SearchResultsModel::PageLimit);
        QCOMPARE(model.state(), SearchResultsModel::State::Done);
        while (model.canFetchMore({})) {
            const int rows = model.rowCount();
            model.fetchMore({});
            QTRY_VERIFY(model.rowCount() > rows);
            QTRY_COMPARE(model.state(), SearchResultsModel::State::Done);
        }
        QCOMPARE(model.rowCount(), ManyNotes);
        QSet<qint64> seqs;
        for (int row = 0; row < model.rowCount(); ++row)
            seqs.insert(model.seqAt(row));
        QCOMPARE(seqs.size(), ManyNotes);
    }

    void aFailedSearchSaysWhy()
    {
        QVERIFY(fill());
        SearchResultsModel model(m_alice.get());
        model.search(u"*"_s);
        QVERIFY(waitForState(model, SearchResultsModel::State::Failed));
        QVERIFY(!model.failure().isEmpty());
        QCOMPARE(model.rowCount(), 0);

        m_alice->disconnectFromServer();
        model.search(u"standup"_s);
        QVERIFY(waitForState(model, SearchResultsModel::State::Failed));
        QVERIFY(model.failure().contains(u"connected"_s));
    }

    void anExcerptShowsThePageAroundAMessage()
    {
        QVERIFY(fill());
        QSignalSpy history(m_alice.get(), &ChatClient::historyReceived);
        HistoryExcerpt excerpt(m_alice.get());
        QSignalSpy loaded(&excerpt, &HistoryExcerpt::loaded);
        excerpt.load(Dev, 40, u"Alice"_s);
        excerpt.load(Dev, 120, u"Alice"_s); // the user chose another hit before the first page came
        QVERIFY(loaded.wait(5000));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().toLongLong(), qint64(120));
        MessageModel *messages = excerpt.messages();
        QVERIFY(messages->containsSeq(120));
        QVERIFY(!messages->containsSeq(40));
        QVERIFY(excerpt.hasNewer());

        // Down to the present, page by page.
        int pages = 0;
        while (excerpt.hasNewer()) {
            QSignalSpy newer(&excerpt, &HistoryExcerpt::newerChanged);
            excerpt.loadNewer();
            QVERIFY(newer.wait(5000));
            QVERIFY(++pages < 10);
        }
        QCOMPARE(messages->newestSeq(), qint64(Count + 1));
        // And up to the start.
        while (messages->canFetchMore({})) {
            const qint64 oldest = messages->oldestSeq();
            messages->fetchMore({});
            QTRY_VERIFY(messages->oldestSeq() < oldest);
        }
        QCOMPARE(messages->oldestSeq(), qint64(1));
        QCOMPARE(messages->rowCount(), Count + 1);
        // None of it went to the conversation's own list.
        QCOMPARE(history.size(), 0);
    }

    void anExcerptAskedOfflineFails()
    {
        QVERIFY(fill());
        m_alice->disconnectFromServer();
        HistoryExcerpt excerpt(m_alice.get());
        QSignalSpy failed(&excerpt, &HistoryExcerpt::failed);
        excerpt.load(Dev, 40, u"Alice"_s);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(!excerpt.isLoading());
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatClient> m_alice;
};

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_messagesearch.moc"
