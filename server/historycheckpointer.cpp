#include "historycheckpointer.h"

#include "logging.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Natter {

namespace {
std::atomic<quint64> connectionCounter{0};
}

HistoryCheckpointer::HistoryCheckpointer()
{
    m_pool.setMaxThreadCount(1);
}

HistoryCheckpointer::~HistoryCheckpointer()
{
    stop();
}

void HistoryCheckpointer::start(const QString &databasePath, std::function<void()> checkpointInPlace)
{
    stop();
    m_path = databasePath;
    m_checkpointInPlace = std::move(checkpointInPlace);
    m_commitsSinceCheckpoint = 0;
}

void HistoryCheckpointer::stop()
{
    m_pool.waitForDone();
    m_path.clear();
    m_checkpointInPlace = {};
}

void HistoryCheckpointer::committed()
{
    if (m_path.isEmpty() || ++m_commitsSinceCheckpoint < m_commitsPerCheckpoint)
        return;
    if (QFileInfo(m_path + QStringLiteral("-wal")).size() > m_maxLogBytes) {
        // Wait for a background checkpoint first: two checkpointers only get in each other's way.
        m_pool.waitForDone();
        qCDebug(lcStore) << "The history log passed" << m_maxLogBytes << "bytes; checkpointing in place";
        m_checkpointInPlace();
        m_commitsSinceCheckpoint = 0;
        m_checkpointsRun.fetch_add(1);
        return;
    }
    if (m_running.exchange(true))
        return; // the one under way will be followed by another after the next commits
    m_commitsSinceCheckpoint = 0;
    m_pool.start([this, path = m_path] {
        const QString name = QStringLiteral("natter-checkpoint-%1").arg(connectionCounter.fetch_add(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            // A busy checkpoint is simply tried again later; it must not wait here for locks.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            QSqlQuery query(db);
            if (!db.open() || !query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qCDebug(lcStore) << "Background checkpoint failed:" << query.lastError().text();
            else if (query.next())
                qCDebug(lcStore) << "Checkpointed" << query.value(2).toInt() << "of" << query.value(1).toInt()
                                 << "log pages";
        }
        QSqlDatabase::removeDatabase(name);
        m_checkpointsRun.fetch_add(1);
        m_running.store(false);
    });
}

} // namespace Natter
