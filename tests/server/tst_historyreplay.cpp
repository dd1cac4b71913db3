// Replaying what a returning client missed: in order, a page at a time, live messages never ahead of older ones,
// the unread counts after it, and nothing more once the client has gone.

#include "clientsession.h"
#include "historyreplay.h"
#include "historystore.h"
#include "identitykey.h"
#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"
#include "threadedserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

// Stores `count` messages in the room straight into the running server's history.
qint64 fill(TestServer &server, const QString &room, int count)
{
    HistoryStore *store = server.server()->store();
    store->ensureRoom(room);
    qint64 last = 0;
    for (int i = 0; i < count; ++i) {
        ChatMessage message;
        message.room = room;
        message.from = u"archivist"_s;
        message.id = u"m%1"_s.arg(i);
        message.text = u"message number %1"_s.arg(i);
        last = store->append(room, message, u"archivist"_s, HistoryStore::IdSource::Server).message.seq;
    }
    return store->flush() ? last : 0;
}

// The seqs of the room's message frames the client received, in arrival order.
QList<qint64> seqsIn(const TestClient &client, const QString &room)
{
    QList<qint64> seqs;
    for (const ServerMessage &frame : client.frames()) {
        if (const auto *event = std::get_if<MessageEvent>(&frame); event && event->message.room == room)
            seqs.append(event->message.seq);
    }
    return seqs;
}

bool isRun(const QList<qint64> &seqs, qint64 first, qint64 last)
{
    if (seqs.size() != last - first + 1)
        return false;
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        if (seqs.at(i) != first + i)
            return false;
    }
    return true;
}

} // namespace

class TestHistoryReplay : public QObject
{
    Q_OBJECT
private slots:
    void replaysEverythingInOrderThenTheUnreadCounts()
    {
        TestServer server;
        QVERIFY(server.start());
        const qint64 last = fill(server, u"archive"_s, 3 * HistoryReplay::PageSize + 17);
        QVERIFY(last > 0);

        // The reader read up to 100 before, and comes back asking for everything after 100.
        const IdentityKey key = IdentityKey::generate();
        auto before = TestClient::enterWithKey(server.url(), u"reader"_s, key, {u"archive"_s});
        QVERIFY(before);
        before->send(ReadMarker{u"archive"_s, {}, 100});
        QTest::qWait(50); // read before the restart, which commits it
        before.reset();
        QVERIFY(server.restart());

        auto reader = std::make_unique<TestClient>();
        QVERIFY(reader->open(server.url()));
        QVERIFY(reader->signInWithKey(u"reader"_s, key, {{u"archive"_s, 100}}));
        QTRY_COMPARE_WITH_TIMEOUT(seqsIn(*reader, u"archive"_s).size(), last - 100, 20000);
        QVERIFY(isRun(seqsIn(*reader, u"archive"_s), 101, last));
        // The counts come after the messages they count.
        QTRY_VERIFY(std::holds_alternative<UnreadCounts>(reader->frames().last()));
        const auto counts = std::get<UnreadCounts>(reader->frames().last());
        QCOMPARE(counts.conversations.size(), 1);
        QCOMPARE(counts.conversations.first().read, qint64(100));
        QCOMPARE(counts.conversations.first().unread, qMin(last - 100, qint64(UnreadCount::MaxUnread)));
    }

    void liveMessagesWaitBehindTheReplay()
    {
        TestServer server;
        QVERIFY(server.start());
        const qint64 stored = fill(server, u"busy"_s, 20 * HistoryReplay::PageSize);
        QVERIFY(stored > 0);
        TestClient writer;
        QVERIFY(writer.enter(server.url(), u"writer"_s, {u"busy"_s}));

        TestClient reader;
        QVERIFY(reader.open(server.url()));
        QVERIFY(reader.signIn(u"reader"_s, {}, {{u"busy"_s, 0}}));
        // Written while the replay is still on its way: the reader has not seen the last stored message yet.
        const qint64 live = writer.say(u"busy"_s, u"said during the replay"_s);
        QVERIFY(live == stored + 1);
        QVERIFY(!seqsIn(reader, u"busy"_s).contains(stored));
        const qint64 after = writer.say(u"busy"_s, u"and again"_s);

        QTRY_COMPARE_WITH_TIMEOUT(seqsIn(reader, u"busy"_s).size(), after, 30000);
        QVERIFY(isRun(seqsIn(reader, u"busy"_s), 1, after));
        // Once caught up, the reader gets messages live again.
        const qint64 later = writer.say(u"busy"_s, u"after the replay"_s);
        QTRY_COMPARE(seqsIn(reader, u"busy"_s).size(), later);
        QVERIFY(isRun(seqsIn(reader, u"busy"_s), 1, later));
    }

    void stopsWhenTheClientGoes()
    {
        TestServer server;
        QVERIFY(server.start());
        // Long enough to take seconds, so that an idle replay right after the client left was dropped, not done.
        constexpr int Stored = 200 * HistoryReplay::PageSize;
        QVERIFY(fill(server, u"huge"_s, Stored) > 0);
        TestClient other;
        QVERIFY(other.enter(server.url(), u"other"_s, {u"huge"_s}));
        const auto *replay = server.server()->findChild<HistoryReplay *>();
        QVERIFY(replay);

        auto leaver = std::make_unique<TestClient>();
        QVERIFY(leaver->open(server.url()));
        QVERIFY(leaver->signIn(u"leaver"_s, {}, {{u"huge"_s, 0}}));
        QVERIFY(!replay->isIdle());
        QVERIFY(seqsIn(*leaver, u"huge"_s).size() < Stored / 2);
        leaver->socket().abort();
        leaver.reset();
        QTRY_COMPARE(server.server()->sessionCount(), 1);
        QVERIFY(replay->isIdle());
        // The others are served as before.
        QVERIFY(other.say(u"huge"_s, u"still here"_s) > 0);
    }

    // A replay to a client that reads nothing stops near the session's high-water mark (a quarter of
    // max-buffered-bytes) instead of queuing the whole history, and the client is not dropped for it.
    void aClientThatDoesNotReadIsNotFedMore()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.maxBufferedBytes = 256 * 1024;
        TestServer server(config);
        QVERIFY(server.start());
        constexpr int Stored = 20 * HistoryReplay::PageSize; // a few MiB of frames
        QVERIFY(fill(server, u"deep"_s, Stored) > 0);

        RawPeer peer;
        QVERIFY(peer.connectTo(server.url().port()));
        QVERIFY(peer.upgrade(server.url().port()));
        peer.stopReading();
        peer.sendText(encodeFrame(Hello{u"Hoarder"_s, {}, {}, {}, {{u"deep"_s, 0}}}).toUtf8());

        qint64 mostQueued = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 2000) {
            QTest::qWait(20);
            for (const ClientSession *session : server.server()->findChildren<ClientSession *>())
                if (session->name() == u"Hoarder")
                    mostQueued = std::max(mostQueued, session->queuedBytes());
        }
        QVERIFY(mostQueued > 0);
        const qint64 oneFrame = 1024;
        QVERIFY2(mostQueued <= config.maxBufferedBytes / 4 + oneFrame,
                 qPrintable(u"%1 bytes were queued for a client that reads nothing"_s.arg(mostQueued)));
        QCOMPARE(server.server()->sessionCount(), 1);
    }

    // As the app hosts it: the server moved to a thread of its own, its replay's timer with it.
    void replaysFromAServerInItsOwnThread()
    {
        QTest::failOnWarning(QRegularExpression(u"another thread|different thread"_s));
        QTemporaryDir dir;
        ServerConfig config = TestServer::defaultConfig();
        config.databasePath = dir.filePath(u"history.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(config.databasePath));
            QVERIFY(store.ensureRoom(u"threaded"_s));
            for (int i = 0; i < HistoryReplay::PageSize + 3; ++i) {
                ChatMessage message;
                message.room = u"threaded"_s;
                message.from = u"archivist"_s;
                message.id = u"m%1"_s.arg(i);
                message.text = u"text %1"_s.arg(i);
                store.append(message.room, message, u"archivist"_s, HistoryStore::IdSource::Server);
            }
            QVERIFY(store.flush());
        }
        ThreadedServer server(config);
        QVERIFY(server.start());
        const QUrl url = server.url();

        TestClient reader;
        QVERIFY(reader.open(url));
        QVERIFY(reader.signIn(u"reader"_s, {}, {{u"threaded"_s, 0}}));
        QTRY_COMPARE(seqsIn(reader, u"threaded"_s).size(), HistoryReplay::PageSize + 3);
    }
};

QTEST_GUILESS_MAIN(TestHistoryReplay)
#include "tst_historyreplay.moc"
