#pragma once

// Holds the lock file next to a history database (its path + ".lock") for as long as a server uses the file, so
// that a second server on the same file refuses to start instead of assigning the same seqs.

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace Natter {

class HistoryFileLock
{
public:
    HistoryFileLock();
    ~HistoryFileLock();
    HistoryFileLock(const HistoryFileLock &) = delete;
    HistoryFileLock &operator=(const HistoryFileLock &) = delete;

    // Takes the lock of the database at databasePath. False, with a message naming the holder, when another
    // server (in this process or another) holds it, or the lock file cannot be made.
    bool acquire(const QString &databasePath, QString *errorMessage);
    void release();
    bool isHeld() const { return m_lock != nullptr; }

    static QString lockFilePath(const QString &databasePath);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Natter
