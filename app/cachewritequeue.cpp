#include "cachewritequeue.h"

#include "clientlogging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace Natter {

CacheWriteQueue::CacheWriteQueue(const QString &connectionName, QObject *parent)
    : QObject(parent)
    , m_connectionName(connectionName)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &CacheWriteQueue::flush);
}

bool CacheWriteQueue::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void CacheWriteQueue::enqueue(Write write)
{
    if (!isOpen())
        return;
    m_writes.append(std::move(write));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CacheWriteQueue::flush()
{
    m_flushTimer.stop();
    if (m_writes.isEmpty() || !isOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const auto writes = std::exchange(m_writes, {});
    if (!db.transaction()) {
        qCWarning(lcClient) << "cache: cannot start a transaction:" << db.lastError().text();
        return;
    }
    QSqlQuery query(db);
    for (const auto &write : writes) {
        if (!write(query))
            qCWarning(lcClient) << "cache: a write failed:" << query.lastError().text();
    }
    if (!db.commit())
        qCWarning(lcClient) << "cache: commit failed:" << db.lastError().text();
    emit committed();
}

} // namespace Natter
