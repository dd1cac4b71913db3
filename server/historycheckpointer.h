#pragma once

// Copies the history's write-ahead log back into the database file on a worker thread.
//
// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the committing thread,
// and ends with an fsync of the database file: every so often one event-loop pass of the server stalls for
// milliseconds and every message in flight waits. With the automatic checkpoint switched off, this class runs
// a PASSIVE checkpoint on its own connection in a worker thread every so many commits. PASSIVE never blocks
// the writer. Under unbroken load a checkpoint may not catch up with the log, so when the log file has grown
// past a cap the checkpoint runs on the writer's connection instead, where nothing can write meanwhile. SQLite
// reuses the log file from its start after a complete checkpoint but keeps its size; HistoryDatabase sets
// journal_size_limit so the file is cut back and the cap measures the log rather than its high-water mark.

#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE

namespace Natter {

class HistoryCheckpointer
{
public:
    HistoryCheckpointer();
    ~HistoryCheckpointer();
    HistoryCheckpointer(const HistoryCheckpointer &) = delete;
    HistoryCheckpointer &operator=(const HistoryCheckpointer &) = delete;

    // The database file to checkpoint, and how to checkpoint on the writer's connection when the log is too big.
    void start(const QString &databasePath, std::function<void()> checkpointInPlace);
    // Waits for a running checkpoint; nothing more runs until start() is called again.
    void stop();

    // Called after every commit.
    void committed();

    void setCommitsPerCheckpoint(int commits) { m_commitsPerCheckpoint = commits; }
    void setMaxLogBytes(qint64 bytes) { m_maxLogBytes = bytes; }
    qint64 maxLogBytes() const { return m_maxLogBytes; }
    int checkpointsRun() const { return m_checkpointsRun.load(); }

private:
    static void lowerThisThreadsPriority();
    static void checkpointUntilCaughtUp(const QSqlDatabase &db);

    QThreadPool m_pool;
    QString m_path;
    std::function<void()> m_checkpointInPlace;
    int m_commitsPerCheckpoint = 200;
    qint64 m_maxLogBytes = qint64(64) << 20;
    int m_commitsSinceCheckpoint = 0;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_checkpointsRun{0};
};

} // namespace Natter
