#include "storageavailability.h"

#include "historydatabase.h"
#include "logging.h"

#include <QFileInfo>
#include <QStorageInfo>

#include <algorithm>

namespace Natter {

StorageAvailability::StorageAvailability(HistoryDatabase *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &StorageAvailability::retry);
}

void StorageAvailability::setRetryDelays(int firstMs, int maxMs)
{
    m_firstRetryMs = std::max(1, firstMs);
    m_maxRetryMs = std::max(m_firstRetryMs, maxMs);
}

void StorageAvailability::failed(StorageFault fault, const QString &error)
{
    if (!isAvailable()) {
        m_fault = fault;
        return;
    }
    m_fault = fault;
    m_refused = 0;
    m_since.start();
    m_nextRetryMs = m_firstRetryMs;
    qCWarning(lcStore).noquote() << QStringLiteral("The history cannot be written: %1 (%2). New messages are refused "
                                                   "with storage_unavailable until a test write succeeds; reading "
                                                   "goes on.")
                                        .arg(describeStorageFault(fault), error);
    m_retryTimer.start(m_nextRetryMs);
    emit availabilityChanged(false);
}

void StorageAvailability::reset()
{
    m_retryTimer.stop();
    m_fault = StorageFault::None;
}

bool StorageAvailability::hasFreeSpace() const
{
    if (m_path.isEmpty())
        return true;
    const QStorageInfo volume(QFileInfo(m_path).absolutePath());
    return !volume.isValid() || volume.bytesAvailable() < 0 || volume.bytesAvailable() >= m_minimumFreeBytes;
}

void StorageAvailability::retry()
{
    if (isAvailable() || !m_database->isOpen())
        return;
    QString error;
    if (hasFreeSpace() && m_database->probeWrite(&error)) {
        qCInfo(lcStore).noquote() << QStringLiteral("The history can be written again after %1 s; %2 messages were "
                                                    "refused meanwhile.")
                                         .arg(m_since.elapsed() / 1000.0, 0, 'f', 1)
                                         .arg(m_refused);
        m_fault = StorageFault::None;
        emit availabilityChanged(true);
        return;
    }
    const StorageFault fault = m_database->lastFault();
    if (isStorageUnavailable(fault))
        m_fault = fault;
    qCDebug(lcStore).noquote() << "The history still cannot be written:"
                               << (error.isEmpty() ? QStringLiteral("too little free space") : error);
    m_nextRetryMs = std::min(m_nextRetryMs * 2, m_maxRetryMs);
    m_retryTimer.start(m_nextRetryMs);
}

} // namespace Natter
