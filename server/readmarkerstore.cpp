#include "readmarkerstore.h"

#include "historystore.h"
#include "logging.h"

#include <QDateTime>

namespace Natter {

using namespace Protocol;

namespace {

// The user's name as one FTS5 phrase: its words in order, quoted so that nothing in it is query syntax.
QString mentionPhrase(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

bool hasWord(const QString &name)
{
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

} // namespace

ReadMarkerStore::ReadMarkerStore(HistoryStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ReadMarkerStore::flush);
    // Markers kept while the history could not be written are stored once it can again.
    connect(m_store, &HistoryStore::writableChanged, this, [this](bool writable) {
        if (writable && !m_pending.isEmpty())
            m_flushTimer.start();
    });
}

ReadMarkerStore::~ReadMarkerStore()
{
    flush();
}

void ReadMarkerStore::mark(qint64 identity, const QString &conversation, const QString &peer, qint64 seq)
{
    if (identity == 0 || seq <= 0)
        return;
    Pending &pending = m_pending[{identity, conversation}];
    pending.peer = peer.isNull() ? QStringLiteral("") : peer; // SQLite would bind a null string as NULL
    pending.seq = std::max(pending.seq, seq);
    pending.readMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

bool ReadMarkerStore::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty() || !m_store->isOpen())
        return true;
    if (!m_store->isWritable())
        return false; // kept until writableChanged(true)
    HistoryDatabase &database = m_store->database();
    QString error;
    bool ok = database.execute(QStringLiteral("BEGIN"), &error);
    for (auto it = m_pending.cbegin(); ok && it != m_pending.cend(); ++it) {
        ok = database
                 .run(QStringLiteral("INSERT INTO read_markers (identity, conversation, peer, seq, read_ms) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (identity, conversation) DO UPDATE SET "
                                     "seq = MAX(seq, excluded.seq), peer = excluded.peer, read_ms = excluded.read_ms"),
                      {it.key().first, it.key().second, it->peer, it->seq, it->readMs}, &error)
                 .has_value();
    }
    ok = ok && database.execute(QStringLiteral("COMMIT"), &error);
    if (!ok) {
        const StorageFault fault = database.lastFault();
        database.execute(QStringLiteral("ROLLBACK"));
        if (isStorageUnavailable(fault)) {
            m_store->availability().failed(fault, error); // logged there once; kept until the history recovers
            return false;
        }
        qCWarning(lcStore).noquote() << "Cannot store read markers:" << error;
        m_flushTimer.start(); // kept, and tried again
        return false;
    }
    database.committed();
    m_pending.clear();
    return true;
}

UnreadCounts ReadMarkerStore::counts(qint64 identity, const QString &senderKey, const QString &name,
                                     const QString &only)
{
    UnreadCounts result;
    if (identity == 0 || !m_store->isOpen())
        return result;
    flush();
    const QString filter = only.isEmpty() ? QString() : QStringLiteral(" AND conversation = ?");
    QVariantList values{identity};
    if (!only.isEmpty())
        values.append(only);
    values.append(UnreadCounts::MaxConversations);
    auto query = m_store->database().run(QStringLiteral("SELECT conversation, peer, seq FROM read_markers "
                                                        "WHERE identity = ?%1 ORDER BY read_ms DESC LIMIT ?")
                                             .arg(filter),
                                         values);
    if (!query)
        return result;
    struct Marker
    {
        QString conversation, peer;
        qint64 seq;
    };
    QList<Marker> markers;
    while (query->next())
        markers.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong()});
    query->finish();
    for (const Marker &marker : std::as_const(markers)) {
        const bool direct = !HistoryStore::directParties(marker.conversation).isEmpty();
        if (direct && marker.peer.isEmpty())
            continue;
        UnreadCount count = this->count(marker.conversation, marker.seq, senderKey, name);
        (direct ? count.to : count.room) = direct ? marker.peer : marker.conversation;
        result.conversations.append(count);
    }
    return result;
}

UnreadCount ReadMarkerStore::count(const QString &conversation, qint64 read, const QString &senderKey,
                                   const QString &name) const
{
    UnreadCount count;
    count.read = read;
    HistoryDatabase &database = m_store->database();
    const auto id = database.scalar(QStringLiteral("SELECT id FROM conversations WHERE key = ?"), {conversation});
    if (!id || id->isNull())
        return count;
    const qint64 conversationId = id->toLongLong();
    // Both counts stop at their bound, so a marker far behind costs no more than a bounded read.
    const auto unread = database.scalar(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages WHERE conversation = ? AND seq > ? "
                       "AND kind IN (0, 1) AND deleted = 0 AND sender_key != ? LIMIT ?)"),
        {conversationId, read, senderKey, UnreadCount::MaxUnread});
    count.unread = unread ? unread->toInt() : 0;
    if (count.unread == 0 || !hasWord(name))
        return count;
    const auto mentions = database.scalar(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM message_words w JOIN messages m "
                       "ON m.conversation = ? AND m.seq = (w.rowid & 4294967295) "
                       "WHERE message_words MATCH ? AND w.rowid > ? AND w.rowid < ? AND m.sender_key != ? LIMIT ?)"),
        {conversationId, mentionPhrase(name), (conversationId << 32) + read, (conversationId + 1) << 32, senderKey,
         UnreadCount::MaxMentions});
    count.mentions = std::min(mentions ? mentions->toInt() : 0, count.unread);
    return count;
}

} // namespace Natter
