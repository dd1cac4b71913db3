#include "historyfilelock.h"

#include "logging.h"

#include <QLockFile>

namespace Natter {

HistoryFileLock::HistoryFileLock() = default;

HistoryFileLock::~HistoryFileLock() = default;

QString HistoryFileLock::lockFilePath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

bool HistoryFileLock::acquire(const QString &databasePath, QString *errorMessage)
{
    release();
    // A lock whose process is gone is stale and taken over: QLockFile checks the process id, and the flock() it
    // holds on the file shows whether the holder still lives. A live holder's lock never goes stale by age
    // (stale time 0), however long that server runs.
    auto lock = std::make_unique<QLockFile>(lockFilePath(databasePath));
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        return true;
    }
    QString message;
    qint64 pid = 0;
    QString host;
    QString application;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &application)) {
        message = QStringLiteral("Another Natter server (%1, process %2 on %3) already uses the history database "
                                 "%4. Run one server per database file: stop that one, or give this one another "
                                 "path with --db.")
                      .arg(application)
                      .arg(pid)
                      .arg(host, databasePath);
    } else if (lock->error() == QLockFile::LockFailedError) {
        message = QStringLiteral("Another Natter server already uses the history database %1 (its lock file %2 is "
                                 "held). Run one server per database file.")
                      .arg(databasePath, lockFilePath(databasePath));
    } else {
        message = QStringLiteral("Cannot create the lock file %1 next to the history database.")
                      .arg(lockFilePath(databasePath));
    }
    qCWarning(lcStore).noquote() << message;
    if (errorMessage)
        *errorMessage = message;
    return false;
}

void HistoryFileLock::release()
{
    m_lock.reset(); // QLockFile's destructor unlocks and removes the file
}

} // namespace Natter
