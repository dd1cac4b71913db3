#pragma once

// Knows whether the history can be written now: after a commit fails because of the storage (disk full, file
// read-only, I/O error, another program's lock), new messages are refused until a test write commits again. It
// tries that write with a growing delay, and logs each change of state once, not once per message.

#include "storagefault.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Natter {

class HistoryDatabase;

class StorageAvailability : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFirstRetryMs = 500;
    static constexpr int DefaultMaxRetryMs = 30'000;
    // Free space the file system must have before a test write is tried after a full disk: a write that just
    // fits into what a failed commit left allocated would otherwise report recovery too early.
    static constexpr qint64 DefaultMinimumFreeBytes = 256 * 1024;

    StorageAvailability(HistoryDatabase *database, QObject *parent = nullptr);

    bool isAvailable() const { return m_fault == StorageFault::None; }
    StorageFault fault() const { return m_fault; }
    // The database reported `fault` while committing: unavailable until a test write commits.
    void failed(StorageFault fault, const QString &error);
    // A message was refused because the storage is unavailable (counted for the recovery's log line).
    void refused() { ++m_refused; }
    // The database was closed: nothing to wait for any more.
    void reset();

    void setRetryDelays(int firstMs, int maxMs);
    void setMinimumFreeBytes(qint64 bytes) { m_minimumFreeBytes = bytes; }
    void setDatabasePath(const QString &path) { m_path = path; }

signals:
    void availabilityChanged(bool available);

private:
    void retry();
    bool hasFreeSpace() const;

    HistoryDatabase *m_database;
    QTimer m_retryTimer{this}; // a child, so that it moves to another thread with its owner
    QElapsedTimer m_since;
    QString m_path;
    StorageFault m_fault = StorageFault::None;
    int m_firstRetryMs = DefaultFirstRetryMs;
    int m_maxRetryMs = DefaultMaxRetryMs;
    int m_nextRetryMs = DefaultFirstRetryMs;
    qint64 m_minimumFreeBytes = DefaultMinimumFreeBytes;
    qint64 m_refused = 0;
};

} // namespace Natter
