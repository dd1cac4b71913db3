// Search at scale: a room of 1,000,000 stored messages with words drawn like real chat (a few very common, most
// rare). Prints how long a one-word search takes server-side (parse, index, ranking, snippets, encoding) for a
// rare, a middling and a very common word; what an edit costs the store next to a new message; how long the
// migration takes to index an existing file; and how many bytes the index adds per message.
// Run by hand on a Release build: bench_search.

#include "historystore.h"
#include "messagesearch.h"
#include "searchquery.h"
#include "servermessages.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

constexpr int Messages = 1'000'000;
constexpr int Vocabulary = 50'000;

// Word i is drawn with a probability proportional to 1 / (i + 1) (Zipf), as words in chat are.
class Words
{
public:
    Words()
    {
        QRandomGenerator random(7);
        m_words.reserve(Vocabulary);
        for (int i = 0; i < Vocabulary; ++i) {
            QString word;
            const int length = 2 + int(random.bounded(9));
            for (int c = 0; c < length; ++c)
                word.append(QChar(u'a' + random.bounded(26)));
            m_words.append(word + QString::number(i, 36));
        }
        double sum = 0;
        for (int i = 0; i < Vocabulary; ++i) {
            sum += 1.0 / (i + 1);
            m_cumulative.append(sum);
        }
    }
    QString draw(QRandomGenerator &random) const
    {
        const double x = random.generateDouble() * m_cumulative.last();
        const auto it = std::lower_bound(m_cumulative.cbegin(), m_cumulative.cend(), x);
        return m_words.at(qMin<qsizetype>(it - m_cumulative.cbegin(), Vocabulary - 1));
    }
    const QString &at(int rank) const { return m_words.at(rank); }

private:
    QStringList m_words;
    QList<double> m_cumulative;
};

double medianMs(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

qint64 scalar(const QString &path, const QString &statement)
{
    qint64 value = -1;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(statement) && query.next())
                value = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return value;
}

bool exec(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return ok;
}

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    HistoryStore m_store;
    QString m_path;
    Words m_words;

    void fill()
    {
        QRandomGenerator random(11);
        const QStringList senders{QStringLiteral("Ada"), QStringLiteral("Bob"), QStringLiteral("Carol")};
        for (int i = 0; i < Messages; ++i) {
            const QString &from = senders.at(i % senders.size());
            ChatMessage message;
            message.room = QStringLiteral("big");
            message.from = from;
            message.id = QStringLiteral("m-%1").arg(i);
            QStringList words;
            const int count = 3 + int(random.bounded(12));
            for (int w = 0; w < count; ++w)
                words.append(m_words.draw(random));
            message.text = words.join(u' ');
            m_store.append(message.room, message, from.toLower());
            if (i % 10'000 == 9'999)
                QVERIFY(m_store.flush());
        }
        QVERIFY(m_store.flush());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(m_store.open(m_path));
        QElapsedTimer timer;
        timer.start();
        fill();
        qInfo("stored %d messages (with their index) in %lld ms", Messages, timer.elapsed());
        m_store.close();
        QVERIFY(m_store.open(m_path));
    }

    void oneWordSearch()
    {
        MessageSearch search(&m_store, nullptr);
        const auto scope = search.scopeOf(QStringLiteral("big"));
        QVERIFY(scope);
        const QList<std::pair<const char *, int>> words{{"rare", 20'000}, {"middling", 200}, {"very common", 0}};
        for (const auto &[label, rank] : words) {
            SearchRequest request;
            request.query = m_words.at(rank);
            request.room = QStringLiteral("big");
            const auto query = SearchQuery::parse(request.query);
            QVERIFY(query);
            const qint64 matches = scalar(m_path,
                                          QStringLiteral("SELECT COUNT(*) FROM message_words WHERE "
                                                         "message_words MATCH '%1'")
                                              .arg(query->matchExpression()));
            QList<double> samples;
            int hits = 0;
            for (int run = 0; run < 31; ++run) {
                QElapsedTimer timer;
                timer.start();
                const auto results = search.search(*query, request, {*scope}, QString());
                const QByteArray frame = encodeFrameUtf8(*results);
                samples.append(timer.nsecsElapsed() / 1e6);
                hits = int(results->hits.size());
                QVERIFY(!frame.isEmpty());
            }
            qInfo("one-word search, %s word (%lld of %d messages match): median %.2f ms, %d hits", label, matches,
                  Messages, medianMs(samples), hits);
        }
    }

    void editCostsNoMoreThanANewMessage()
    {
        // Batches of 1,000, as a busy server commits them: new messages, then edits of recent ones.
        constexpr int Batch = 1000;
        QList<double> newMs;
        QList<double> editMs;
        QRandomGenerator random(3);
        for (int round = 0; round < 9; ++round) {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < Batch; ++i) {
                ChatMessage message;
                message.room = QStringLiteral("big");
                message.from = QStringLiteral("Ada");
                message.id = QStringLiteral("n-%1-%2").arg(round).arg(i);
                message.text = m_words.draw(random) + u' ' + m_words.draw(random) + u' ' + m_words.draw(random);
                m_store.append(message.room, message, QStringLiteral("ada"));
            }
            QVERIFY(m_store.flush());
            newMs.append(timer.nsecsElapsed() / 1e6);

            const qint64 last = m_store.lastSeq(QStringLiteral("big"));
            timer.start();
            for (int i = 0; i < Batch; ++i) {
                ChatMessage edit;
                edit.room = QStringLiteral("big");
                edit.from = QStringLiteral("Ada");
                edit.id = QStringLiteral("e-%1-%2").arg(round).arg(i);
                edit.kind = MessageKind::Edit;
                edit.target = last - Batch + 1 + i;
                edit.text = m_words.draw(random) + u' ' + m_words.draw(random) + u' ' + m_words.draw(random);
                m_store.append(edit.room, edit, QStringLiteral("ada"));
            }
            QVERIFY(m_store.flush());
            editMs.append(timer.nsecsElapsed() / 1e6);
        }
        qInfo("store cost per batch of %d: new messages median %.1f ms, edits median %.1f ms (%.2fx)", Batch,
              medianMs(newMs), medianMs(editMs), medianMs(editMs) / medianMs(newMs));
    }

    void indexBytesAndMigration()
    {
        m_store.close();
        // The same file without its index, compacted, against the file with it, compacted.
        const QString without = m_dir.filePath(QStringLiteral("without.sqlite"));
        QVERIFY(QFile::copy(m_path, without));
        QVERIFY(exec(m_path, {QStringLiteral("VACUUM")}));
        QVERIFY(exec(without,
                     {QStringLiteral("DROP TRIGGER message_words_insert"),
                      QStringLiteral("DROP TRIGGER message_words_update"),
                      QStringLiteral("DROP TRIGGER message_words_delete"), QStringLiteral("DROP TABLE message_words"),
                      // What the later steps add too, so that the migration from schema 3 runs them all.
                      QStringLiteral("DROP TABLE reactions"), QStringLiteral("DROP TABLE read_markers"),
                      QStringLiteral("PRAGMA user_version = 3"), QStringLiteral("VACUUM")}));
        const double with = QFileInfo(m_path).size();
        const double base = QFileInfo(without).size();
        const qint64 count = scalar(m_path, QStringLiteral("SELECT COUNT(*) FROM messages"));
        qInfo("database %.0f bytes per message with the index, %.0f without: the index adds %.0f%%", with / count,
              base / count, 100.0 * (with - base) / base);

        HistoryStore migrated;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(migrated.open(without));
        qInfo("migrating %lld messages to schema %d (building the index) took %lld ms", count,
              HistoryStore::SchemaVersion, timer.elapsed());
        QCOMPARE(migrated.schemaVersion(), HistoryStore::SchemaVersion);
    }
};

QTEST_GUILESS_MAIN(BenchSearch)
#include "bench_search.moc"
