#include "searchindexpurge.h"

#include "historydatabase.h"
#include "logging.h"

#include <QElapsedTimer>

namespace Natter {

SearchIndexPurge::SearchIndexPurge(HistoryDatabase *database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &SearchIndexPurge::purge);
}

bool SearchIndexPurge::purge()
{
    if (!m_database->isOpen())
        return false;
    QElapsedTimer elapsed;
    elapsed.start();
    QString error;
    if (!m_database->execute(QStringLiteral("INSERT INTO message_words (message_words) VALUES ('optimize')"), &error)) {
        qCWarning(lcStore).noquote() << "Cannot rewrite the search index; trying again later:" << error;
        m_timer.start();
        return false;
    }
    m_database->committed();
    qCInfo(lcStore) << "Rewrote the search index without deleted messages in" << elapsed.elapsed() << "ms";
    return true;
}

void SearchIndexPurge::deletionCommitted()
{
    if (!m_timer.isActive())
        m_timer.start();
}

bool SearchIndexPurge::purgePending()
{
    if (!m_timer.isActive())
        return true;
    m_timer.stop();
    return purge();
}

} // namespace Natter
