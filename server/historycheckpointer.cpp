#include "historycheckpointer.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

void HistoryCheckpointer::lowerThisThreadsPriority()
{
    // Copying pages back is never urgent, but it must always make progress: it holds SQLite's checkpoint lock,
    // and past the cap the server waits for it. QThread::IdlePriority (SCHED_IDLE) could starve it for as long
    // as the machine is busy, and Qt's other priorities do nothing under Linux's default scheduler. A nice
    // value of 10 gives it about a tenth of a contended core. (On Linux the nice value belongs to the thread.)
#ifdef Q_OS_LINUX
    if (setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 10) != 0)
        qCDebug(lcStore) << "Could not lower the checkpoint thread's priority:" << qt_error_string(errno);
#endif
}

void HistoryCheckpointer::checkpointUntilCaughtUp(const QSqlDatabase &db)
{
    // A checkpoint copies the log as it was when it began; what the server commits meanwhile stays behind,
    // and SQLite only starts the log over once a checkpoint has caught up with it. Each further round has
    // less to copy, so a few rounds usually catch up even under steady load.
    constexpr int MaxRounds = 8;
    QSqlQuery query(db);
    int previousLogPages = -1;
    for (int round = 0; round < MaxRounds; ++round) {
        if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next()) {
            qCDebug(lcStore) << "Background checkpoint failed:" << query.lastError().text();
            return;
        }
        const int logPages = query.value(1).toInt();
        const int copied = query.value(2).toInt();
        query.finish();
        qCDebug(lcStore) << "Checkpointed" << copied << "of" << logPages << "log pages";
        if (logPages == previousLogPages || logPages <= 0 || copied < logPages)
            return; // caught up, started over, or held back by a reader: nothing more to gain now
        previousLogPages = logPages;
    }
}

void HistoryCheckpointer::committed()
{
    if (m_path.isEmpty() || ++m_commitsSinceCheckpoint < m_commitsPerCheckpoint)
        return;
    if (QFileInfo(m_path + QStringLiteral("-wal")).size() > m_maxLogBytes) {
        // The worker did not keep up. The cap is a hard limit: let a run under way finish (it holds SQLite's
        // checkpoint lock and has done most of the copying), then catch up here, where nothing writes meanwhile.
        QElapsedTimer clock;
        clock.start();
        m_pool.waitForDone();
        m_checkpointInPlace();
        qCDebug(lcStore) << "The history log passed" << m_maxLogBytes << "bytes; checkpointed in place in"
                         << clock.elapsed() << "ms";
        m_commitsSinceCheckpoint = 0;
        m_checkpointsRun.fetch_add(1);
        return;
    }
    if (m_running.exchange(true))
        return; // the one under way will be followed by another after the next commits
    m_commitsSinceCheckpoint = 0;
    m_pool.start([this, path = m_path] {
        lowerThisThreadsPriority();
        const QString name = QStringLiteral("natter-checkpoint-%1").arg(connectionCounter.fetch_add(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            // A busy checkpoint is simply tried again later; it must not wait here for locks.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            if (db.open())
                checkpointUntilCaughtUp(db);
            else
                qCDebug(lcStore) << "Background checkpoint failed:" << db.lastError().text();
        }
        QSqlDatabase::removeDatabase(name);
        m_checkpointsRun.fetch_add(1);
        m_running.store(false);
    });
}

} // namespace Natter
