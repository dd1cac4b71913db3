// Conversation over a real cache file and no network: where its history comes from, what it remembers, and
// that what the server sends ends up in the cache.

#include "clientcache.h"
#include "conversation.h"
#include "messagemodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

Q_DECLARE_METATYPE(Natter::ClientCache::ConversationRecord)

namespace {

const ConversationId Dev = ConversationId::room(QStringLiteral("dev"));
constexpr qint64 Start = 1'700'000'000'000;

ChatMessage roomMessage(qint64 seq, const QString &from = QStringLiteral("Alice"))
{
    ChatMessage message;
    message.room = Dev.name;
    message.from = from;
    message.id = QStringLiteral("%1-%2").arg(from).arg(seq);
    message.text = QStringLiteral("m%1").arg(seq);
    message.seq = seq;
    message.ts = Start + seq * 1000;
    return message;
}

QList<ChatMessage> roomMessages(qint64 first, qint64 last)
{
    QList<ChatMessage> messages;
    for (qint64 seq = first; seq <= last; ++seq)
        messages.append(roomMessage(seq));
    return messages;
}

QList<qint64> seqsOf(const MessageModel *model)
{
    QList<qint64> seqs;
    for (int row = 0; row < model->rowCount(); ++row)
        seqs.append(model->index(row).data(MessageModel::SeqRole).toLongLong());
    return seqs;
}

QList<qint64> seqsOf(const QList<ChatMessage> &messages)
{
    QList<qint64> seqs;
    for (const ChatMessage &message : messages)
        seqs.append(message.seq);
    return seqs;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> seqs;
    for (qint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

ClientCache::ConversationRecord joinedRoom(bool olderOnServer)
{
    ClientCache::ConversationRecord record;
    record.id = Dev;
    record.joined = true;
    record.olderOnServer = olderOnServer;
    return record;
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = std::make_unique<ClientCache>();
        QVERIFY(m_cache->open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_files))));
    }
    void cleanup() { m_cache.reset(); }

    void aServerWithAnotherHistoryReplacesTheCachedOne()
    {
        // The host's database was replaced (or another chat answers at the address): seq 3 is now another message.
        m_cache->addMessages(Dev, roomMessages(1, 5));
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.setOwnName(QStringLiteral("Me"));
        dev.restore(joinedRoom(false));
        dev.open();
        QCOMPARE(seqsOf(dev.messages()), range(1, 5));

        ChatMessage other = roomMessage(3, QStringLiteral("Zed"));
        dev.addMessage(other, false);
        QCOMPARE(seqsOf(dev.messages()), QList<qint64>{3}); // not sorted in among the old ones
        QCOMPARE(m_cache->idAt(Dev, 3), other.id);
        QCOMPARE(m_cache->idAt(Dev, 5), QString());
        QCOMPARE(dev.lastSeq(), 3);
        QCOMPARE(dev.unread(), 1); // counted as new, not hidden as already seen
        QVERIFY(dev.messages()->hasMoreHistory()); // the rest comes from the server

        // The same message again (a replay overlap) is not a new history.
        dev.addMessage(other, false);
        QCOMPARE(seqsOf(dev.messages()), QList<qint64>{3});
        QCOMPARE(dev.unread(), 1);
    }

    void olderMessagesPageInFromTheCacheFirst_data()
    {
        QTest::addColumn<int>("cached");
        QTest::newRow("a last page shorter than a page") << 250;
        QTest::newRow("whole pages only") << 2 * Conversation::CachePageSize;
    }
    void olderMessagesPageInFromTheCacheFirst()
    {
        QFETCH(int, cached);
        m_cache->addMessages(Dev, roomMessages(1, cached));
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.restore(joinedRoom(false)); // the cache reaches back to the room's first message
        MessageModel *model = dev.messages();
        dev.open();
        QCOMPARE(seqsOf(model), range(cached - Conversation::CachePageSize + 1, cached));
        QVERIFY(model->canFetchMore({}));
        int pages = 1;
        while (model->canFetchMore({})) {
            model->fetchMore({});
            QVERIFY(++pages <= 3);
        }
        QCOMPARE(pages, (cached + Conversation::CachePageSize - 1) / Conversation::CachePageSize);
        QCOMPARE(seqsOf(model), range(1, cached));
        // Nothing older anywhere: no spinner waiting for a page that cannot come.
        QVERIFY(!model->hasMoreHistory());
    }

    void aCachedMessageIsLoadedToBeShown()
    {
        m_cache->addMessages(Dev, roomMessages(101, 1000));
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.restore(joinedRoom(true));
        MessageModel *model = dev.messages();
        // Not opened yet: the newest page comes first, then everything down to the message, a little more above.
        QVERIFY(dev.loadThrough(850, 1000));
        QVERIFY(model->containsSeq(850));
        QCOMPARE(model->oldestSeq(), 850 - Conversation::CachePageSize / 2);
        QCOMPARE(model->newestSeq(), 1000);
        QVERIFY(model->hasMoreHistory());
        QVERIFY(dev.loadThrough(900, 1000)); // already there: nothing changes
        QCOMPARE(model->oldestSeq(), 850 - Conversation::CachePageSize / 2);

        // Too far down for the limit, or older than the cache: the caller shows it from the server instead.
        QVERIFY(!dev.loadThrough(200, 300));
        QCOMPARE(model->oldestSeq(), 850 - Conversation::CachePageSize / 2);
        QVERIFY(!dev.loadThrough(50, 5000));
        QVERIFY(!dev.loadThrough(2000, 5000)); // newer than anything: not invented
        QVERIFY(dev.loadThrough(101, 5000));
        QCOMPARE(model->oldestSeq(), 101);
        QCOMPARE(seqsOf(model), range(101, 1000));
    }

    void theServersReadPositionNeverTakesReadingBack()
    {
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.setOwnName(QStringLiteral("Me"));
        QSignalSpy readUpTo(&dev, &Conversation::readUpTo);
        dev.addMessage(roomMessage(1), true); // seen
        dev.addMessage(roomMessage(2), false);
        QCOMPARE(readUpTo.size(), 1);
        QCOMPARE(dev.lastReadSeq(), 1);
        QCOMPARE(dev.unread(), 1);

        dev.open();
        QCOMPARE(dev.messages()->unreadMarker(), qint64(1));
        QVERIFY(dev.applyServerReadPosition(1, 4, 9)); // read on elsewhere, more came: the server's numbers
        QCOMPARE(dev.unread(), 4);
        QCOMPARE(dev.unreadMentions(), 4); // never more mentions than unread messages
        QVERIFY(dev.applyServerReadPosition(2, 3, 0)); // read further on the other computer: the line follows
        QCOMPARE(dev.messages()->unreadMarker(), qint64(2));
        QVERIFY(!dev.applyServerReadPosition(0, 50, 0)); // behind this app: its own count stays
        QCOMPARE(dev.unread(), 3);
        QCOMPARE(dev.lastReadSeq(), 2);

        dev.addMessage(roomMessage(3), false);
        dev.markAllRead();
        QCOMPARE(readUpTo.size(), 2);
        QCOMPARE(readUpTo.last().first().toLongLong(), qint64(3));

        Conversation bob(ConversationId::direct(QStringLiteral("Bob")), nullptr, m_cache.get());
        QVERIFY(bob.applyServerReadPosition(3, 2, 2));
        QCOMPARE(bob.unread(), 2);
        QCOMPARE(bob.unreadMentions(), 0); // a direct message is counted as unread, not as a mention
    }

    void theEndOfTheCacheIsNotTheEndWhileTheServerHasMore()
    {
        m_cache->addMessages(Dev, roomMessages(51, 80));
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.restore(joinedRoom(true));
        dev.open();
        QCOMPARE(seqsOf(dev.messages()), range(51, 80));
        QVERIFY(dev.messages()->hasMoreHistory());
    }

    void aHistoryPageFromTheServerIsCached()
    {
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.restore(joinedRoom(true));
        HistoryPage page{Dev.name, {}, roomMessages(31, 50), true};
        dev.addHistoryPage(page);
        QCOMPARE(seqsOf(dev.messages()), range(31, 50));
        QCOMPARE(seqsOf(m_cache->messages(Dev, 0, 1000)), range(31, 50));
        QVERIFY(dev.record().olderOnServer);
        page.messages = roomMessages(1, 30);
        page.more = false;
        dev.addHistoryPage(page);
        QCOMPARE(seqsOf(m_cache->messages(Dev, 0, 1000)), range(1, 50));
        QVERIFY(!dev.record().olderOnServer);

        // The next run reads it all from the cache and knows nothing older is on the server.
        Conversation again(Dev, nullptr, m_cache.get());
        again.restore(dev.record());
        again.open();
        while (again.messages()->canFetchMore({}))
            again.messages()->fetchMore({});
        QCOMPARE(seqsOf(again.messages()), range(1, 50));
        QVERIFY(!again.messages()->hasMoreHistory());
    }

    void whatIsRememberedComesBackThroughTheCache_data()
    {
        QTest::addColumn<ClientCache::ConversationRecord>("record");
        ClientCache::ConversationRecord room;
        room.id = Dev;
        room.topic = QStringLiteral("builds and releases");
        room.memberCount = 7;
        room.unread = 4;
        room.unreadMentions = 1;
        room.lastReadSeq = 41;
        room.lastActivity = QDateTime::fromMSecsSinceEpoch(Start);
        room.draft = QStringLiteral("half a thought");
        room.joined = true;
        room.olderOnServer = false;
        QTest::newRow("room") << room;
        ClientCache::ConversationRecord direct = room;
        direct.id = ConversationId::direct(QStringLiteral("Alice"));
        direct.topic.clear();
        direct.memberCount = 2;
        direct.unreadMentions = 0;
        QTest::newRow("direct") << direct;
    }
    void whatIsRememberedComesBackThroughTheCache()
    {
        QFETCH(ClientCache::ConversationRecord, record);
        {
            Conversation first(record.id, nullptr, m_cache.get());
            first.restore(record);
            QCOMPARE(first.record(), record);
            first.markAllRead();
            first.setDraft(QStringLiteral("second thoughts"));
            // Destroyed before its deferred save ran, as at quit: it saves anyway.
        }
        const QList<ClientCache::ConversationRecord> saved = m_cache->conversations();
        QCOMPARE(saved.size(), 1);
        Conversation second(record.id, nullptr, m_cache.get());
        second.restore(saved.constFirst());
        ClientCache::ConversationRecord expected = record;
        expected.unread = 0;
        expected.unreadMentions = 0;
        expected.draft = QStringLiteral("second thoughts");
        QCOMPARE(second.record(), expected);
    }

    void ownMessagesAreCachedOnceTheServerHasThem()
    {
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.restore(joinedRoom(true));
        dev.setOwnName(QStringLiteral("Bob"));
        dev.open();
        const OutgoingMessage outgoing{QStringLiteral("b-1"), Dev, QStringLiteral("hello"), MessageKind::Action};
        dev.addPending(outgoing);
        QVERIFY(m_cache->messages(Dev, 0, 10).isEmpty()); // not stored anywhere yet: the outbox keeps it
        dev.markSent(outgoing.id, 7, Start);
        const QList<ChatMessage> cached = m_cache->messages(Dev, 0, 10);
        QCOMPARE(cached.size(), 1);
        QCOMPARE(cached.constFirst().seq, 7);
        QCOMPARE(cached.constFirst().id, outgoing.id);
        QCOMPARE(cached.constFirst().from, QStringLiteral("Bob"));
        QCOMPARE(cached.constFirst().room, Dev.name);
        QCOMPARE(cached.constFirst().text, outgoing.text);
        QCOMPARE(cached.constFirst().kind, MessageKind::Action);
        QCOMPARE(cached.constFirst().ts, Start);
        QCOMPARE(dev.lastSeq(), 7);
        QCOMPARE(dev.lastReadSeq(), 7);
    }

    void aJoinAfterAGapDropsWhatNoLongerJoinsUp()
    {
        // The cache holds m1..m10 from a time the user was in the room; the user joins again much later and the
        // server sends the newest page, m31..m50.
        m_cache->addMessages(Dev, roomMessages(1, 10));
        Conversation dev(Dev, nullptr, m_cache.get());
        dev.open();
        Joined joined{Dev.name, {}, {QStringLiteral("Alice"), QStringLiteral("Bob")}, {}, roomMessages(31, 50),
                      true,     {}};
        dev.applyJoined(joined);
        QCOMPARE(seqsOf(dev.messages()), range(31, 50));
        QVERIFY(dev.messages()->hasMoreHistory()); // m11..m30 come from the server
        QCOMPARE(seqsOf(m_cache->messages(Dev, 0, 1000)), range(31, 50));
        QCOMPARE(dev.lastSeq(), 50);
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<ClientCache> m_cache;
};

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
