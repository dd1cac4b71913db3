#include "historystore.h"

#include "logging.h"
#include "validation.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <limits>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

namespace {

std::atomic<quint64> connectionCounter{0};

enum class ConversationKind { Room = 0, Direct = 1 };

// A room name never contains a newline, so this prefix keeps direct pairs and rooms apart.
bool isDirectKey(const QString &conversation)
{
    return conversation.startsWith(u"dm\n");
}

// Step i takes the schema from version i to version i + 1.
QList<QStringList> migrationSteps()
{
    return {
        {
            QStringLiteral("CREATE TABLE conversations ("
                           "id INTEGER PRIMARY KEY, "
                           "key TEXT NOT NULL UNIQUE, "
                           "kind INTEGER NOT NULL CHECK (kind IN (0, 1)), " // 0 room, 1 direct pair
                           "topic TEXT NOT NULL DEFAULT '', "
                           "created_ms INTEGER NOT NULL)"),
            // Clustered on (conversation, seq): paging reads a contiguous range of the table itself.
            QStringLiteral("CREATE TABLE messages ("
                           "conversation INTEGER NOT NULL REFERENCES conversations (id), "
                           "seq INTEGER NOT NULL, "
                           "sender_key TEXT NOT NULL, "
                           "sender TEXT NOT NULL, "
                           "recipient TEXT NOT NULL DEFAULT '', "
                           "client_id TEXT NOT NULL, "
                           "kind INTEGER NOT NULL, "
                           "text TEXT NOT NULL, "
                           "ts INTEGER NOT NULL, "
                           "PRIMARY KEY (conversation, seq)) WITHOUT ROWID"),
            QStringLiteral("CREATE UNIQUE INDEX messages_sender_client ON messages (sender_key, client_id)"),
        },
    };
}

// QSQLITE binds a null QString as SQL NULL, which the NOT NULL text columns refuse.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString newerSchemaMessage(int version)
{
    return QStringLiteral("its schema version %1 is newer than version %2, the newest this server understands.")
        .arg(version)
        .arg(HistoryStore::SchemaVersion);
}

MessageKind storedKind(int value)
{
    return value == static_cast<int>(MessageKind::Action) ? MessageKind::Action : MessageKind::Text;
}

// Runs a statement that yields one value; nullopt (with the reason in *error) when it fails.
std::optional<QVariant> scalar(const QSqlDatabase &db, const QString &statement, const QVariantList &values = {},
                               QString *error = nullptr)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    bool ok = query.prepare(statement);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok) {
        qCWarning(lcStore).noquote() << "Query failed:" << statement << query.lastError().text();
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    return query.next() ? query.value(0) : QVariant();
}

} // namespace

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("natter-store-%1").arg(connectionCounter.fetch_add(1)))
{ }

HistoryStore::~HistoryStore()
{
    close();
}

bool HistoryStore::open(const QString &path, QString *errorMessage)
{
    close();
    const auto fail = [&](const QString &message) {
        qCWarning(lcStore).noquote() << message;
        if (errorMessage)
            *errorMessage = message;
        releaseDatabase();
        return false;
    };

    if (path.isEmpty())
        return fail(QStringLiteral("No path given for the history database."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QStringLiteral("Cannot open the history database %1: it is a folder.").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("Cannot create the folder %1 for the history database.").arg(info.absolutePath()));

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return fail(QStringLiteral("Cannot open the history database %1: %2").arg(path, m_db.lastError().text()));

    // SQLite opens lazily: only reading the schema proves the file is there and is a database.
    QString error;
    const bool ready = execute(QStringLiteral("PRAGMA busy_timeout = 5000"), &error)
        && scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, &error).has_value();
    if (!ready)
        return fail(QStringLiteral("Cannot open the history database %1: %2").arg(path, error));

    // Checked before anything is changed, so a newer server's file is left exactly as it was.
    const auto version = scalar(m_db, QStringLiteral("PRAGMA user_version"), {}, &error);
    if (!version)
        return fail(QStringLiteral("Cannot open the history database %1: %2").arg(path, error));
    if (version->toInt() > SchemaVersion)
        return fail(
            QStringLiteral("Cannot use the history database %1: %2").arg(path, newerSchemaMessage(version->toInt())));

    const auto journal = scalar(m_db, QStringLiteral("PRAGMA journal_mode = WAL"), {}, &error);
    if (!journal)
        return fail(QStringLiteral("Cannot use the history database %1: %2").arg(path, error));
    if (journal->toString() != u"wal")
        qCInfo(lcStore).noquote() << "History database" << path << "uses journal mode" << journal->toString();
    if (!applySynchronousMode() || !execute(QStringLiteral("PRAGMA foreign_keys = ON"), &error))
        return fail(QStringLiteral("Cannot configure the history database %1: %2").arg(path, error));

    if (!migrate(&error))
        return fail(QStringLiteral("Cannot use the history database %1: %2").arg(path, error));
    qCInfo(lcStore).noquote() << "Opened history database" << path;
    return true;
}

void HistoryStore::close()
{
    flush();
    releaseDatabase();
}

void HistoryStore::releaseDatabase()
{
    m_pending.clear();
    m_pendingIndex.clear();
    m_nextSeq.clear();
    m_conversationIds.clear();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    m_db.close();
    // removeDatabase() requires that no QSqlDatabase object still refers to the connection.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryStore::isOpen() const
{
    return m_db.isOpen();
}

int HistoryStore::schemaVersion() const
{
    if (!isOpen())
        return 0;
    const auto version = scalar(m_db, QStringLiteral("PRAGMA user_version"));
    return version ? version->toInt() : 0;
}

void HistoryStore::setDurableCommits(bool durable)
{
    m_durableCommits = durable;
    if (isOpen())
        applySynchronousMode();
}

bool HistoryStore::applySynchronousMode()
{
    QString error;
    const bool ok = execute(m_durableCommits ? QStringLiteral("PRAGMA synchronous = FULL")
                                             : QStringLiteral("PRAGMA synchronous = NORMAL"),
                            &error);
    if (!ok)
        qCWarning(lcStore).noquote() << "Cannot set the synchronous mode:" << error;
    return ok;
}

bool HistoryStore::execute(const QString &statement, QString *errorMessage)
{
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    if (errorMessage)
        *errorMessage = query.lastError().text();
    return false;
}

bool HistoryStore::migrate(QString *errorMessage)
{
    const QList<QStringList> steps = migrationSteps();
    Q_ASSERT(steps.size() == SchemaVersion);

    QString error;
    const auto fail = [&](const QString &message) {
        execute(QStringLiteral("ROLLBACK"));
        *errorMessage = message;
        return false;
    };
    if (!execute(QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        *errorMessage = error;
        return false;
    }
    // Read inside the write transaction so two servers starting on one file cannot both migrate.
    const auto stored = scalar(m_db, QStringLiteral("PRAGMA user_version"), {}, &error);
    if (!stored)
        return fail(error);
    const int version = stored->toInt();
    if (version > SchemaVersion)
        return fail(newerSchemaMessage(version));

    for (int step = version; step < SchemaVersion; ++step) {
        for (const QString &statement : steps.at(step)) {
            if (!execute(statement, &error))
                return fail(QStringLiteral("migrating to schema version %1 failed: %2").arg(step + 1).arg(error));
        }
        if (!execute(QStringLiteral("PRAGMA user_version = %1").arg(step + 1), &error))
            return fail(QStringLiteral("migrating to schema version %1 failed: %2").arg(step + 1).arg(error));
    }
    if (!execute(QStringLiteral("COMMIT"), &error))
        return fail(QStringLiteral("committing the schema failed: %1").arg(error));
    if (version < SchemaVersion)
        qCInfo(lcStore) << "Migrated the history schema from version" << version << "to" << SchemaVersion;
    return true;
}

QString HistoryStore::directConversation(const QString &nameA, const QString &nameB)
{
    QString a = Protocol::nameKey(nameA);
    QString b = Protocol::nameKey(nameB);
    if (b < a)
        std::swap(a, b);
    return QStringLiteral("dm\n") + a + u'\n' + b;
}

QString HistoryStore::conversationOf(const ChatMessage &message)
{
    return message.isDirect() ? directConversation(message.from, message.to) : message.room;
}

qint64 HistoryStore::conversationId(const QString &conversation, bool create)
{
    if (const auto cached = m_conversationIds.constFind(conversation); cached != m_conversationIds.cend())
        return *cached;
    const auto found =
        scalar(m_db, QStringLiteral("SELECT id FROM conversations WHERE key = ?"), {QVariant(conversation)});
    if (!found)
        return 0;
    qint64 id = found->isNull() ? 0 : found->toLongLong();
    if (id == 0 && create) {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO conversations (key, kind, created_ms) VALUES (?, ?, ?)"));
        insert.addBindValue(conversation);
        insert.addBindValue(
            static_cast<int>(isDirectKey(conversation) ? ConversationKind::Direct : ConversationKind::Room));
        insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!insert.exec()) {
            qCWarning(lcStore).noquote() << "Cannot create conversation" << conversation << insert.lastError().text();
            return 0;
        }
        id = insert.lastInsertId().toLongLong();
    }
    if (id != 0)
        m_conversationIds.insert(conversation, id);
    return id;
}

std::optional<ChatMessage> HistoryStore::storedMessage(const QString &senderKey, const QString &clientId) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.key, m.seq, m.sender, m.recipient, m.kind, m.text, m.ts "
                                 "FROM messages m JOIN conversations c ON c.id = m.conversation "
                                 "WHERE m.sender_key = ? AND m.client_id = ?"));
    query.addBindValue(nonNull(senderKey));
    query.addBindValue(nonNull(clientId));
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "Cannot look up a stored message:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const QString conversation = query.value(0).toString();
    ChatMessage message;
    message.room = isDirectKey(conversation) ? QString() : conversation;
    message.seq = query.value(1).toLongLong();
    message.from = query.value(2).toString();
    message.to = query.value(3).toString();
    message.id = clientId;
    message.kind = storedKind(query.value(4).toInt());
    message.text = query.value(5).toString();
    message.ts = query.value(6).toLongLong();
    return message;
}

qint64 HistoryStore::storedLastSeq(const QString &conversation) const
{
    if (!isOpen())
        return 0;
    const auto last = scalar(m_db,
                             QStringLiteral("SELECT MAX(seq) FROM messages "
                                            "WHERE conversation = (SELECT id FROM conversations WHERE key = ?)"),
                             {QVariant(conversation)});
    return last ? last->toLongLong() : 0;
}

HistoryStore::AppendResult HistoryStore::append(const ChatMessage &message, const QString &senderKey)
{
    const auto pendingKey = std::pair(senderKey, message.id);
    if (const auto queued = m_pendingIndex.constFind(pendingKey); queued != m_pendingIndex.cend())
        return {AppendStatus::AlreadyQueued, m_pending.at(*queued).message};
    if (auto stored = storedMessage(senderKey, message.id))
        return {AppendStatus::AlreadyStored, *std::move(stored)};

    const QString conversation = conversationOf(message);
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
    return {AppendStatus::Queued, entry};
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
    const bool stored = writeBatch(batch, &error);
    QList<ChatMessage> messages;
    messages.reserve(batch.size());
    for (const Pending &entry : batch)
        messages.append(entry.message);

    if (stored) {
        qCDebug(lcStore) << "Committed" << messages.size() << "messages";
        emit committed(messages);
        return true;
    }
    qCWarning(lcStore).noquote() << "Committing" << messages.size() << "messages failed:" << error;
    // The database is the truth again: seqs and ids are reloaded on next use.
    for (const Pending &entry : batch) {
        m_nextSeq.remove(entry.conversation);
        m_conversationIds.remove(entry.conversation);
    }
    emit commitFailed(messages, error);
    return false;
}

bool HistoryStore::writeBatch(const QList<Pending> &batch, QString *errorMessage)
{
    if (!isOpen()) {
        *errorMessage = QStringLiteral("the history database is not open");
        return false;
    }
    if (!execute(QStringLiteral("BEGIN IMMEDIATE"), errorMessage))
        return false;

    bool ok = true;
    {
        QSqlQuery insert(m_db);
        ok = insert.prepare(QStringLiteral("INSERT INTO messages (conversation, seq, sender_key, sender, recipient, "
                                           "client_id, kind, text, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; ok && i < batch.size(); ++i) {
            const Pending &entry = batch.at(i);
            const qint64 conversation = conversationId(entry.conversation, true);
            if (conversation == 0) {
                *errorMessage = QStringLiteral("cannot create the conversation");
                ok = false;
                break;
            }
            const ChatMessage &message = entry.message;
            insert.bindValue(0, conversation);
            insert.bindValue(1, message.seq);
            insert.bindValue(2, nonNull(entry.senderKey));
            insert.bindValue(3, nonNull(message.from));
            insert.bindValue(4, nonNull(message.to));
            insert.bindValue(5, nonNull(message.id));
            insert.bindValue(6, static_cast<int>(message.kind));
            insert.bindValue(7, nonNull(message.text));
            insert.bindValue(8, message.ts);
            ok = insert.exec();
        }
        if (!ok && errorMessage->isEmpty())
            *errorMessage = insert.lastError().text();
    }
    if (ok && execute(QStringLiteral("COMMIT"), errorMessage))
        return true;
    execute(QStringLiteral("ROLLBACK"));
    return false;
}

int HistoryStore::pendingCount() const
{
    return static_cast<int>(m_pending.size());
}

QList<ChatMessage> HistoryStore::query(const QString &conversation, const QString &condition, qint64 bound, int limit,
                                       bool newestFirst) const
{
    QList<ChatMessage> messages;
    if (!isOpen() || limit <= 0)
        return messages;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, sender, recipient, client_id, kind, text, ts FROM messages "
                                 "WHERE conversation = (SELECT id FROM conversations WHERE key = ?) AND %1 "
                                 "ORDER BY seq %2 LIMIT ?")
                      .arg(condition, newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC")));
    query.addBindValue(conversation);
    query.addBindValue(bound);
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "Cannot read history of" << conversation << query.lastError().text();
        return messages;
    }
    const QString room = isDirectKey(conversation) ? QString() : conversation;
    while (query.next()) {
        ChatMessage message;
        message.room = room;
        message.seq = query.value(0).toLongLong();
        message.from = query.value(1).toString();
        message.to = query.value(2).toString();
        message.id = query.value(3).toString();
        message.kind = storedKind(query.value(4).toInt());
        message.text = query.value(5).toString();
        message.ts = query.value(6).toLongLong();
        messages.append(std::move(message));
    }
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
    QList<ChatMessage> messages = query(conversation, QStringLiteral("seq < ?"), beforeSeq, wanted + 1, true);
    const bool older = messages.size() > wanted;
    if (older)
        messages.removeFirst();
    if (more)
        *more = older;
    return messages;
}

QList<ChatMessage> HistoryStore::after(const QString &conversation, qint64 afterSeq, int limit) const
{
    return query(conversation, QStringLiteral("seq > ?"), afterSeq, limit, false);
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
    const auto count = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM messages"));
    return count ? count->toLongLong() : 0;
}

bool HistoryStore::ensureRoom(const QString &room)
{
    if (room.isEmpty() || isDirectKey(room)) {
        qCWarning(lcStore).noquote() << "Not a room name:" << room;
        return false;
    }
    return isOpen() && conversationId(room, true) != 0;
}

bool HistoryStore::setTopic(const QString &room, const QString &topic)
{
    if (!ensureRoom(room))
        return false;
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE conversations SET topic = ? WHERE id = ?"));
    update.addBindValue(nonNull(topic));
    update.addBindValue(m_conversationIds.value(room));
    if (!update.exec()) {
        qCWarning(lcStore).noquote() << "Cannot set the topic of" << room << update.lastError().text();
        return false;
    }
    return true;
}

QList<StoredRoom> HistoryStore::rooms() const
{
    QList<StoredRoom> rooms;
    if (!isOpen())
        return rooms;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT key, topic FROM conversations WHERE kind = ? ORDER BY key"));
    query.addBindValue(static_cast<int>(ConversationKind::Room));
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "Cannot list rooms:" << query.lastError().text();
        return rooms;
    }
    while (query.next())
        rooms.append({query.value(0).toString(), query.value(1).toString()});
    return rooms;
}

} // namespace Natter
