#pragma once

// The local cache's writes waiting to be committed: kept in the order they were asked for and committed together,
// in one transaction, at the end of the event-loop turn or when a read needs them.

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE

namespace Natter {

class CacheWriteQueue : public QObject
{
    Q_OBJECT
public:
    using Write = std::function<bool(QSqlQuery &)>;

    // Writes to the SQLite connection of this name, while it is open.
    explicit CacheWriteQueue(const QString &connectionName, QObject *parent = nullptr);

    bool isOpen() const;
    // Ignored while the connection is not open.
    void enqueue(Write write);
    // Commits every queued write now.
    void flush();

signals:
    // Queued writes were just committed (or tried).
    void committed();

private:
    QString m_connectionName;
    QList<Write> m_writes;
    QTimer m_flushTimer;
};

} // namespace Natter
