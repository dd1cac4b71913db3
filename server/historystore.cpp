#include "historystore.h"

#include "historyreactions.h"
#include "historyrevisions.h"
#include "logging.h"
#include "validation.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

namespace {

enum class ConversationKind { Room = 0, Direct = 1 };

// A room name never contains a newline, so these prefixes keep direct pairs and rooms apart. "dk" pairs are
// parties (keys or guest tokens); "dm" pairs were names, before names were owned, and are kept but never read.
bool isDirectKey(const QString &conversation)
{
    return conversation.startsWith(u"dk\n") || conversation.startsWith(u"dm\n");
}

// QSQLITE binds a null QString as SQL NULL, which the NOT NULL text columns refuse.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// The columns every message read selects, in the order messageFromRow() expects them.
constexpr auto MessageColumns =
    "m.seq, m.sender, m.recipient, m.client_id, m.kind, m.text, m.ts, m.target, m.edited_ms, m.deleted, "
    "m.reply_seq, m.reply_sender, m.reply_text";
constexpr int MessageColumnCount = 13;

ChatMessage messageFromRow(const QSqlQuery &query, const QString &conversation)
{
    ChatMessage message;
    message.room = isDirectKey(conversation) ? QString() : conversation;
    message.seq = query.value(0).toLongLong();
    message.from = query.value(1).toString();
    message.to = query.value(2).toString();
    message.id = query.value(3).toString();
    message.kind = Protocol::messageKindFromNumber(query.value(4).toInt());
    message.text = query.value(5).toString();
    message.ts = query.value(6).toLongLong();
    message.target = query.value(7).toLongLong();
    message.edited = query.value(8).toLongLong();
    message.deleted = query.value(9).toBool();
    message.replyTo = query.value(10).toLongLong();
    message.replyFrom = query.value(11).toString();
    message.replyText = query.value(12).toString();
    return message;
}

} // namespace

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
{
    connect(&m_availability, &StorageAvailability::availabilityChanged, this, &HistoryStore::writableChanged);
}

HistoryStore::~HistoryStore()
{
    close();
}

bool HistoryStore::open(const QString &path, QString *errorMessage)
{
    close();
    m_availability.setDatabasePath(path);
    return m_database.open(path, errorMessage);
}

void HistoryStore::close()
{
    flush();
    m_searchPurge.purgePending();
    // Seqs and ids cached from this file mean nothing for the next one.
    m_pending.clear();
    m_pendingIndex.clear();
    m_nextSeq.clear();
    m_conversationIds.clear();
    m_availability.reset();
    m_database.close();
}

QString HistoryStore::directConversation(const QString &partyA, const QString &partyB)
{
    return partyB < partyA ? QStringLiteral("dk\n") + partyB + u'\n' + partyA
                           : QStringLiteral("dk\n") + partyA + u'\n' + partyB;
}

QStringList HistoryStore::directParties(const QString &conversation)
{
    if (!conversation.startsWith(u"dk\n"))
        return {};
    const QStringList parts = conversation.mid(3).split(u'\n');
    return parts.size() == 2 ? parts : QStringList();
}

qint64 HistoryStore::conversationId(const QString &conversation, bool create)
{
    if (const auto cached = m_conversationIds.constFind(conversation); cached != m_conversationIds.cend())
        return *cached;
    const auto found =
        m_database.scalar(QStringLiteral("SELECT id FROM conversations WHERE key = ?"), {QVariant(conversation)});
    if (!found)
        return 0;
    qint64 id = found->isNull() ? 0 : found->toLongLong();
    if (id == 0 && create) {
        const auto kind = isDirectKey(conversation) ? ConversationKind::Direct : ConversationKind::Room;
        QString error;
        const auto insert =
            m_database.run(QStringLiteral("INSERT INTO conversations (key, kind, created_ms) VALUES (?, ?, ?)"),
                           {conversation, static_cast<int>(kind), QDateTime::currentMSecsSinceEpoch()}, &error);
        if (!insert) {
            qCWarning(lcStore).noquote() << "Cannot create conversation" << conversation << error;
            return 0;
        }
        id = insert->lastInsertId().toLongLong();
    }
    if (id != 0)
        m_conversationIds.insert(conversation, id);
    return id;
}

std::optional<ChatMessage> HistoryStore::storedMessage(const QString &senderKey, const QString &clientId) const
{
    if (!isOpen())
        return std::nullopt;
    const QVariantList key{nonNull(senderKey), nonNull(clientId)};
    // Nearly every message is new. This probe reads only the unique index, which answers that at the least cost.
    const auto known =
        m_database.scalar(QStringLiteral("SELECT 1 FROM messages WHERE sender_key = ? AND client_id = ?"), key);
    if (!known || known->isNull())
        return std::nullopt;
    QString error;
    static const QString lookup = QStringLiteral("SELECT %1, c.key FROM messages m "
                                                 "JOIN conversations c ON c.id = m.conversation "
                                                 "WHERE m.sender_key = ? AND m.client_id = ?")
                                      .arg(QLatin1StringView(MessageColumns));
    auto query = m_database.run(lookup, key, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot look up a stored message:" << error;
        return std::nullopt;
    }
    if (!query->next())
        return std::nullopt;
    ChatMessage message = messageFromRow(*query, query->value(MessageColumnCount).toString());
    query->finish();
    return message;
}

qint64 HistoryStore::storedLastSeq(const QString &conversation) const
{
    if (!isOpen())
        return 0;
    const auto last =
        m_database.scalar(QStringLiteral("SELECT MAX(seq) FROM messages "
                                         "WHERE conversation = (SELECT id FROM conversations WHERE key = ?)"),
                          {QVariant(conversation)});
    return last ? last->toLongLong() : 0;
}

HistoryStore::AppendResult HistoryStore::append(const QString &conversation, const ChatMessage &message,
                                                const QString &senderKey, IdSource idSource, const Check &check)
{
    const auto pendingKey = std::pair(senderKey, message.id);
    if (idSource == IdSource::Client) {
        if (const auto queued = m_pendingIndex.constFind(pendingKey); queued != m_pendingIndex.cend())
            return {AppendStatus::AlreadyQueued, m_pending.at(*queued).message, {}};
        if (auto stored = storedMessage(senderKey, message.id))
            return {AppendStatus::AlreadyStored, *std::move(stored), {}};
    }

    // Resends of stored messages are still answered above: reading works while writing does not.
    if (!m_availability.isAvailable()) {
        m_availability.refused();
        return {AppendStatus::Unavailable, message, {}};
    }
    if (check) {
        if (auto refusal = check())
            return {AppendStatus::Refused, message, *std::move(refusal)};
    }

    auto next = m_nextSeq.find(conversation);
    if (next == m_nextSeq.end())
        next = m_nextSeq.insert(conversation, storedLastSeq(conversation) + 1);

    ChatMessage entry = message;
    if (!entry.isDirect())
        entry.to.clear(); // rooms have no recipient; keep what is returned equal to what is read back
    entry.seq = (*next)++;
    entry.ts = QDateTime::currentMSecsSinceEpoch();
    m_pendingIndex.insert(pendingKey, m_pending.size());
    m_pending.append({entry, conversation, senderKey});
    scheduleFlush();
    return {AppendStatus::Queued, entry, {}};
}

void HistoryStore::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushScheduled = false;
            flush();
        },
        Qt::QueuedConnection);
}

bool HistoryStore::flush()
{
    if (m_pending.isEmpty())
        return true;
    // Taken out first: a slot connected to the signals below may append again.
    const QList<Pending> batch = std::exchange(m_pending, {});
    m_pendingIndex.clear();

    QString error;
    StorageFault fault = StorageFault::None;
    const bool stored = writeBatch(batch, &error, &fault);
    QList<ChatMessage> messages;
    QStringList conversations;
    messages.reserve(batch.size());
    conversations.reserve(batch.size());
    for (const Pending &entry : batch) {
        messages.append(entry.message);
        conversations.append(entry.conversation);
    }

    if (stored) {
        qCDebug(lcStore) << "Committed" << messages.size() << "messages";
        if (std::any_of(messages.cbegin(), messages.cend(),
                        [](const ChatMessage &message) { return message.kind == MessageKind::Delete; }))
            m_searchPurge.deletionCommitted();
        emit committed(messages, conversations);
        return true;
    }
    // A storage fault is logged once by StorageAvailability when the state changes, not for every batch.
    if (!isStorageUnavailable(fault))
        qCWarning(lcStore).noquote() << "Committing" << messages.size() << "messages failed:" << error;
    // The database is the truth again: seqs and ids are reloaded on next use.
    for (const Pending &entry : batch) {
        m_nextSeq.remove(entry.conversation);
        m_conversationIds.remove(entry.conversation);
    }
    if (isStorageUnavailable(fault))
        m_availability.failed(fault, error);
    emit commitFailed(messages, conversations, error, fault);
    return false;
}

bool HistoryStore::writeBatch(const QList<Pending> &batch, QString *errorMessage, StorageFault *fault)
{
    if (!isOpen()) {
        *errorMessage = QStringLiteral("the history database is not open");
        return false;
    }
    if (!m_database.execute(QStringLiteral("BEGIN IMMEDIATE"), errorMessage)) {
        *fault = m_database.lastFault();
        return false;
    }

    bool ok = true;
    for (qsizetype i = 0; ok && i < batch.size(); ++i) {
        const Pending &entry = batch.at(i);
        const qint64 conversation = conversationId(entry.conversation, true);
        if (conversation == 0) {
            *errorMessage = QStringLiteral("cannot create the conversation");
            ok = false;
            break;
        }
        const ChatMessage &message = entry.message;
        ok = m_database
                 .run(QStringLiteral("INSERT INTO messages (conversation, seq, sender_key, sender, recipient, "
                                     "client_id, kind, text, ts, target, reply_seq, reply_sender, reply_text) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {conversation, message.seq, nonNull(entry.senderKey), nonNull(message.from), nonNull(message.to),
                       nonNull(message.id), static_cast<int>(message.kind), nonNull(message.text), message.ts,
                       message.target, message.replyTo, nonNull(message.replyFrom), nonNull(message.replyText)},
                      errorMessage)
                 .has_value();
        if (ok && isRevision(message.kind))
            ok = HistoryRevisions::apply(m_database, conversation, message, errorMessage);
        else if (ok && Protocol::isReaction(message.kind))
            ok = HistoryReactions::apply(m_database, conversation, message, entry.senderKey, errorMessage);
    }
    if (ok && m_database.execute(QStringLiteral("COMMIT"), errorMessage)) {
        m_database.committed();
        return true;
    }
    *fault = m_database.lastFault();
    m_database.execute(QStringLiteral("ROLLBACK"));
    return false;
}

std::optional<HistoryRevisions::Target> HistoryStore::revisionTarget(const QString &conversation, qint64 seq)
{
    // Not yet committed: the queued message itself, and whether a queued delete took it back already.
    bool deletedInQueue = false;
    for (auto it = m_pending.crbegin(); it != m_pending.crend(); ++it) {
        if (it->conversation != conversation)
            continue;
        const ChatMessage &queued = it->message;
        if (queued.kind == MessageKind::Delete && queued.target == seq)
            deletedInQueue = true;
        if (queued.seq == seq)
            return HistoryRevisions::Target{it->senderKey, queued.kind, deletedInQueue, queued.from, queued.text};
    }
    const qint64 id = isOpen() ? conversationId(conversation, false) : 0;
    auto stored = id != 0 ? HistoryRevisions::stored(m_database, id, seq) : std::nullopt;
    if (stored)
        stored->deleted = stored->deleted || deletedInQueue;
    return stored;
}

int HistoryStore::pendingCount() const
{
    return static_cast<int>(m_pending.size());
}

QList<ChatMessage> HistoryStore::query(const QString &conversation, QString condition, qint64 bound, int limit,
                                       bool newestFirst, Rows rows) const
{
    // Reaction changes have seqs of their own but are no messages: pages leave them out, a replay sends them.
    if (rows == Rows::Messages)
        condition += QStringLiteral(" AND m.kind < %1").arg(static_cast<int>(MessageKind::React));
    QList<ChatMessage> messages;
    if (!isOpen() || limit <= 0)
        return messages;
    QString error;
    auto query = m_database.run(QStringLiteral("SELECT %1 FROM messages m "
                                               "WHERE m.conversation = (SELECT id FROM conversations WHERE key = ?) "
                                               "AND %2 ORDER BY m.seq %3 LIMIT ?")
                                    .arg(QLatin1StringView(MessageColumns), condition,
                                         newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC")),
                                {conversation, bound, limit}, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot read history of" << conversation << error;
        return messages;
    }
    while (query->next())
        messages.append(messageFromRow(*query, conversation));
    if (newestFirst)
        std::reverse(messages.begin(), messages.end());
    return messages;
}

QList<ChatMessage> HistoryStore::latest(const QString &conversation, int limit, bool *more) const
{
    return before(conversation, std::numeric_limits<qint64>::max(), limit, more);
}

QList<ChatMessage> HistoryStore::before(const QString &conversation, qint64 beforeSeq, int limit, bool *more) const
{
    const int wanted = std::clamp(limit, 0, std::numeric_limits<int>::max() - 1);
    // One extra row tells whether older messages exist without a second query.
    QList<ChatMessage> messages =
        query(conversation, QStringLiteral("seq < ?"), beforeSeq, wanted + 1, true, Rows::Messages);
    const bool older = messages.size() > wanted;
    if (older)
        messages.removeFirst();
    if (more)
        *more = older;
    return messages;
}

QList<ChatMessage> HistoryStore::after(const QString &conversation, qint64 afterSeq, int limit, Rows rows) const
{
    return query(conversation, QStringLiteral("seq > ?"), afterSeq, limit, false, rows);
}

qint64 HistoryStore::existingConversation(const QString &conversation)
{
    return isOpen() ? conversationId(conversation, false) : 0;
}

qint64 HistoryStore::lastSeq(const QString &conversation) const
{
    if (const auto next = m_nextSeq.constFind(conversation); next != m_nextSeq.cend())
        return *next - 1;
    return storedLastSeq(conversation);
}

qint64 HistoryStore::messageCount() const
{
    if (!isOpen())
        return 0;
    const auto count = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM messages"));
    return count ? count->toLongLong() : 0;
}

bool HistoryStore::ensureRoom(const QString &room, const QString &creator, const QString &creatorAddress)
{
    if (room.isEmpty() || isDirectKey(room)) {
        qCWarning(lcStore).noquote() << "Not a room name:" << room;
        return false;
    }
    if (!isOpen())
        return false;
    const bool existed = conversationId(room, false) != 0;
    const qint64 id = conversationId(room, true);
    if (id == 0)
        return false;
    if (!existed && !(creator.isEmpty() && creatorAddress.isEmpty()))
        m_database.run(QStringLiteral("UPDATE conversations SET creator = ?, creator_address = ? WHERE id = ?"),
                       {nonNull(creator), nonNull(creatorAddress), id});
    return true;
}

bool HistoryStore::removeEmptyRoom(const QString &room)
{
    if (!isOpen() || isDirectKey(room) || lastSeq(room) > 0)
        return false;
    QString error;
    const auto removed =
        m_database.run(QStringLiteral("DELETE FROM conversations WHERE key = ? AND kind = ? AND NOT EXISTS "
                                      "(SELECT 1 FROM messages WHERE messages.conversation = conversations.id)"),
                       {room, static_cast<int>(ConversationKind::Room)}, &error);
    if (!removed) {
        qCWarning(lcStore).noquote() << "Cannot remove the empty room" << room << error;
        return false;
    }
    m_conversationIds.remove(room);
    m_nextSeq.remove(room);
    return removed->numRowsAffected() > 0;
}

bool HistoryStore::setTopic(const QString &room, const QString &topic)
{
    if (!ensureRoom(room))
        return false;
    QString error;
    if (!m_database.run(QStringLiteral("UPDATE conversations SET topic = ? WHERE id = ?"),
                        {nonNull(topic), m_conversationIds.value(room)}, &error)) {
        qCWarning(lcStore).noquote() << "Cannot set the topic of" << room << error;
        return false;
    }
    return true;
}

QList<StoredRoom> HistoryStore::rooms() const
{
    QList<StoredRoom> rooms;
    if (!isOpen())
        return rooms;
    QString error;
    auto query = m_database.run(
        QStringLiteral("SELECT key, topic, creator, creator_address FROM conversations WHERE kind = ? ORDER BY key"),
        {static_cast<int>(ConversationKind::Room)}, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot list rooms:" << error;
        return rooms;
    }
    while (query->next())
        rooms.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                      query->value(3).toString()});
    return rooms;
}

} // namespace Natter