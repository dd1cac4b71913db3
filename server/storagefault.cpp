#include "storagefault.h"

#include <QSqlError>

namespace Natter {

namespace {
// SQLite's primary result codes (the low byte of an extended one).
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteInputOutput = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCannotOpen = 14;
constexpr int SqliteNotADatabase = 26;
} // namespace

StorageFault storageFaultOf(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return StorageFault::None;
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return StorageFault::Other;
    switch (code) {
    case SqliteFull:
        return StorageFault::Full;
    case SqliteReadOnly:
        return StorageFault::ReadOnly;
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return StorageFault::Damaged;
    case SqliteBusy:
    case SqliteLocked:
        return StorageFault::Busy;
    case SqliteInputOutput:
    case SqliteCannotOpen:
        return StorageFault::InputOutput;
    default:
        return StorageFault::Other;
    }
}

bool isStorageUnavailable(StorageFault fault)
{
    return fault != StorageFault::None && fault != StorageFault::Other;
}

QString describeStorageFault(StorageFault fault)
{
    switch (fault) {
    case StorageFault::None:
        return QStringLiteral("no fault");
    case StorageFault::Full:
        return QStringLiteral("the disk is full");
    case StorageFault::ReadOnly:
        return QStringLiteral("the file is read-only");
    case StorageFault::Damaged:
        return QStringLiteral("the file is damaged");
    case StorageFault::Busy:
        return QStringLiteral("another program holds the file's write lock");
    case StorageFault::InUse:
        return QStringLiteral("another Natter server uses the file");
    case StorageFault::InputOutput:
        return QStringLiteral("the file cannot be read or written (I/O error)");
    case StorageFault::Other:
        break;
    }
    return QStringLiteral("an unexpected database error");
}

} // namespace Natter
