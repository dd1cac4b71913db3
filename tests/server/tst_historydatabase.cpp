// HistoryDatabase keeps its statements prepared. Reusing them must give fresh results for new values, must not
// remember a statement that failed, and must not leave a read snapshot open that would keep the WAL from being
// checkpointed. The WAL is checkpointed off the writer's thread, or in place once it has grown too big.

#include "historydatabase.h"
#include "historystore.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using Natter::Protocol::ChatMessage;

class TestHistoryDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void reusedStatementsSeeNewValues()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        const QString insert = QStringLiteral("INSERT INTO conversations (key, kind, created_ms) VALUES (?, 0, ?)");
        const QString select = QStringLiteral("SELECT created_ms FROM conversations WHERE key = ?");
        for (int i = 0; i < 5; ++i)
            QVERIFY(database.run(insert, {QStringLiteral("room-%1").arg(i), i * 10}).has_value());
        for (int i = 4; i >= 0; --i)
            QCOMPARE(database.scalar(select, {QStringLiteral("room-%1").arg(i)}), QVariant(qint64(i * 10)));
        QCOMPARE(database.scalar(select, {QStringLiteral("no such room")}), QVariant());
        QCOMPARE(database.scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), QVariant(qint64(5)));
    }

    void failedStatementsAreReportedEveryTime()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        for (int attempt = 0; attempt < 2; ++attempt) {
            QString error;
            QVERIFY(!database.run(QStringLiteral("SELECT value FROM nowhere"), {}, &error).has_value());
            QVERIFY2(error.contains(u"nowhere"), qPrintable(error));
        }
        // A constraint violation fails at run time; the statement stays usable with other values.
        const QString insert = QStringLiteral("INSERT INTO conversations (key, kind, created_ms) VALUES (?, ?, 0)");
        QVERIFY(database.run(insert, {QStringLiteral("lobby"), 0}).has_value());
        QString error;
        QVERIFY(!database.run(insert, {QStringLiteral("lobby"), 0}, &error).has_value());
        QVERIFY2(error.contains(u"UNIQUE"), qPrintable(error));
        QVERIFY(database.run(insert, {QStringLiteral("dev"), 0}).has_value());
    }

    // Every kind of read the store makes, then a second connection checkpoints the whole WAL away: impossible
    // while any statement of the store still holds a read snapshot.
    void readsLeaveNoSnapshotOpen()
    {
        HistoryStore store;
        QVERIFY(store.open(path()));
        for (int i = 0; i < 20; ++i) {
            ChatMessage message;
            message.room = QStringLiteral("lobby");
            message.from = QStringLiteral("Alice");
            message.id = QString::number(i);
            message.text = QStringLiteral("hello %1").arg(i);
            store.append(message.room, message, QStringLiteral("alice"));
        }
        QVERIFY(store.flush());
        ChatMessage resend;
        resend.room = QStringLiteral("lobby");
        resend.id = QStringLiteral("3");
        QCOMPARE(store.append(resend.room, resend, QStringLiteral("alice")).status,
                 HistoryStore::AppendStatus::AlreadyStored);
        bool more = false;
        QCOMPARE(store.latest(QStringLiteral("lobby"), 5, &more).size(), 5);
        QVERIFY(more);
        QCOMPARE(store.before(QStringLiteral("lobby"), 10, 3, &more).size(), 3);
        QCOMPARE(store.after(QStringLiteral("lobby"), 15, 100).size(), 5);
        QCOMPARE(store.lastSeq(QStringLiteral("lobby")), 20);
        QCOMPARE(store.messageCount(), 20);

        const QString name = QStringLiteral("checkpointer");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(path());
            other.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            QVERIFY(other.open());
            QSqlQuery checkpoint(other);
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(checkpoint.next());
            QCOMPARE(checkpoint.value(0).toInt(), 0); // not blocked by a reader
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(QFileInfo(path() + QStringLiteral("-wal")).size(), 0);
    }

    void automaticCheckpointIsOff()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        QCOMPARE(database.scalar(QStringLiteral("PRAGMA journal_mode")), QVariant(QStringLiteral("wal")));
        QCOMPARE(database.scalar(QStringLiteral("PRAGMA wal_autocheckpoint")), QVariant(qint64(0)));
    }

    void checkpointsInTheBackground()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        database.setCheckpointPolicy(5, qint64(1) << 30);
        const qint64 before = QFileInfo(path()).size();
        for (int i = 0; i < 4; ++i)
            QVERIFY(commitConversation(database, i));
        QTest::qWait(50);
        QCOMPARE(database.checkpointsRun(), 0);
        QCOMPARE(QFileInfo(path()).size(), before); // everything is still in the log
        QVERIFY(commitConversation(database, 4));
        QTRY_COMPARE(database.checkpointsRun(), 1);
        QVERIFY(QFileInfo(path()).size() > before);
        // Writing goes on while and after the checkpoint runs.
        for (int i = 5; i < 40; ++i)
            QVERIFY(commitConversation(database, i));
        QTRY_VERIFY(database.checkpointsRun() >= 2);
        QCOMPARE(database.scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), QVariant(qint64(40)));
    }

    void bigLogIsCheckpointedInPlace()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        database.setCheckpointPolicy(1, 0);
        const qint64 before = QFileInfo(path()).size();
        QVERIFY(commitConversation(database, 0));
        // No waiting: the commit that found the log too big checkpointed before it returned.
        QCOMPARE(database.checkpointsRun(), 1);
        QVERIFY(QFileInfo(path()).size() > before);
    }

    // A log that grew big under load is cut back once a checkpoint has caught up, so the cap keeps measuring
    // the log and not its largest size ever.
    void logFileShrinksAfterCatchingUp()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        constexpr qint64 Cap = qint64(256) << 10;
        database.setCheckpointPolicy(1, Cap);
        const QString wal = path() + QStringLiteral("-wal");
        QVERIFY(database.execute(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(database
                    .run(QStringLiteral("INSERT INTO conversations (key, kind, topic, created_ms) VALUES (?, 0, ?, 0)"),
                         {QStringLiteral("big"), QString(qsizetype(1) << 20, u'x')})
                    .has_value());
        QVERIFY(database.execute(QStringLiteral("COMMIT")));
        QVERIFY(QFileInfo(wal).size() > Cap);
        database.committed(); // over the cap: checkpointed in place
        QCOMPARE(database.checkpointsRun(), 1);
        QVERIFY(commitConversation(database, 1));
        QVERIFY2(QFileInfo(wal).size() <= Cap / 4, qPrintable(QString::number(QFileInfo(wal).size())));
        QTRY_COMPARE(database.checkpointsRun(), 2); // a small log is left to the worker again
    }

    // Commits as fast as the thread can go: the worker never catches up, and the cap must still hold.
    void capHoldsUnderUnbrokenLoad()
    {
        HistoryDatabase database;
        QVERIFY(database.open(path()));
        constexpr qint64 Cap = qint64(256) << 10;
        database.setCheckpointPolicy(2, Cap);
        const QString wal = path() + QStringLiteral("-wal");
        const QString topic(qsizetype(16) << 10, u't');
        qint64 largest = 0;
        for (int i = 0; i < 300; ++i) {
            QVERIFY(database.execute(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(
                database
                    .run(QStringLiteral("INSERT INTO conversations (key, kind, topic, created_ms) VALUES (?, 0, ?, 0)"),
                         {QStringLiteral("room-%1").arg(i), topic})
                    .has_value());
            QVERIFY(database.execute(QStringLiteral("COMMIT")));
            database.committed();
            largest = std::max(largest, QFileInfo(wal).size());
        }
        // Two commits of about 20 KiB each may land between checks.
        QVERIFY2(largest <= Cap + (qint64(128) << 10), qPrintable(QString::number(largest)));
        QCOMPARE(database.scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")), QVariant(qint64(300)));
    }

private:
    static bool commitConversation(HistoryDatabase &database, int i)
    {
        const bool ok = database.execute(QStringLiteral("BEGIN IMMEDIATE"))
            && database
                   .run(QStringLiteral("INSERT INTO conversations (key, kind, created_ms) VALUES (?, 0, 0)"),
                        {QStringLiteral("room-%1").arg(i)})
                   .has_value()
            && database.execute(QStringLiteral("COMMIT"));
        if (ok)
            database.committed();
        return ok;
    }

    QString path() const { return m_dir->filePath(QStringLiteral("history.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryDatabase)
#include "tst_historydatabase.moc"
