#include "historycheck.h"

#include "validation.h"

#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace {

struct StoredPlace
{
    QString room;
    qint64 seq = 0;
};

int checkWith(QSqlDatabase &database, const QString &ledgerPath)
{
    QHash<std::pair<QString, QString>, QList<StoredPlace>> stored; // (sender_key, client_id) -> rows
    QHash<QString, int> texts;
    QSqlQuery rows(database);
    if (!rows.exec(QStringLiteral("SELECT c.key, m.seq, m.sender_key, m.client_id, m.text FROM messages m "
                                  "JOIN conversations c ON c.id = m.conversation WHERE c.kind = 0"))) {
        std::fprintf(stderr, "soak check: %s\n", qPrintable(rows.lastError().text()));
        return -1;
    }
    long long storedRows = 0;
    while (rows.next()) {
        ++storedRows;
        stored[{rows.value(2).toString(), rows.value(3).toString()}].append(
            {rows.value(0).toString(), rows.value(1).toLongLong()});
        ++texts[rows.value(4).toString()];
    }

    QFile ledger(ledgerPath);
    if (!ledger.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "soak check: cannot read %s\n", qPrintable(ledgerPath));
        return -1;
    }
    long long acked = 0, lost = 0, duplicated = 0, misplaced = 0;
    QHash<std::pair<QString, QString>, bool> ackedKeys;
    while (!ledger.atEnd()) {
        const QList<QByteArray> fields = ledger.readLine().trimmed().split('\t');
        if (fields.size() != 4)
            continue;
        ++acked;
        const auto key = std::make_pair(QStringLiteral("name:") + Natter::Protocol::nameKey(QString::fromUtf8(fields[0])),
                                        QString::fromUtf8(fields[1]));
        ackedKeys.insert(key, true);
        const QList<StoredPlace> places = stored.value(key);
        if (places.isEmpty()) {
            ++lost;
            std::printf("soak check: LOST %s %s (acked %s/%s)\n", fields[0].constData(), fields[1].constData(),
                        fields[2].constData(), fields[3].constData());
        } else if (places.size() > 1) {
            ++duplicated;
            std::printf("soak check: STORED %lld TIMES %s %s\n", static_cast<long long>(places.size()),
                        fields[0].constData(), fields[1].constData());
        } else if (places.constFirst().room != QString::fromUtf8(fields[2])
                   || places.constFirst().seq != fields[3].toLongLong()) {
            ++misplaced;
            std::printf("soak check: %s %s acked as %s/%s, stored as %s/%lld\n", fields[0].constData(),
                        fields[1].constData(), fields[2].constData(), fields[3].constData(),
                        qPrintable(places.constFirst().room), static_cast<long long>(places.constFirst().seq));
        }
    }

    long long repeatedTexts = 0;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (it.value() > 1) {
            ++repeatedTexts;
            if (repeatedTexts <= 10)
                std::printf("soak check: text stored %d times: %s\n", it.value(), qPrintable(it.key().left(80)));
        }
    }
    long long unacknowledged = 0;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (it.key().first.startsWith(QLatin1String("name:soak-")) && !ackedKeys.contains(it.key()))
            ++unacknowledged;
    }

    QSqlQuery runs(database);
    long long seqGaps = 0;
    if (!runs.exec(QStringLiteral("SELECT c.key, COUNT(*), MIN(m.seq), MAX(m.seq) FROM messages m "
                                  "JOIN conversations c ON c.id = m.conversation GROUP BY m.conversation"))) {
        std::fprintf(stderr, "soak check: %s\n", qPrintable(runs.lastError().text()));
        return -1;
    }
    while (runs.next()) {
        if (runs.value(2).toLongLong() != 1 || runs.value(3).toLongLong() != runs.value(1).toLongLong()) {
            ++seqGaps;
            std::printf("soak check: %s holds %lld messages with seqs %lld to %lld\n",
                        qPrintable(runs.value(0).toString()), runs.value(1).toLongLong(), runs.value(2).toLongLong(),
                        runs.value(3).toLongLong());
        }
    }

    std::printf("soak check: %lld acknowledged, %lld rows stored (%lld of soak clients never acknowledged); "
                "lost %lld, stored more than once %lld, at another place %lld, texts stored twice %lld, "
                "conversations with seq gaps %lld\n",
                acked, storedRows, unacknowledged, lost, duplicated, misplaced, repeatedTexts, seqGaps);
    return int(std::min<long long>(lost + duplicated + misplaced + repeatedTexts + seqGaps, 1 << 30));
}

} // namespace

int checkHistory(const QString &databasePath, const QString &ledgerPath)
{
    int problems = -1;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("soakcheck"));
        database.setDatabaseName(databasePath);
        database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (database.open())
            problems = checkWith(database, ledgerPath);
        else
            std::fprintf(stderr, "soak check: cannot open %s: %s\n", qPrintable(databasePath),
                         qPrintable(database.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("soakcheck"));
    return problems;
}
