#include "offlinemailbox.h"

#include "historydatabase.h"
#include "logging.h"

namespace Natter {

OfflineMailbox::OfflineMailbox(HistoryDatabase *database)
    : m_database(database)
{ }

void OfflineMailbox::hold(qint64 identity, const QString &conversation, qint64 seq)
{
    const auto key = std::pair(identity, conversation);
    if (m_held.contains(key))
        return;
    QString error;
    if (!m_database->run(QStringLiteral("INSERT OR IGNORE INTO offline_directs (identity, conversation, first_seq) "
                                        "VALUES (?, ?, ?)"),
                         {identity, conversation, seq}, &error)) {
        qCWarning(lcStore).noquote() << "Cannot keep a direct message for later delivery:" << error;
        return;
    }
    m_held.insert(key);
}

QList<OfflineMailbox::Held> OfflineMailbox::take(qint64 identity)
{
    QList<Held> held;
    QString error;
    auto query = m_database->run(
        QStringLiteral("SELECT conversation, first_seq FROM offline_directs WHERE identity = ? ORDER BY first_seq"),
        {identity}, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot read the direct messages kept for delivery:" << error;
        return held;
    }
    while (query->next())
        held.append({query->value(0).toString(), query->value(1).toLongLong()});
    if (held.isEmpty())
        return held;
    if (!m_database->run(QStringLiteral("DELETE FROM offline_directs WHERE identity = ?"), {identity}, &error))
        qCWarning(lcStore).noquote() << "Cannot forget the direct messages delivered:" << error;
    for (const Held &entry : std::as_const(held))
        m_held.remove({identity, entry.conversation});
    return held;
}

} // namespace Natter
