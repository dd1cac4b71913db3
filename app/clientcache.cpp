#include "clientcache.h"

#include "clientlogging.h"
#include "messagereactions.h"
#include "outboxtable.h"
#include "validation.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

namespace {

// Checking a conversation's size costs a count; do it once per this many new messages.
constexpr int TrimEvery = 1000;

// Qt binds a null QString as SQL NULL; the columns hold text, empty or not.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace

ClientCache::ClientCache(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("natter-cache-%1").arg(quintptr(this), 0, 16))
    , m_file(m_connectionName)
    , m_writes(m_connectionName)
{
    connect(&m_writes, &CacheWriteQueue::committed, this, [this] {
        for (auto it = m_addedSinceTrim.begin(); it != m_addedSinceTrim.end();) {
            if (it.value() >= TrimEvery) {
                trim(it.key());
                it = m_addedSinceTrim.erase(it);
            } else {
                ++it;
            }
        }
    });
}

ClientCache::~ClientCache()
{
    close();
}

bool ClientCache::isOpen() const
{
    return m_writes.isOpen();
}

bool ClientCache::open(const QString &path)
{
    close();
    m_lastError.clear();
    if (m_file.open(path, &m_lastError))
        return true;
    qCWarning(lcClient).noquote() << "the local cache" << path << "cannot be used:" << m_lastError;
    close();
    return false;
}

bool ClientCache::moveTo(const QString &path)
{
    const QString source = m_file.path();
    if (source.isEmpty() || source == path)
        return isOpen();
    close();
    CacheFile::moveFile(source, path);
    return open(path);
}

void ClientCache::close()
{
    if (m_file.hasConnection())
        flush();
    m_file.close();
}

void ClientCache::flush()
{
    m_writes.flush();
}

void ClientCache::trim(const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM messages WHERE conversation = ? AND seq < (SELECT seq FROM messages "
                                 "WHERE conversation = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)"));
    query.addBindValue(key);
    query.addBindValue(key);
    query.addBindValue(m_messageLimit - 1);
    if (!query.exec())
        qCWarning(lcClient) << "cache: trimming failed:" << sqlError(query);
    else if (query.numRowsAffected() > 0)
        qCDebug(lcClient) << "cache: dropped" << query.numRowsAffected() << "old messages of" << key;
}

QList<ClientCache::ConversationRecord> ClientCache::conversations()
{
    flush();
    QList<ConversationRecord> records;
    if (!isOpen())
        return records;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT kind, name, topic, member_count, unread, mentions, last_read_seq, "
                                   "last_activity, draft, joined, older_on_server FROM conversations"))) {
        qCWarning(lcClient) << "cache: reading conversations failed:" << sqlError(query);
        return records;
    }
    while (query.next()) {
        ConversationRecord record;
        const bool room = query.value(0).toInt() == static_cast<int>(ConversationId::Kind::Room);
        const QString name = query.value(1).toString();
        // A file edited by hand or damaged must not put an impossible name on screen or on the wire.
        if (room ? bool(Protocol::validateRoomName(name)) : bool(Protocol::validateName(name)))
            continue;
        record.id = room ? ConversationId::room(name) : ConversationId::direct(name);
        record.topic = query.value(2).toString();
        record.memberCount = std::max(0, query.value(3).toInt());
        record.unread = std::max(0, query.value(4).toInt());
        record.unreadMentions = std::max(0, query.value(5).toInt());
        record.lastReadSeq = std::max<qint64>(0, query.value(6).toLongLong());
        const qint64 activity = query.value(7).toLongLong();
        if (activity > 0)
            record.lastActivity = QDateTime::fromMSecsSinceEpoch(activity);
        record.draft = query.value(8).toString();
        record.joined = query.value(9).toBool();
        record.olderOnServer = query.value(10).toBool();
        records.append(record);
    }
    return records;
}

void ClientCache::saveConversation(const ConversationRecord &record)
{
    if (!record.id.isValid())
        return;
    m_writes.enqueue([record](QSqlQuery &query) {
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO conversations (key, kind, name, topic, member_count, unread, mentions, "
            "last_read_seq, last_activity, draft, joined, older_on_server) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
        query.addBindValue(record.id.key());
        query.addBindValue(static_cast<int>(record.id.kind));
        query.addBindValue(text(record.id.name));
        query.addBindValue(text(record.topic));
        query.addBindValue(record.memberCount);
        query.addBindValue(record.unread);
        query.addBindValue(record.unreadMentions);
        query.addBindValue(record.lastReadSeq);
        query.addBindValue(record.lastActivity.isValid() ? record.lastActivity.toMSecsSinceEpoch() : qint64(0));
        query.addBindValue(text(record.draft));
        query.addBindValue(record.joined);
        query.addBindValue(record.olderOnServer);
        return query.exec();
    });
}

void ClientCache::removeConversation(const ConversationId &id)
{
    const QString key = id.key();
    m_writes.enqueue([key](QSqlQuery &query) {
        query.prepare(QStringLiteral("DELETE FROM messages WHERE conversation = ?"));
        query.addBindValue(key);
        if (!query.exec())
            return false;
        query.prepare(QStringLiteral("DELETE FROM conversations WHERE key = ?"));
        query.addBindValue(key);
        return query.exec();
    });
}

QList<ChatMessage> ClientCache::messages(const ConversationId &id, qint64 beforeSeq, int limit)
{
    flush();
    QList<ChatMessage> page;
    if (!isOpen() || limit <= 0)
        return page;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, id, sender, room, recipient, text, kind, ts, edited, deleted, "
                                 "reply_seq, reply_from, reply_text, reactions FROM messages "
                                 "WHERE conversation = ? AND seq < ? ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(id.key());
    query.addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcClient) << "cache: reading messages failed:" << sqlError(query);
        return page;
    }
    while (query.next()) {
        ChatMessage message;
        message.seq = query.value(0).toLongLong();
        message.id = query.value(1).toString();
        message.from = query.value(2).toString();
        message.room = query.value(3).toString();
        message.to = query.value(4).toString();
        message.text = query.value(5).toString();
        message.kind = Protocol::messageKindFromNumber(query.value(6).toInt());
        message.ts = query.value(7).toLongLong();
        message.edited = query.value(8).toLongLong();
        message.deleted = query.value(9).toBool();
        message.replyTo = query.value(10).toLongLong();
        message.replyFrom = query.value(11).toString();
        message.replyText = query.value(12).toString();
        message.reactions = MessageReactions::decode(query.value(13).toString());
        page.append(message);
    }
    std::reverse(page.begin(), page.end());
    return page;
}

QString ClientCache::idAt(const ConversationId &id, qint64 seq)
{
    flush();
    if (!isOpen())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT id FROM messages WHERE conversation = ? AND seq = ?"));
    query.addBindValue(id.key());
    query.addBindValue(seq);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

qint64 ClientCache::newestSeq(const ConversationId &id)
{
    flush();
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT MAX(seq) FROM messages WHERE conversation = ?"));
    query.addBindValue(id.key());
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 ClientCache::oldestSeq(const ConversationId &id)
{
    flush();
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT MIN(seq) FROM messages WHERE conversation = ?"));
    query.addBindValue(id.key());
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

void ClientCache::addMessages(const ConversationId &id, const QList<ChatMessage> &messages)
{
    if (messages.isEmpty())
        return;
    const QString key = id.key();
    if (isOpen())
        m_addedSinceTrim[key] += static_cast<int>(messages.size());
    m_writes.enqueue([key, messages](QSqlQuery &query) {
        for (const ChatMessage &message : messages) {
            if (message.seq <= 0)
                continue;
            if (Protocol::isRevision(message.kind)) {
                // Not kept as a row: it changes the one it targets, if that is kept.
                query.prepare(QStringLiteral("UPDATE messages SET text = ?, edited = ?, deleted = ?, "
                                             "reactions = CASE WHEN ? THEN '' ELSE reactions END "
                                             "WHERE conversation = ? AND seq = ? AND deleted = 0"));
                query.addBindValue(message.kind == MessageKind::Delete ? QStringLiteral("") : text(message.text));
                query.addBindValue(message.ts);
                query.addBindValue(message.kind == MessageKind::Delete);
                query.addBindValue(message.kind == MessageKind::Delete);
                query.addBindValue(key);
                query.addBindValue(message.target);
                if (!query.exec())
                    return false;
                query.prepare(
                    QStringLiteral("UPDATE messages SET reply_text = ? WHERE conversation = ? AND reply_seq = ?"));
                query.addBindValue(message.kind == MessageKind::Delete ? QStringLiteral("")
                                                                       : Protocol::replyQuote(message.text));
                query.addBindValue(key);
                query.addBindValue(message.target);
                if (!query.exec())
                    return false;
                continue;
            }
            query.prepare(QStringLiteral("INSERT OR REPLACE INTO messages (conversation, seq, id, sender, room, "
                                         "recipient, text, kind, ts, edited, deleted, reply_seq, reply_from, "
                                         "reply_text, reactions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
            query.bindValue(0, key);
            query.bindValue(1, message.seq);
            query.bindValue(2, text(message.id));
            query.bindValue(3, text(message.from));
            query.bindValue(4, text(message.room));
            query.bindValue(5, text(message.to));
            query.bindValue(6, text(message.text));
            query.bindValue(7, static_cast<int>(message.kind));
            query.bindValue(8, message.ts);
            query.bindValue(9, message.edited);
            query.bindValue(10, message.deleted);
            query.bindValue(11, message.replyTo);
            query.bindValue(12, text(message.replyFrom));
            query.bindValue(13, text(message.replyText));
            query.bindValue(14, MessageReactions::encode(message.reactions));
            if (!query.exec())
                return false;
        }
        return true;
    });
}

void ClientCache::applyReaction(const ConversationId &id, qint64 seq, const QString &emoji, int count,
                                std::optional<bool> mine)
{
    m_writes.enqueue([key = id.key(), seq, emoji, count, mine](QSqlQuery &query) {
        query.prepare(QStringLiteral("SELECT reactions FROM messages WHERE conversation = ? AND seq = ?"));
        query.addBindValue(key);
        query.addBindValue(seq);
        if (!query.exec())
            return false;
        if (!query.next())
            return true; // not kept: its copy from the server brings its counts
        ReactionList reactions = MessageReactions::decode(query.value(0).toString());
        query.finish();
        if (!MessageReactions::applyTo(reactions, emoji, count, mine))
            return true;
        query.prepare(QStringLiteral("UPDATE messages SET reactions = ? WHERE conversation = ? AND seq = ?"));
        query.addBindValue(MessageReactions::encode(reactions));
        query.addBindValue(key);
        query.addBindValue(seq);
        return query.exec();
    });
}

void ClientCache::removeMessagesBefore(const ConversationId &id, qint64 seq)
{
    const QString key = id.key();
    m_writes.enqueue([key, seq](QSqlQuery &query) {
        query.prepare(QStringLiteral("DELETE FROM messages WHERE conversation = ? AND seq < ?"));
        query.addBindValue(key);
        query.addBindValue(seq);
        return query.exec();
    });
}

QList<OutgoingMessage> ClientCache::outbox()
{
    flush();
    if (!isOpen())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    return OutboxTable::read(query);
}

void ClientCache::saveOutbox(const QList<OutgoingMessage> &messages)
{
    m_writes.enqueue([messages](QSqlQuery &query) { return OutboxTable::write(query, messages); });
}

QString ClientCache::value(const QString &key)
{
    flush();
    if (!isOpen())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void ClientCache::setValue(const QString &key, const QString &value)
{
    m_writes.enqueue([key, value](QSqlQuery &query) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        query.addBindValue(key);
        query.addBindValue(text(value));
        return query.exec();
    });
}

} // namespace Natter
