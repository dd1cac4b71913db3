#include "historyrevisions.h"
#include "historystore.h"
#include "validation.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using Natter::HistoryStore;
using Natter::Protocol::ChatMessage;
using Natter::Protocol::MessageKind;
using Status = HistoryStore::AppendStatus;

namespace Natter::Protocol {
// Readable QCOMPARE failures.
char *toString(const ChatMessage &message)
{
    return QTest::toString(QStringLiteral("{room %1 to %2 from %3 id %4 seq %5 ts %6 kind %7 text \"%8\"}")
                               .arg(message.room, message.to, message.from, message.id)
                               .arg(message.seq)
                               .arg(message.ts)
                               .arg(static_cast<int>(message.kind))
                               .arg(message.text));
}
} // namespace Natter::Protocol

namespace {

ChatMessage roomMessage(const QString &room, const QString &from, const QString &id, const QString &text = {})
{
    ChatMessage message;
    message.room = room;
    message.from = from;
    message.id = id;
    message.text = text.isEmpty() ? QStringLiteral("text of ") + id : text;
    return message;
}

ChatMessage directMessage(const QString &from, const QString &to, const QString &id,
                          MessageKind kind = MessageKind::Text)
{
    ChatMessage message;
    message.to = to;
    message.from = from;
    message.id = id;
    message.kind = kind;
    message.text = QStringLiteral("direct ") + id;
    return message;
}

// Direct pairs are stored by party; these tests use the senders' folded names as the parties.
QString conversationOf(const ChatMessage &message)
{
    return message.isDirect() ? HistoryStore::directConversation(Natter::Protocol::nameKey(message.from),
                                                                 Natter::Protocol::nameKey(message.to))
                              : message.room;
}

HistoryStore::AppendResult appendTo(HistoryStore &store, const ChatMessage &message, const QString &senderKey,
                                    HistoryStore::IdSource source = HistoryStore::IdSource::Client)
{
    return store.append(conversationOf(message), message, senderKey, source);
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

// A plain SQLite connection to the same file, standing in for another process or a meddling admin.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool exec(const QString &statement)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(statement)) {
            qWarning() << "raw statement failed:" << statement << query.lastError().text();
            return false;
        }
        return true;
    }
    QVariant value(const QString &statement)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(statement) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList column(const QString &statement)
    {
        QStringList values;
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.exec(statement);
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

QList<ChatMessage> committedMessages(const QSignalSpy &spy, int index = 0)
{
    return spy.at(index).at(0).value<QList<ChatMessage>>();
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void migratesEmptyFile();
    void revisionsLookOneSeqUp();
    void migratesVersion4WithReactionsTable();
    void createsMissingFolders();
    void reopenKeepsMessages();
    void refusesNewerSchema();
    void failsOnUnusablePath_data();
    void failsOnUnusablePath();

    void seqStartsAtOneAndIncreases();
    void conversationsCountIndependently();
    void directConversationIgnoresOrderAndCase();
    void readsOnlyCommittedMessages();

    void batchesOneTurnIntoOneCommit();
    void commitIsVisibleToOtherConnections();
    void secondStoreOnTheSameFileIsRefused();

    void duplicateBeforeCommitIsAlreadyQueued();
    void duplicateAfterCommitIsAlreadyStored_data();
    void duplicateAfterCommitIsAlreadyStored();
    void sameIdFromAnotherSenderIsNew();
    void serverMadeIdsAreStoredAndStillFoundAsDuplicates();

    void latestPages_data();
    void latestPages();
    void beforePages_data();
    void beforePages();
    void afterPagesThroughEverything();
    void unknownConversationIsEmpty();
    void directMessagesKeepSenderRecipientAndKind();

    void seqsContinueAfterReopen();
    void closeAndDestructionCommitPending();
    void roomsAndTopicsPersist();

    void commitFailureFreesSeqs();
    void commitFailureRollsBackNewConversations();
    void storesInSeveralThreads();
    void itsTimersMoveWithTheStore();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.db")); }
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A shared or leaked connection name would break stores living side by side.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("duplicate connection name|is still in use")));
}

void TestHistoryStore::migratesEmptyFile()
{
    QFile empty(dbPath());
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    HistoryStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(store.isOpen());
    QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
    QCOMPARE(HistoryStore::SchemaVersion, 7);

    RawConnection raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 7);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QStringList objects =
        raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"));
    QCOMPARE(objects,
             QStringList({QStringLiteral("conversations"),
                          QStringLiteral("identities"),
                          QStringLiteral("message_words"),
                          QStringLiteral("message_words_config"),
                          QStringLiteral("message_words_data"),
                          QStringLiteral("message_words_delete"),
                          QStringLiteral("message_words_docsize"),
                          QStringLiteral("message_words_idx"),
                          QStringLiteral("message_words_insert"),
                          QStringLiteral("message_words_update"),
                          QStringLiteral("messages"),
                          QStringLiteral("messages_reply"),
                          QStringLiteral("messages_sender_client"),
                          QStringLiteral("messages_target"),
                          QStringLiteral("offline_directs"),
                          QStringLiteral("owned_names"),
                          QStringLiteral("owned_names_identity"),
                          QStringLiteral("owned_names_skeleton"),
                          QStringLiteral("reactions"),
                          QStringLiteral("read_markers")}));
}

void TestHistoryStore::revisionsLookOneSeqUp()
{
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()));
    }
    {
        const QSqlDatabase db = [this] {
            QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plans"));
            connection.setDatabaseName(dbPath());
            connection.open();
            return connection;
        }();
        const QList<std::pair<QString, QVariantList>> statements{
            {Natter::HistoryRevisions::quoteUpdate(), {QStringLiteral("quote"), 1, 5}},
            {Natter::HistoryRevisions::quoteErase(), {1, 5}},
            {Natter::HistoryRevisions::editsErase(), {1, 5, 2}},
        };
        for (const auto &[statement, values] : statements) {
            QSqlQuery query(db);
            QVERIFY(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement));
            for (const QVariant &value : values)
                query.addBindValue(value);
            QVERIFY(query.exec());
            QStringList plan;
            while (query.next())
                plan.append(query.value(3).toString());
            const QString text = plan.join(QStringLiteral("; "));
            // By the conversation and the one seq, in the partial index: not by a range of it, not the whole table.
            QVERIFY2(text.contains(QStringLiteral("conversation=? AND reply_seq=?"))
                         || text.contains(QStringLiteral("conversation=? AND target=?")),
                     qPrintable(statement + QStringLiteral(" -> ") + text));
        }
    }
    QSqlDatabase::database(QStringLiteral("plans"), false).close();
    QSqlDatabase::removeDatabase(QStringLiteral("plans"));
}

void TestHistoryStore::migratesVersion4WithReactionsTable()
{
    ChatMessage stored;
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()));
        stored = appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("a1")),
                          QStringLiteral("alice"))
                     .message;
        QVERIFY(store.flush());
    }
    {
        // The file as a version 4 server left it: no reactions table.
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE reactions")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE read_markers")));
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE conversations DROP COLUMN creator")));
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE conversations DROP COLUMN creator_address")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 4")));
    }
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
    QCOMPARE(store.latest(QStringLiteral("lobby"), 10), QList<ChatMessage>({stored}));

    // The new table takes a reaction, and pages leave the change out while the replay keeps it.
    ChatMessage react = roomMessage(QStringLiteral("lobby"), QStringLiteral("bob"), QStringLiteral("r1"));
    react.kind = MessageKind::React;
    react.text = QStringLiteral("\U0001F44D");
    react.target = stored.seq;
    QCOMPARE(store.append(QStringLiteral("lobby"), react, QStringLiteral("k2"), HistoryStore::IdSource::Server).status,
             HistoryStore::AppendStatus::Queued);
    QVERIFY(store.flush());
    RawConnection raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT reactor FROM reactions")).toString(), QStringLiteral("k2"));
    QCOMPARE(store.latest(QStringLiteral("lobby"), 10).size(), 1);
    QCOMPARE(store.after(QStringLiteral("lobby"), 0, 10, HistoryStore::Rows::WithReactionChanges).size(), 2);
}

void TestHistoryStore::createsMissingFolders()
{
    const QString path = m_dir->filePath(QStringLiteral("var/lib/natter/history.db"));
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(QFile::exists(path));
}

void TestHistoryStore::reopenKeepsMessages()
{
    ChatMessage stored;
    {
        HistoryStore store;
        store.setDurableCommits(true);
        QVERIFY(store.open(dbPath()));
        stored = appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("a1")),
                          QStringLiteral("alice"))
                     .message;
        QVERIFY(store.flush());
    }
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), 7);
    QCOMPARE(store.latest(QStringLiteral("lobby"), 10), QList<ChatMessage>({stored}));
}

void TestHistoryStore::refusesNewerSchema()
{
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(u"99") && error.contains(u"newer"), qPrintable(error));

    RawConnection raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 99);
    QVERIFY(raw.column(QStringLiteral("SELECT name FROM sqlite_master")).isEmpty());
}

void TestHistoryStore::failsOnUnusablePath_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("folder") << QStringLiteral("folder");
    QTest::newRow("garbage file") << QStringLiteral("garbage");
    QTest::newRow("parent is a file") << QStringLiteral("parent");
}

void TestHistoryStore::failsOnUnusablePath()
{
    QFETCH(QString, kind);
    QString path;
    if (kind == u"folder") {
        path = m_dir->path();
    } else if (kind == u"garbage") {
        path = dbPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("this is not an SQLite database, just some bytes\n").repeated(200));
    } else {
        QFile file(m_dir->filePath(QStringLiteral("plain.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        path = m_dir->filePath(QStringLiteral("plain.txt/history.db"));
    }

    HistoryStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(path) || error.contains(m_dir->path()), qPrintable(error));
    if (kind == u"garbage")
        QVERIFY2(error.contains(u"not a database"), qPrintable(error));

    // The failed attempt leaves nothing behind that would stop a good open.
    const QString goodPath = m_dir->filePath(QStringLiteral("good/history.db"));
    QVERIFY2(store.open(goodPath, &error), qPrintable(error));
}

void TestHistoryStore::seqStartsAtOneAndIncreases()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    for (int i = 1; i <= 3; ++i) {
        const auto result =
            appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QString::number(i)),
                     QStringLiteral("alice"));
        QCOMPARE(result.status, Status::Queued);
        QCOMPARE(result.message.seq, i);
        QVERIFY(result.message.ts >= before);
        QVERIFY(result.message.ts <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(result.message.text, QStringLiteral("text of %1").arg(i));
    }
    QCOMPARE(store.lastSeq(QStringLiteral("lobby")), 3);
}

void TestHistoryStore::conversationsCountIndependently()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const QString lobby = QStringLiteral("lobby");
    const QString rust = QStringLiteral("rust");
    const QString alice = QStringLiteral("alice");
    const auto seqOf = [&](const ChatMessage &message) { return appendTo(store, message, message.from).message.seq; };

    QCOMPARE(seqOf(roomMessage(lobby, alice, QStringLiteral("1"))), 1);
    QCOMPARE(seqOf(roomMessage(rust, alice, QStringLiteral("2"))), 1);
    QCOMPARE(seqOf(directMessage(alice, QStringLiteral("bob"), QStringLiteral("3"))), 1);
    QCOMPARE(seqOf(roomMessage(lobby, alice, QStringLiteral("4"))), 2);
    QCOMPARE(seqOf(directMessage(alice, QStringLiteral("carol"), QStringLiteral("5"))), 1);
    QCOMPARE(seqOf(roomMessage(rust, alice, QStringLiteral("6"))), 2);
    QVERIFY(store.flush());

    QCOMPARE(store.lastSeq(lobby), 2);
    QCOMPARE(store.lastSeq(rust), 2);
    QCOMPARE(store.lastSeq(HistoryStore::directConversation(alice, QStringLiteral("bob"))), 1);
    QCOMPARE(store.messageCount(), 6);
}

void TestHistoryStore::directConversationIgnoresOrderAndCase()
{
    const QString key = HistoryStore::directConversation(QStringLiteral("alice"), QStringLiteral("bob"));
    QCOMPARE(HistoryStore::directConversation(QStringLiteral("bob"), QStringLiteral("alice")), key);
    QCOMPARE(HistoryStore::directParties(key), QStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    QVERIFY(HistoryStore::directParties(QStringLiteral("lobby")).isEmpty());
    QVERIFY(HistoryStore::directConversation(QStringLiteral("alice"), QStringLiteral("carol")) != key);
    const QRegularExpression roomName(QStringLiteral("^[a-z0-9][a-z0-9-_]{0,31}$"));
    QVERIFY(!roomName.match(key).hasMatch());
    QVERIFY(!roomName.match(HistoryStore::directConversation(QStringLiteral("a"), QStringLiteral("b"))).hasMatch());

    // Both directions, in any spelling, share one conversation and one seq counter.
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const auto first =
        appendTo(store, directMessage(QStringLiteral("Alice"), QStringLiteral("bob"), QStringLiteral("1")),
                 QStringLiteral("alice"));
    const auto second =
        appendTo(store, directMessage(QStringLiteral("BOB"), QStringLiteral("ALICE"), QStringLiteral("1")),
                 QStringLiteral("bob"));
    QCOMPARE(conversationOf(first.message), key);
    QCOMPARE(conversationOf(second.message), key);
    QCOMPARE(first.message.seq, 1);
    QCOMPARE(second.message.seq, 2);

    // A room whose name looks like a user's does not join the pair's history.
    QCOMPARE(appendTo(store, roomMessage(QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("2")),
                      QStringLiteral("bob"))
                 .message.seq,
             1);
}

void TestHistoryStore::readsOnlyCommittedMessages()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("1")),
             QStringLiteral("alice"));
    appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("2")),
             QStringLiteral("alice"));

    bool more = true;
    QVERIFY(store.latest(QStringLiteral("lobby"), 10, &more).isEmpty());
    QVERIFY(!more);
    QVERIFY(store.after(QStringLiteral("lobby"), 0, 10).isEmpty());
    QCOMPARE(store.messageCount(), 0);
    QCOMPARE(store.lastSeq(QStringLiteral("lobby")), 2);
    QCOMPARE(store.pendingCount(), 2);

    QTRY_COMPARE(committed.count(), 1);
    QCOMPARE(seqsOf(store.latest(QStringLiteral("lobby"), 10)), range(1, 2));
    QCOMPARE(store.messageCount(), 2);
}

void TestHistoryStore::batchesOneTurnIntoOneCommit()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    QSignalSpy failed(&store, &HistoryStore::commitFailed);

    QList<ChatMessage> appended;
    for (int i = 0; i < 500; ++i) {
        const QString room = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
        appended.append(
            appendTo(store, roomMessage(room, QStringLiteral("alice"), QString::number(i)), QStringLiteral("alice"))
                .message);
    }
    QCOMPARE(store.pendingCount(), 500);
    QCOMPARE(committed.count(), 0);

    QTRY_COMPARE(committed.count(), 1);
    QCOMPARE(committedMessages(committed), appended);
    QCOMPARE(store.pendingCount(), 0);
    QCOMPARE(store.messageCount(), 500);

    // Nothing left over for another commit.
    QCoreApplication::processEvents();
    QCOMPARE(committed.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(seqsOf(store.latest(QStringLiteral("odd"), 1000)), range(1, 250));
}

void TestHistoryStore::commitIsVisibleToOtherConnections()
{
    HistoryStore writer;
    QVERIFY(writer.open(dbPath()));
    // Another connection to the file, as the checkpointer and the sqlite3 shell have (a second store may not open
    // it: see secondStoreOnTheSameFileIsRefused).
    RawConnection reader(dbPath());
    const QString count = QStringLiteral("SELECT COUNT(*) FROM messages");

    qsizetype readableAtSignal = -1;
    connect(&writer, &HistoryStore::committed, this, [&] { readableAtSignal = reader.value(count).toInt(); });

    for (int i = 0; i < 500; ++i)
        appendTo(writer, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QString::number(i)),
                 QStringLiteral("alice"));
    QCOMPARE(reader.value(count).toInt(), 0);
    QTRY_COMPARE(readableAtSignal, 500);
    QCOMPARE(reader.value(count).toInt(), 500);
}

void TestHistoryStore::secondStoreOnTheSameFileIsRefused()
{
    HistoryStore first;
    QVERIFY(first.open(dbPath()));
    HistoryStore second;
    QString error;
    QVERIFY(!second.open(dbPath(), &error));
    QCOMPARE(second.openFault(), Natter::StorageFault::InUse);
    QVERIFY2(error.contains(QStringLiteral("already uses")), qPrintable(error));
    QVERIFY(!second.isOpen());

    first.close();
    QVERIFY2(second.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(second.openFault(), Natter::StorageFault::None);
}

void TestHistoryStore::duplicateBeforeCommitIsAlreadyQueued()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    const ChatMessage message = roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("x"));
    const auto first = appendTo(store, message, QStringLiteral("alice"));
    appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("bob"), QStringLiteral("y")),
             QStringLiteral("bob"));
    const auto again = appendTo(store, message, QStringLiteral("alice"));

    QCOMPARE(first.status, Status::Queued);
    QCOMPARE(again.status, Status::AlreadyQueued);
    QCOMPARE(again.message, first.message);
    QCOMPARE(store.pendingCount(), 2);
    QCOMPARE(store.lastSeq(QStringLiteral("lobby")), 2);

    QTRY_COMPARE(committed.count(), 1);
    QCOMPARE(committedMessages(committed).size(), 2);
    QCOMPARE(store.messageCount(), 2);
}

void TestHistoryStore::duplicateAfterCommitIsAlreadyStored_data()
{
    QTest::addColumn<ChatMessage>("message");
    QTest::newRow("room") << roomMessage(QStringLiteral("lobby"), QStringLiteral("Alice"), QStringLiteral("c-1"));
    QTest::newRow("direct action") << directMessage(QStringLiteral("Alice"), QStringLiteral("Bob"),
                                                    QStringLiteral("c-1"), MessageKind::Action);
}

void TestHistoryStore::duplicateAfterCommitIsAlreadyStored()
{
    QFETCH(ChatMessage, message);
    ChatMessage original;
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()));
        QSignalSpy committed(&store, &HistoryStore::committed);
        // An earlier message makes the duplicate's seq something other than 1.
        appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("bob"), QStringLiteral("b")),
                 QStringLiteral("bob"));
        appendTo(store, directMessage(QStringLiteral("Bob"), QStringLiteral("Alice"), QStringLiteral("b2")),
                 QStringLiteral("bob"));
        original = appendTo(store, message, QStringLiteral("alice")).message;
        QTRY_COMPARE(committed.count(), 1);
        QCOMPARE(original.seq, 2);

        ChatMessage resent = message;
        resent.text = QStringLiteral("edited on resend");
        const auto again = appendTo(store, resent, QStringLiteral("alice"));
        QCOMPARE(again.status, Status::AlreadyStored);
        QCOMPARE(again.message, original);
        QCOMPARE(committedMessages(committed).last(), original);
        QCOMPARE(store.pendingCount(), 0);
    }
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const auto again = appendTo(store, message, QStringLiteral("alice"));
    QCOMPARE(again.status, Status::AlreadyStored);
    QCOMPARE(again.message, original);
    QCOMPARE(store.messageCount(), 3);
}

void TestHistoryStore::serverMadeIdsAreStoredAndStillFoundAsDuplicates()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const ChatMessage message = roomMessage(QStringLiteral("lobby"), QStringLiteral("guest-1"), QStringLiteral("s-1"));
    const auto first = appendTo(store, message, QStringLiteral("guest-1"), HistoryStore::IdSource::Server);
    QCOMPARE(first.status, Status::Queued);
    QVERIFY(store.flush());
    QCOMPARE(store.latest(QStringLiteral("lobby"), 10).size(), 1);
    // The same id arriving from a client is checked as always.
    const auto again = appendTo(store, message, QStringLiteral("guest-1"));
    QCOMPARE(again.status, Status::AlreadyStored);
    QCOMPARE(again.message.seq, first.message.seq);
}

void TestHistoryStore::sameIdFromAnotherSenderIsNew()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const auto alice =
        appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("1")),
                 QStringLiteral("alice"));
    const auto bob = appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("bob"), QStringLiteral("1")),
                              QStringLiteral("bob"));
    QCOMPARE(bob.status, Status::Queued);
    QCOMPARE(bob.message.seq, alice.message.seq + 1);
    QVERIFY(store.flush());

    const auto carol =
        appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("carol"), QStringLiteral("1")),
                 QStringLiteral("carol"));
    QCOMPARE(carol.status, Status::Queued);
    QVERIFY(store.flush());
    QCOMPARE(store.messageCount(), 3);
    QCOMPARE(store.latest(QStringLiteral("lobby"), 10).at(1).from, QStringLiteral("bob"));
}

namespace {
// Five committed messages, seq 1 to 5, in room "lobby".
void fillFive(HistoryStore &store)
{
    for (int i = 1; i <= 5; ++i)
        appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QString::number(i)),
                 QStringLiteral("alice"));
    appendTo(store, roomMessage(QStringLiteral("other"), QStringLiteral("alice"), QStringLiteral("o")),
             QStringLiteral("alice"));
    store.flush();
}
} // namespace

void TestHistoryStore::latestPages_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("seqs");
    QTest::addColumn<bool>("more");
    QTest::newRow("exactly all") << 5 << range(1, 5) << false;
    QTest::newRow("one fewer") << 4 << range(2, 5) << true;
    QTest::newRow("more than stored") << 10 << range(1, 5) << false;
    QTest::newRow("newest only") << 1 << range(5, 5) << true;
    QTest::newRow("zero") << 0 << QList<qint64>() << true;
}

void TestHistoryStore::latestPages()
{
    QFETCH(int, limit);
    QFETCH(QList<qint64>, seqs);
    QFETCH(bool, more);
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    fillFive(store);

    bool hasMore = !more;
    const QList<ChatMessage> page = store.latest(QStringLiteral("lobby"), limit, &hasMore);
    QCOMPARE(seqsOf(page), seqs);
    QCOMPARE(hasMore, more);
    for (const ChatMessage &message : page) {
        QCOMPARE(message.room, QStringLiteral("lobby"));
        QCOMPARE(message.text, QStringLiteral("text of %1").arg(message.seq));
    }
}

void TestHistoryStore::beforePages_data()
{
    QTest::addColumn<qint64>("beforeSeq");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("seqs");
    QTest::addColumn<bool>("more");
    QTest::newRow("reaches the start") << qint64(3) << 2 << range(1, 2) << false;
    QTest::newRow("older remain") << qint64(5) << 2 << range(3, 4) << true;
    QTest::newRow("past the end") << qint64(100) << 5 << range(1, 5) << false;
    QTest::newRow("exactly the first") << qint64(2) << 1 << range(1, 1) << false;
    QTest::newRow("nothing older") << qint64(1) << 10 << QList<qint64>() << false;
    QTest::newRow("zero limit") << qint64(4) << 0 << QList<qint64>() << true;
}

void TestHistoryStore::beforePages()
{
    QFETCH(qint64, beforeSeq);
    QFETCH(int, limit);
    QFETCH(QList<qint64>, seqs);
    QFETCH(bool, more);
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    fillFive(store);

    bool hasMore = !more;
    QCOMPARE(seqsOf(store.before(QStringLiteral("lobby"), beforeSeq, limit, &hasMore)), seqs);
    QCOMPARE(hasMore, more);
}

void TestHistoryStore::afterPagesThroughEverything()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    fillFive(store);
    const QString lobby = QStringLiteral("lobby");

    QCOMPARE(seqsOf(store.after(lobby, 0, 2)), range(1, 2));
    QCOMPARE(seqsOf(store.after(lobby, 3, 10)), range(4, 5));
    QVERIFY(store.after(lobby, 5, 3).isEmpty());
    QVERIFY(store.after(lobby, 0, 0).isEmpty());

    // A replaying client pages from where it left off until a page comes back empty.
    QList<ChatMessage> replayed;
    qint64 seen = 0;
    int pages = 0;
    for (;;) {
        const QList<ChatMessage> page = store.after(lobby, seen, 2);
        ++pages;
        if (page.isEmpty())
            break;
        replayed += page;
        seen = page.last().seq;
    }
    QCOMPARE(pages, 4);
    QCOMPARE(replayed, store.latest(lobby, 10));
}

void TestHistoryStore::unknownConversationIsEmpty()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    fillFive(store);
    const QString nowhere = QStringLiteral("nowhere");
    bool more = true;
    QVERIFY(store.latest(nowhere, 10, &more).isEmpty());
    QVERIFY(!more);
    more = true;
    QVERIFY(store.before(nowhere, 10, 10, &more).isEmpty());
    QVERIFY(!more);
    QVERIFY(store.after(nowhere, 0, 10).isEmpty());
    QCOMPARE(store.lastSeq(nowhere), 0);
    QVERIFY(
        store.latest(HistoryStore::directConversation(QStringLiteral("x"), QStringLiteral("y")), 10, &more).isEmpty());
    QVERIFY(!more);
}

void TestHistoryStore::directMessagesKeepSenderRecipientAndKind()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const auto first = appendTo(
        store, directMessage(QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("1"), MessageKind::Action),
        QStringLiteral("alice"));
    const auto second =
        appendTo(store, directMessage(QStringLiteral("bob"), QStringLiteral("alice"), QStringLiteral("1")),
                 QStringLiteral("bob"));
    ChatMessage stray = roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("2"));
    stray.to = QStringLiteral("bob");
    stray.kind = MessageKind::Action;
    const auto inRoom = appendTo(store, stray, QStringLiteral("alice"));
    QVERIFY(store.flush());

    const QList<ChatMessage> direct =
        store.latest(HistoryStore::directConversation(QStringLiteral("alice"), QStringLiteral("bob")), 10);
    QCOMPARE(direct, QList<ChatMessage>({first.message, second.message}));
    QCOMPARE(direct.at(0).from, QStringLiteral("Alice"));
    QCOMPARE(direct.at(0).to, QStringLiteral("Bob"));
    QVERIFY(direct.at(0).room.isEmpty());
    QCOMPARE(direct.at(0).kind, MessageKind::Action);
    QCOMPARE(direct.at(1).kind, MessageKind::Text);

    // A room message has no recipient, whatever the caller left in the field.
    const QList<ChatMessage> room = store.latest(QStringLiteral("lobby"), 10);
    QCOMPARE(room, QList<ChatMessage>({inRoom.message}));
    QVERIFY(room.at(0).to.isEmpty());
    QCOMPARE(room.at(0).kind, MessageKind::Action);
}

void TestHistoryStore::seqsContinueAfterReopen()
{
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()));
        fillFive(store);
    }
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(store.lastSeq(QStringLiteral("lobby")), 5);
    const auto next = appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("bob"), QStringLiteral("6")),
                               QStringLiteral("bob"));
    QCOMPARE(next.message.seq, 6);
    QCOMPARE(appendTo(store, roomMessage(QStringLiteral("other"), QStringLiteral("bob"), QStringLiteral("7")),
                      QStringLiteral("bob"))
                 .message.seq,
             2);
    QCOMPARE(appendTo(store, roomMessage(QStringLiteral("fresh"), QStringLiteral("bob"), QStringLiteral("8")),
                      QStringLiteral("bob"))
                 .message.seq,
             1);
}

void TestHistoryStore::closeAndDestructionCommitPending()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    appendTo(store, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("1")),
             QStringLiteral("alice"));
    store.close();
    QCOMPARE(committed.count(), 1);
    QVERIFY(!store.isOpen());

    {
        auto doomed = std::make_unique<HistoryStore>();
        QVERIFY(doomed->open(dbPath()));
        appendTo(*doomed, roomMessage(QStringLiteral("lobby"), QStringLiteral("alice"), QStringLiteral("2")),
                 QStringLiteral("alice"));
    }

    QVERIFY(store.open(dbPath()));
    QCOMPARE(seqsOf(store.latest(QStringLiteral("lobby"), 10)), range(1, 2));
}

void TestHistoryStore::roomsAndTopicsPersist()
{
    {
        HistoryStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.ensureRoom(QStringLiteral("lobby")));
        QVERIFY(store.setTopic(QStringLiteral("rust"), QStringLiteral("Crabs")));
        QVERIFY(store.setTopic(QStringLiteral("lobby"), QStringLiteral("Say hello")));
        QVERIFY(store.ensureRoom(QStringLiteral("lobby")));
        appendTo(store, roomMessage(QStringLiteral("beta"), QStringLiteral("alice"), QStringLiteral("1")),
                 QStringLiteral("alice"));
        appendTo(store, directMessage(QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("2")),
                 QStringLiteral("alice"));
        QVERIFY(!store.ensureRoom(HistoryStore::directConversation(QStringLiteral("a"), QStringLiteral("b"))));
    }
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    const QList<Natter::StoredRoom> rooms = store.rooms();
    QStringList names;
    QStringList topics;
    for (const Natter::StoredRoom &room : rooms) {
        names.append(room.name);
        topics.append(room.topic);
    }
    QCOMPARE(names, QStringList({QStringLiteral("beta"), QStringLiteral("lobby"), QStringLiteral("rust")}));
    QCOMPARE(topics, QStringList({QString(), QStringLiteral("Say hello"), QStringLiteral("Crabs")}));
    QCOMPARE(store.messageCount(), 2);
}

void TestHistoryStore::commitFailureFreesSeqs()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    QSignalSpy failed(&store, &HistoryStore::commitFailed);
    const QString lobby = QStringLiteral("lobby");
    const auto send = [&](const QString &id) {
        return appendTo(store, roomMessage(lobby, QStringLiteral("alice"), id), QStringLiteral("alice"));
    };
    send(QStringLiteral("1"));
    QVERIFY(store.flush());
    const auto second = send(QStringLiteral("2"));
    const auto third = send(QStringLiteral("3"));
    QCOMPARE(third.message.seq, 3);

    // Another writer takes seq 3 behind the store's back, so the batch cannot be inserted.
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO messages (conversation, seq, sender_key, sender, client_id, kind, "
                                        "text, ts) SELECT id, 3, 'mallory', 'mallory', 'm', 0, 'mine', 0 "
                                        "FROM conversations WHERE key = 'lobby'")));
    }
    QVERIFY(!store.flush());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<QList<ChatMessage>>(), QList<ChatMessage>({second.message, third.message}));
    QVERIFY(!failed.at(0).at(2).toString().isEmpty());
    QCOMPARE(committed.count(), 1);
    QCOMPARE(store.pendingCount(), 0);
    // All or nothing: seq 2 was not kept although only seq 3 collided.
    QCOMPARE(seqsOf(store.latest(lobby, 10)), QList<qint64>({1, 3}));
    QCOMPARE(store.lastSeq(lobby), 3);

    // The failed messages are new again, numbered after what the database holds.
    const auto retried = send(QStringLiteral("2"));
    QCOMPARE(retried.status, Status::Queued);
    QCOMPARE(retried.message.seq, 4);
    QTRY_COMPARE(committed.count(), 2);
    QCOMPARE(seqsOf(store.latest(lobby, 10)), QList<qint64>({1, 3, 4}));
    QCOMPARE(failed.count(), 1);
}

void TestHistoryStore::commitFailureRollsBackNewConversations()
{
    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy committed(&store, &HistoryStore::committed);
    QSignalSpy failed(&store, &HistoryStore::commitFailed);
    RawConnection raw(dbPath());
    QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON messages "
                                    "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")));

    const ChatMessage inRoom = roomMessage(QStringLiteral("fresh"), QStringLiteral("alice"), QStringLiteral("1"));
    const ChatMessage direct = directMessage(QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("2"));
    appendTo(store, inRoom, QStringLiteral("alice"));
    appendTo(store, direct, QStringLiteral("alice"));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(2).toString().contains(u"disk says no"), qPrintable(failed.at(0).at(2).toString()));
    QCOMPARE(committed.count(), 0);
    QCOMPARE(store.pendingCount(), 0);
    QCOMPARE(store.messageCount(), 0);
    QVERIFY(store.rooms().isEmpty());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 0);

    QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER refuse")));
    QCOMPARE(appendTo(store, inRoom, QStringLiteral("alice")).message.seq, 1);
    QCOMPARE(appendTo(store, direct, QStringLiteral("alice")).message.seq, 1);
    QTRY_COMPARE(committed.count(), 1);
    QCOMPARE(store.messageCount(), 2);
    QCOMPARE(store.rooms().size(), 1);
    QCOMPARE(store.rooms().constFirst().name, QStringLiteral("fresh"));
}

void TestHistoryStore::storesInSeveralThreads()
{
    const auto work = [](const QString &path, const QString &room) {
        HistoryStore store;
        if (!store.open(path))
            return false;
        for (int i = 0; i < 200; ++i)
            appendTo(store, roomMessage(room, QStringLiteral("alice"), QString::number(i)), room);
        return store.flush() && store.lastSeq(room) == 200;
    };

    const QString otherPath = m_dir->filePath(QStringLiteral("other.db"));
    bool threadOk = false;
    // One store per file at a time (a second is refused, see HistoryFileLock): the thread opens its file twice,
    // one store after the other, while the main thread works on its own file.
    std::unique_ptr<QThread> thread(QThread::create(
        [&] { threadOk = work(otherPath, QStringLiteral("far")) && work(otherPath, QStringLiteral("shared")); }));
    thread->start();
    const bool mainOk = work(dbPath(), QStringLiteral("near"));
    QVERIFY(thread->wait(QDeadlineTimer(60000)));
    QVERIFY(mainOk);
    QVERIFY(threadOk);

    HistoryStore store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(store.lastSeq(QStringLiteral("near")), 200);
    QCOMPARE(store.messageCount(), 200);
    QVERIFY(store.open(otherPath));
    QCOMPARE(store.lastSeq(QStringLiteral("far")), 200);
    QCOMPARE(store.lastSeq(QStringLiteral("shared")), 200);
    QCOMPARE(store.messageCount(), 400);
}

void TestHistoryStore::itsTimersMoveWithTheStore()
{
    // A store made in one thread and moved to another (the hosted server's) takes its timers along: the search
    // index's purge could not start in a thread its timer does not live in, and deleted words would stay on disk.
    QThread worker;
    auto *store = new HistoryStore;
    store->moveToThread(&worker);
    const QList<QTimer *> timers = store->findChildren<QTimer *>();
    QVERIFY(!timers.isEmpty());
    for (const QObject *child : store->findChildren<QObject *>())
        QCOMPARE(child->thread(), &worker);
    worker.start();
    QMetaObject::invokeMethod(
        store, [store] { delete store; }, Qt::BlockingQueuedConnection);
    worker.quit();
    QVERIFY(worker.wait(5000));
}

QTEST_GUILESS_MAIN(TestHistoryStore)

#include "tst_historystore.moc"
