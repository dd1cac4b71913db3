// ClientCache on real SQLite files in a temporary folder: what a restart of the app finds again, what a damaged
// file does to it (nothing worse than an empty cache), and the batching and trimming it does behind the scenes.

#include "clientcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

const ConversationId Dev = ConversationId::room(QStringLiteral("dev"));
const ConversationId Bob = ConversationId::direct(QStringLiteral("Bob"));

ChatMessage roomMessage(qint64 seq, const QString &room = QStringLiteral("dev"))
{
    ChatMessage message;
    message.room = room;
    message.from = QStringLiteral("Alice");
    message.id = QStringLiteral("id-%1").arg(seq);
    message.text = QStringLiteral("message %1").arg(seq);
    message.seq = seq;
    message.ts = 1'700'000'000'000 + seq;
    return message;
}

QList<ChatMessage> roomMessages(qint64 first, qint64 last)
{
    QList<ChatMessage> messages;
    for (qint64 seq = first; seq <= last; ++seq)
        messages.append(roomMessage(seq));
    return messages;
}

ClientCache::ConversationRecord record(const ConversationId &id, const QString &topic = {})
{
    ClientCache::ConversationRecord record;
    record.id = id;
    record.topic = topic;
    return record;
}

OutgoingMessage outgoing(const QString &id, const ConversationId &conversation, const QString &text,
                         MessageKind kind = MessageKind::Text, bool failed = false)
{
    OutgoingMessage message;
    message.id = id;
    message.conversation = conversation;
    message.text = text;
    message.kind = kind;
    message.failed = failed;
    return message;
}

QList<qint64> seqs(const QList<ChatMessage> &messages)
{
    QList<qint64> list;
    for (const ChatMessage &message : messages)
        list.append(message.seq);
    return list;
}

QList<qint64> seqRange(qint64 first, qint64 last)
{
    QList<qint64> list;
    for (qint64 seq = first; seq <= last; ++seq)
        list.append(seq);
    return list;
}

// Reads the file the way another process would: only what was committed is there.
int committedRows(const QString &path, const QString &sql)
{
    const QString connection = QStringLiteral("tst_clientcache-reader");
    int rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                rows = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

} // namespace

class TestClientCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void openCreatesFoldersAndTables()
    {
        const QString path = file(QStringLiteral("deep/er/cache.sqlite"));
        QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
        ClientCache cache;
        QVERIFY2(cache.open(path), qPrintable(cache.lastError()));
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.path(), path);
        QVERIFY(QFileInfo(path).isFile());
        for (const QString &table : {QStringLiteral("meta"), QStringLiteral("conversations"),
                                     QStringLiteral("messages"), QStringLiteral("outbox")}) {
            QCOMPARE(committedRows(path,
                                   QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                                                  "AND name = '%1'")
                                       .arg(table)),
                     1);
        }
        // An empty cache is a valid answer, not an error.
        QVERIFY(cache.conversations().isEmpty());
        QVERIFY(cache.messages(Dev, 0, 50).isEmpty());
        QCOMPARE(cache.newestSeq(Dev), 0);
        QCOMPARE(cache.oldestSeq(Dev), 0);
        QVERIFY(cache.outbox().isEmpty());
        QVERIFY(cache.value(QStringLiteral("anything")).isNull());
    }

    void conversationRecordSurvivesARestart()
    {
        const QString path = file(QStringLiteral("records.sqlite"));
        ClientCache::ConversationRecord room;
        room.id = Dev;
        room.topic = QStringLiteral("Ship it — ünïcode too");
        room.memberCount = 7;
        room.unread = 12;
        room.unreadMentions = 3;
        room.lastReadSeq = 4242;
        room.lastActivity = QDateTime::fromMSecsSinceEpoch(1'700'000'123'456, Qt::UTC);
        room.draft = QStringLiteral("half a sentence");
        room.joined = true;
        room.olderOnServer = false;
        ClientCache::ConversationRecord direct;
        direct.id = Bob;
        direct.joined = true; // listed
        // Every other field keeps its default, which must come back as it was, not as "0 ms since 1970".
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            cache.saveConversation(room);
            cache.saveConversation(direct);
            const auto records = cache.conversations();
            QCOMPARE(records.size(), 2);
        } // the app quits

        ClientCache cache;
        QVERIFY(cache.open(path));
        auto records = cache.conversations();
        QCOMPARE(records.size(), 2);
        std::sort(records.begin(), records.end(),
                  [](const auto &a, const auto &b) { return a.id.isRoom() && !b.id.isRoom(); });
        QCOMPARE(records.at(0), room);
        QCOMPARE(records.at(0).lastActivity.toMSecsSinceEpoch(), room.lastActivity.toMSecsSinceEpoch());
        QCOMPARE(records.at(1), direct);
        QVERIFY(!records.at(1).lastActivity.isValid());
        QVERIFY(records.at(1).olderOnServer);

        // Saving again replaces the record; it does not add a second one.
        room.unread = 0;
        cache.saveConversation(room);
        records = cache.conversations();
        QCOMPARE(records.size(), 2);
        QVERIFY(records.contains(room));
    }

    void removingAConversationDropsItsMessages()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("remove.sqlite"))));
        cache.saveConversation(record(Dev));
        cache.saveConversation(record(Bob));
        cache.addMessages(Dev, roomMessages(1, 5));
        ChatMessage direct = roomMessage(1);
        direct.room.clear();
        direct.to = QStringLiteral("Bob");
        cache.addMessage(Bob, direct);

        // Bob in another case is the same person.
        cache.removeConversation(ConversationId::direct(QStringLiteral("BOB")));
        QVERIFY(cache.messages(Bob, 0, 10).isEmpty());
        QCOMPARE(cache.conversations().size(), 1);
        QCOMPARE(cache.messages(Dev, 0, 10).size(), 5); // the others are untouched

        cache.removeConversation(Dev);
        QVERIFY(cache.conversations().isEmpty());
        QVERIFY(cache.messages(Dev, 0, 10).isEmpty());
        QCOMPARE(cache.newestSeq(Dev), 0);
        // Joining it again starts from nothing, not from what was left behind.
        cache.addMessage(Dev, roomMessage(9));
        QCOMPARE(seqs(cache.messages(Dev, 0, 10)), QList<qint64>{9});
    }

    void messagesArePagedOldestFirst()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("paging.sqlite"))));
        cache.addMessages(Dev, roomMessages(1, 25));
        cache.addMessage(ConversationId::room(QStringLiteral("other")), roomMessage(100, QStringLiteral("other")));

        QCOMPARE(seqs(cache.messages(Dev, 0, 10)), seqRange(16, 25)); // 0: the newest page
        QCOMPARE(seqs(cache.messages(Dev, 16, 10)), seqRange(6, 15));
        QCOMPARE(seqs(cache.messages(Dev, 6, 10)), seqRange(1, 5)); // the last page is short
        QVERIFY(cache.messages(Dev, 1, 10).isEmpty());
        QCOMPARE(seqs(cache.messages(Dev, 0, 100)), seqRange(1, 25)); // never another conversation's
        QVERIFY(cache.messages(Dev, 0, 0).isEmpty());

        // Every field comes back as it went in.
        ChatMessage action = roomMessage(26);
        action.kind = MessageKind::Action;
        action.text = QStringLiteral("waves 👋");
        cache.addMessage(Dev, action);
        QCOMPARE(cache.messages(Dev, 0, 1), QList<ChatMessage>{action});
        QCOMPARE(cache.messages(Dev, 26, 1), QList<ChatMessage>{roomMessage(25)});
    }

    void newestAndOldestSeq()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("seqs.sqlite"))));
        cache.addMessages(Dev, roomMessages(40, 60));
        cache.addMessages(Dev, roomMessages(10, 12));
        QCOMPARE(cache.newestSeq(Dev), 60);
        QCOMPARE(cache.oldestSeq(Dev), 10);
        QCOMPARE(cache.newestSeq(Bob), 0);
        QCOMPARE(cache.oldestSeq(Bob), 0);
    }

    void readsSeeWritesOfTheSameTurn()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("sameturn.sqlite"))));
        cache.addMessages(Dev, roomMessages(1, 3));
        cache.setValue(QStringLiteral("k"), QStringLiteral("v"));
        cache.saveConversation(record(Dev, QStringLiteral("topic")));
        // No event loop in between: the reads must not miss what was just written.
        QCOMPARE(cache.newestSeq(Dev), 3);
        QCOMPARE(cache.value(QStringLiteral("k")), QStringLiteral("v"));
        QCOMPARE(cache.conversations().value(0).topic, QStringLiteral("topic"));
    }

    void writesAreCommittedByTheEventLoop()
    {
        const QString path = file(QStringLiteral("committed.sqlite"));
        ClientCache cache;
        QVERIFY(cache.open(path));
        cache.addMessages(Dev, roomMessages(1, 3));
        cache.setValue(QStringLiteral("k"), QStringLiteral("v"));
        // Nobody reads or flushes: the app may be killed any time after this turn, and the file must have it.
        QTRY_COMPARE(committedRows(path, QStringLiteral("SELECT COUNT(*) FROM messages")), 3);
        QCOMPARE(committedRows(path, QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'k' AND value = 'v'")), 1);
    }

    void theSameMessageTwiceIsKeptOnce()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("twice.sqlite"))));
        cache.addMessages(Dev, roomMessages(1, 3));
        ChatMessage replayed = roomMessage(2);
        cache.addMessage(Dev, replayed); // a replay after a reconnect
        cache.addMessages(Dev, roomMessages(2, 4));
        QCOMPARE(seqs(cache.messages(Dev, 0, 10)), seqRange(1, 4));
    }

    void removeMessagesBeforeKeepsTheNewerRun()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("before.sqlite"))));
        cache.addMessages(Dev, roomMessages(1, 10));
        cache.addMessage(ConversationId::room(QStringLiteral("other")), roomMessage(2, QStringLiteral("other")));
        cache.removeMessagesBefore(Dev, 7);
        QCOMPARE(seqs(cache.messages(Dev, 0, 100)), seqRange(7, 10));
        QCOMPARE(cache.oldestSeq(Dev), 7);
        QCOMPARE(cache.newestSeq(ConversationId::room(QStringLiteral("other"))), 2);
    }

    void trimmingKeepsTheNewestMessages()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("trim.sqlite"))));
        cache.setMessageLimit(50);
        // Trimming is checked once per thousand new messages of a conversation, counted across turns: a long
        // session that receives messages a few at a time must be trimmed too.
        cache.addMessages(Dev, roomMessages(1, 600));
        QCOMPARE(cache.newestSeq(Dev), 600); // a read commits the first batch
        cache.addMessages(Dev, roomMessages(601, 1200));
        QCOMPARE(seqs(cache.messages(Dev, 0, 5000)), seqRange(1151, 1200));
        QCOMPARE(cache.oldestSeq(Dev), 1151);
        QCOMPARE(cache.newestSeq(Dev), 1200);
    }

    void outboxRoundTripsInOrder()
    {
        const QString path = file(QStringLiteral("outbox.sqlite"));
        const QList<OutgoingMessage> unsent{
            outgoing(QStringLiteral("id-3"), Dev, QStringLiteral("first")),
            outgoing(QStringLiteral("id-1"), Bob, QStringLiteral("second"), MessageKind::Action, true),
            outgoing(QStringLiteral("id-2"), ConversationId::direct(QStringLiteral("Zoë")), QStringLiteral("third")),
        };
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            cache.saveOutbox({outgoing(QStringLiteral("old"), Dev, QStringLiteral("acknowledged meanwhile"))});
            cache.saveOutbox(unsent); // replaces, does not add
        }
        ClientCache cache;
        QVERIFY(cache.open(path));
        const QList<OutgoingMessage> restored = cache.outbox();
        QCOMPARE(restored.size(), unsent.size());
        for (qsizetype i = 0; i < unsent.size(); ++i) {
            QCOMPARE(restored.at(i).id, unsent.at(i).id);
            QCOMPARE(restored.at(i).conversation, unsent.at(i).conversation);
            // The peer's name keeps the spelling it was written with; the cache key is case-folded.
            QCOMPARE(restored.at(i).conversation.name, unsent.at(i).conversation.name);
            QCOMPARE(restored.at(i).conversation.kind, unsent.at(i).conversation.kind);
            QCOMPARE(restored.at(i).text, unsent.at(i).text);
            QCOMPARE(restored.at(i).kind, unsent.at(i).kind);
            QCOMPARE(restored.at(i).failed, unsent.at(i).failed);
        }
        cache.saveOutbox({});
        QVERIFY(cache.outbox().isEmpty());
    }

    void metaValueRoundTrips()
    {
        const QString path = file(QStringLiteral("meta.sqlite"));
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            cache.setValue(QStringLiteral("token"), QStringLiteral("abc"));
            cache.setValue(QStringLiteral("token"), QStringLiteral("def"));
            cache.setValue(QStringLiteral("empty"), QString());
        }
        ClientCache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.value(QStringLiteral("token")), QStringLiteral("def"));
        QVERIFY(cache.value(QStringLiteral("empty")).isEmpty());
        QVERIFY(cache.value(QStringLiteral("missing")).isEmpty());
    }

    void pathForNamesOneFilePerServerAndName()
    {
        const QString data = file(QStringLiteral("data"));
        const QString path =
            ClientCache::pathFor(data, QStringLiteral("ws://chat.example.org:7000"), QStringLiteral("bob"));
        QCOMPARE(ClientCache::pathFor(data, QStringLiteral("WS://Chat.Example.ORG:7000"), QStringLiteral("bob")), path);
        QCOMPARE(ClientCache::pathFor(data, QStringLiteral("ws://chat.example.org:7000"), QStringLiteral("BOB")), path);
        QCOMPARE(ClientCache::pathFor(data, QStringLiteral("ws://chat.example.org:7000"), QStringLiteral("Bob")), path);
        QVERIFY(ClientCache::pathFor(data, QStringLiteral("ws://chat.example.org:7000"), QStringLiteral("Alice"))
                != path);
        QVERIFY(ClientCache::pathFor(data, QStringLiteral("ws://chat.example.org:7001"), QStringLiteral("bob"))
                != path);
        QVERIFY(ClientCache::pathFor(data, QStringLiteral("ws://other.example.org:7000"), QStringLiteral("bob"))
                != path);

        // Whatever the server and the name, the file sits directly in the cache folder with a plain name.
        const QString odd =
            ClientCache::pathFor(data, QStringLiteral("ws://[::1]:7000/../../etc?x=*"), QStringLiteral("../Zoë:\\*"));
        for (const QString &candidate : {path, odd}) {
            const QFileInfo info(candidate);
            QCOMPARE(QDir(info.absolutePath()), QDir(data + QStringLiteral("/cache")));
            QVERIFY2(QRegularExpression(QStringLiteral("\\A[0-9a-f]+\\.sqlite\\z")).match(info.fileName()).hasMatch(),
                     qPrintable(info.fileName()));
        }
        ClientCache cache;
        QVERIFY(cache.open(odd));
    }

    void unusableFileLeavesAnEmptyCache_data()
    {
        QTest::addColumn<bool>("directory");
        QTest::newRow("not SQLite") << false;
        QTest::newRow("a directory") << true;
    }

    void unusableFileLeavesAnEmptyCache()
    {
        QFETCH(bool, directory);
        const QString path = file(QStringLiteral("broken-%1.sqlite").arg(directory));
        if (directory) {
            QVERIFY(QDir().mkpath(path));
        } else {
            QFile garbage(path);
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            QByteArray bytes(8192, '\0');
            for (int i = 0; i < bytes.size(); ++i)
                bytes[i] = char((i * 37 + 11) % 251);
            garbage.write(bytes);
        }
        ClientCache cache;
        QVERIFY(!cache.open(path));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.lastError().isEmpty());

        // The app carries on without a cache: writes go nowhere, reads find nothing, nothing crashes.
        cache.saveConversation(record(Dev));
        cache.addMessages(Dev, roomMessages(1, 3));
        cache.removeMessagesBefore(Dev, 2);
        cache.removeConversation(Bob);
        cache.saveOutbox({outgoing(QStringLiteral("id"), Dev, QStringLiteral("text"))});
        cache.setValue(QStringLiteral("k"), QStringLiteral("v"));
        cache.flush();
        QVERIFY(cache.conversations().isEmpty());
        QVERIFY(cache.messages(Dev, 0, 10).isEmpty());
        QCOMPARE(cache.newestSeq(Dev), 0);
        QCOMPARE(cache.oldestSeq(Dev), 0);
        QVERIFY(cache.outbox().isEmpty());
        QVERIFY(cache.value(QStringLiteral("k")).isEmpty());
        QTest::qWait(0);
        if (!directory) {
            QFile garbage(path);
            QVERIFY(garbage.open(QIODevice::ReadOnly));
            QCOMPARE(garbage.size(), 8192); // left as it was, for whoever wants to look at it
        }

        // The same object can still open a good file afterwards.
        QVERIFY(cache.open(file(QStringLiteral("good-after-broken-%1.sqlite").arg(directory))));
        cache.addMessage(Dev, roomMessage(1));
        QCOMPARE(cache.newestSeq(Dev), 1);
    }

    void invalidNamesInTheFileAreSkipped()
    {
        const QString path = file(QStringLiteral("edited.sqlite"));
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            cache.saveConversation(record(Dev));
            cache.saveConversation(record(Bob));
        }
        {
            // Someone edited the file, or it was damaged: names the server would never accept.
            const QString connection = QStringLiteral("tst_clientcache-editor");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("INSERT INTO conversations (key, kind, name) VALUES "
                                                  "('#Bad Room', 0, 'Bad Room'), ('@', 1, ''), "
                                                  "('#', 0, ''), ('@x', 1, 'has\nnewline')")));
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        }
        ClientCache cache;
        QVERIFY(cache.open(path));
        QList<ConversationId> ids;
        for (const auto &record : cache.conversations())
            ids.append(record.id);
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.contains(Dev));
        QVERIFY(ids.contains(Bob));
    }

    void reactionsAreKeptAndAFileFromBeforeThemIsUpgraded()
    {
        const QString path = file(QStringLiteral("version-two.sqlite"));
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            ChatMessage message;
            message.seq = 1;
            message.id = QStringLiteral("a-1");
            message.from = QStringLiteral("Ada");
            message.room = QStringLiteral("dev");
            message.text = QStringLiteral("words");
            message.ts = 5;
            cache.addMessage(Dev, message);
            cache.flush();
        }
        {
            // The file as the app before reactions left it.
            const QString connection = QStringLiteral("tst_clientcache-version-two");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                for (const char *statement : {"ALTER TABLE messages DROP COLUMN reactions", "PRAGMA user_version = 2"})
                    QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        }
        const QString thumbs = QStringLiteral("\U0001F44D");
        {
            ClientCache cache;
            QVERIFY2(cache.open(path), qPrintable(cache.lastError()));
            QVERIFY(cache.messages(Dev, 0, 10).first().reactions.isEmpty());
            cache.applyReaction(Dev, 1, thumbs, 2, true);
            cache.applyReaction(Dev, 7, thumbs, 1, true); // not kept: nothing to change
        }
        ClientCache cache;
        QVERIFY(cache.open(path));
        const QList<ChatMessage> messages = cache.messages(Dev, 0, 10);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().reactions, (QList<ReactionCount>{{thumbs, 2, true}}));
        // A delete takes them with it.
        ChatMessage removal;
        removal.seq = 2;
        removal.room = QStringLiteral("dev");
        removal.kind = MessageKind::Delete;
        removal.target = 1;
        removal.ts = 9;
        cache.addMessage(Dev, removal);
        QVERIFY(cache.messages(Dev, 0, 10).first().reactions.isEmpty());
    }

    void aCacheFromBeforeEditsIsUpgraded()
    {
        const QString path = file(QStringLiteral("version-one.sqlite"));
        {
            const QString connection = QStringLiteral("tst_clientcache-version-one");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                for (const char *statement :
                     {"CREATE TABLE messages (conversation TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,"
                      " sender TEXT NOT NULL, room TEXT NOT NULL, recipient TEXT NOT NULL, text TEXT NOT NULL,"
                      " kind INTEGER NOT NULL, ts INTEGER NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID",
                      "CREATE TABLE outbox (position INTEGER PRIMARY KEY, id TEXT NOT NULL, conversation TEXT NOT NULL,"
                      " peer TEXT NOT NULL, text TEXT NOT NULL, kind INTEGER NOT NULL, failed INTEGER NOT NULL)",
                      "INSERT INTO messages VALUES ('#dev', 1, 'a-1', 'Ada', 'dev', '', 'old words', 0, 5)",
                      "INSERT INTO outbox VALUES (0, 'a-2', '#dev', '', 'waiting', 0, 0)", "PRAGMA user_version = 1"})
                    QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        }
        ClientCache cache;
        QVERIFY2(cache.open(path), qPrintable(cache.lastError()));
        QCOMPARE(cache.outbox().size(), 1);
        ChatMessage edit;
        edit.seq = 2;
        edit.room = QStringLiteral("dev");
        edit.kind = MessageKind::Edit;
        edit.target = 1;
        edit.text = QStringLiteral("new words");
        edit.ts = 9;
        cache.addMessage(Dev, edit);
        const QList<ChatMessage> messages = cache.messages(Dev, 0, 10);
        QCOMPARE(messages.size(), 1); // an edit changes a row and makes none
        QCOMPARE(messages.first().text, QStringLiteral("new words"));
        QCOMPARE(messages.first().edited, 9);
        ChatMessage removal = edit;
        removal.seq = 3;
        removal.kind = MessageKind::Delete;
        removal.text.clear();
        cache.addMessage(Dev, removal);
        QVERIFY(cache.messages(Dev, 0, 10).first().deleted);
        QVERIFY(cache.messages(Dev, 0, 10).first().text.isEmpty());
    }

    void oneFileIsUsedByOneAppAtATime()
    {
        // Two copies of the app on one chat and name would each rewrite the other's outbox.
        ClientCache first;
        ClientCache second;
        QVERIFY(first.open(file(QStringLiteral("shared.sqlite"))));
        QVERIFY(!second.open(file(QStringLiteral("shared.sqlite"))));
        QVERIFY(!second.lastError().isEmpty());
        QVERIFY(!second.isOpen());
        first.close();
        QVERIFY(second.open(file(QStringLiteral("shared.sqlite")))); // free again once the first lets go
    }

    void idAtTellsWhichMessageHasASeq()
    {
        ClientCache cache;
        QVERIFY(cache.open(file(QStringLiteral("ids.sqlite"))));
        const ConversationId dev = ConversationId::room(QStringLiteral("dev"));
        Protocol::ChatMessage message;
        message.room = dev.name;
        message.from = QStringLiteral("Ada");
        message.id = QStringLiteral("first");
        message.text = QStringLiteral("hi");
        message.seq = 3;
        cache.addMessage(dev, message);
        QCOMPARE(cache.idAt(dev, 3), QStringLiteral("first"));
        QCOMPARE(cache.idAt(dev, 4), QString());
    }

    void twoCachesDoNotInterfere()
    {
        auto first = std::make_unique<ClientCache>();
        ClientCache second;
        QVERIFY(first->open(file(QStringLiteral("first.sqlite"))));
        QVERIFY(second.open(file(QStringLiteral("second.sqlite"))));
        first->addMessages(Dev, roomMessages(1, 3));
        second.addMessage(Dev, roomMessage(10));
        first->setValue(QStringLiteral("who"), QStringLiteral("first"));
        second.setValue(QStringLiteral("who"), QStringLiteral("second"));
        QCOMPARE(first->newestSeq(Dev), 3);
        QCOMPARE(second.newestSeq(Dev), 10);
        QCOMPARE(first->value(QStringLiteral("who")), QStringLiteral("first"));
        QCOMPARE(second.value(QStringLiteral("who")), QStringLiteral("second"));

        // Closing one (the user switches server in one window) leaves the other working.
        first.reset();
        second.addMessage(Dev, roomMessage(11));
        QCOMPARE(second.newestSeq(Dev), 11);
        QCOMPARE(second.value(QStringLiteral("who")), QStringLiteral("second"));
        QVERIFY(second.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestClientCache)
#include "tst_clientcache.moc"
