#pragma once

// Why the history file cannot be used, told apart by SQLite's result codes: what the server says and does about it.

#include <QString>

QT_BEGIN_NAMESPACE
class QSqlError;
QT_END_NAMESPACE

namespace Natter {

enum class StorageFault {
    None,
    Full, // the disk or the file system quota is full
    ReadOnly, // the file, its folder or its file system cannot be written
    Damaged, // the file is corrupt or not an SQLite database
    Busy, // another program holds SQLite's write lock longer than the busy timeout
    InUse, // another Natter server holds the file's lock file
    InputOutput, // the operating system reported an I/O error
    Other, // anything else: a constraint, a bug, an unknown result code
};

// The fault a failed SQLite statement reports.
StorageFault storageFaultOf(const QSqlError &error);
// True for faults of the storage itself, which pass when the disk, the file or the other program lets go; false for
// None and Other, which say nothing about whether a later write can succeed.
bool isStorageUnavailable(StorageFault fault);
// A few words for logs: "the disk is full", "the file is read-only", …
QString describeStorageFault(StorageFault fault);

} // namespace Natter
