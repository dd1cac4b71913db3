#include "historydatabase.h"

#include "historyschema.h"
#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>
#include <unistd.h>

namespace Natter {

namespace {

std::atomic<quint64> connectionCounter{0};

QString newerSchemaMessage(int version)
{
    return QStringLiteral("its schema version %1 is newer than version %2, the newest this server understands.")
        .arg(version)
        .arg(HistoryDatabase::SchemaVersion);
}

// access() asks the kernel, which knows about read-only mounts and root's rights; permission bits do not.
bool isWritable(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

// How long a statement waits for another program's write lock before it fails as busy.
constexpr int BusyTimeoutMs = 5000;

// How many problems of PRAGMA quick_check are quoted in the message.
constexpr int QuotedProblems = 3;

} // namespace

HistoryDatabase::HistoryDatabase()
    : m_connectionName(QStringLiteral("natter-store-%1").arg(connectionCounter.fetch_add(1)))
{ }

HistoryDatabase::~HistoryDatabase()
{
    close();
}

bool HistoryDatabase::open(const QString &path, QString *errorMessage)
{
    close();
    m_openFault = StorageFault::None;
    m_lastFault = StorageFault::None;
    const auto fail = [&](const QString &message, StorageFault fault = StorageFault::Other) {
        qCWarning(lcStore).noquote() << message;
        if (errorMessage)
            *errorMessage = message;
        close();
        m_openFault = fault;
        return false;
    };
    const auto failWithLastFault = [&](const QString &message) {
        return fail(message, m_lastFault == StorageFault::None ? StorageFault::Other : m_lastFault);
    };

    if (path.isEmpty())
        return fail(QStringLiteral("No path given for the history database."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QStringLiteral("Cannot open the history database %1: it is a folder.").arg(path));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("Cannot create the folder %1 for the history database.").arg(info.absolutePath()));
    // SQLite would open a file it cannot write read-only without a word, and every send would fail later. Its log
    // and lock files go next to it, so the folder must be writable too.
    if ((info.exists() && !isWritable(path)) || !isWritable(info.absolutePath())) {
        return fail(QStringLiteral("The history database %1 is read-only: this user cannot write %2. Make the file "
                                   "and its folder writable, or give another path with --db.")
                        .arg(path, info.exists() && !isWritable(path) ? path : info.absolutePath()),
                    StorageFault::ReadOnly);
    }
    if (!m_lock.acquire(path, errorMessage)) {
        close();
        m_openFault = StorageFault::InUse;
        return false;
    }

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        m_lastFault = storageFaultOf(m_db.lastError());
        return failWithLastFault(
            QStringLiteral("Cannot open the history database %1: %2").arg(path, m_db.lastError().text()));
    }

    // SQLite opens lazily: only reading the schema proves the file is there and is a database.
    QString error;
    const bool ready = execute(QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs), &error)
        && scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, &error).has_value();
    if (!ready && m_lastFault == StorageFault::Damaged)
        return fail(QStringLiteral("The history database %1 is damaged or is not an SQLite database (%2). Restore "
                                   "it from a backup, or give another path with --db; the file is left as it is.")
                        .arg(path, error),
                    StorageFault::Damaged);
    if (!ready)
        return failWithLastFault(QStringLiteral("Cannot open the history database %1: %2").arg(path, error));
    if (!checkIntegrity(&error))
        return fail(QStringLiteral("The history database %1 is damaged: %2. Restore it from a backup, or move it "
                                   "away to start with an empty history; the file is left as it is.")
                        .arg(path, error),
                    StorageFault::Damaged);

    // Checked before anything is changed, so a newer server's file is left exactly as it was.
    const auto version = scalar(QStringLiteral("PRAGMA user_version"), {}, &error);
    if (!version)
        return failWithLastFault(QStringLiteral("Cannot open the history database %1: %2").arg(path, error));
    if (version->toInt() > SchemaVersion)
        return fail(
            QStringLiteral("Cannot use the history database %1: %2").arg(path, newerSchemaMessage(version->toInt())));

    const auto journal = scalar(QStringLiteral("PRAGMA journal_mode = WAL"), {}, &error);
    if (!journal)
        return failWithLastFault(QStringLiteral("Cannot use the history database %1: %2").arg(path, error));
    if (journal->toString() == u"wal") {
        if (!execute(QStringLiteral("PRAGMA wal_autocheckpoint = 0"), &error) || !applyLogSizeLimit(&error))
            return failWithLastFault(QStringLiteral("Cannot configure the history database %1: %2").arg(path, error));
        m_checkpointer.start(path, [this] { scalar(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); });
    } else {
        qCInfo(lcStore).noquote() << "History database" << path << "uses journal mode" << journal->toString();
    }
    // Freed space is overwritten, so nothing of a deleted message stays in unused parts of the file.
    if (!applySynchronousMode() || !execute(QStringLiteral("PRAGMA foreign_keys = ON"), &error)
        || !execute(QStringLiteral("PRAGMA secure_delete = ON"), &error))
        return failWithLastFault(QStringLiteral("Cannot configure the history database %1: %2").arg(path, error));

    if (!migrate(&error)) {
        if (m_lastFault == StorageFault::ReadOnly)
            return fail(QStringLiteral("The history database %1 is read-only: %2. Make the file and its folder "
                                       "writable, or give another path with --db.")
                            .arg(path, error),
                        StorageFault::ReadOnly);
        return failWithLastFault(QStringLiteral("Cannot use the history database %1: %2").arg(path, error));
    }
    qCInfo(lcStore).noquote() << "Opened history database" << path;
    return true;
}

bool HistoryDatabase::checkIntegrity(QString *errorMessage)
{
    // quick_check reads every page and checks the b-tree structure, without the slower index cross-checks of
    // integrity_check: a damaged file is refused here, before it could answer with empty or partial pages.
    QString error;
    auto query = run(QStringLiteral("PRAGMA quick_check(%1)").arg(QuotedProblems), {}, &error);
    if (!query) {
        *errorMessage = error;
        return false;
    }
    QStringList problems;
    while (query->next())
        problems.append(query->value(0).toString());
    query->finish();
    if (problems == QStringList{QStringLiteral("ok")})
        return true;
    *errorMessage = problems.isEmpty() ? QStringLiteral("its check returned nothing") : problems.join(u"; ");
    return false;
}

bool HistoryDatabase::probeWrite(QString *errorMessage)
{
    // Setting user_version to its own value rewrites the file's first page: a real write, which changes nothing.
    // It does not wait for another program's lock: the event loop would stand still for the busy timeout.
    QString error;
    execute(QStringLiteral("PRAGMA busy_timeout = 0"));
    const bool ok = execute(QStringLiteral("BEGIN IMMEDIATE"), &error)
        && execute(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion), &error)
        && execute(QStringLiteral("COMMIT"), &error);
    const StorageFault fault = m_lastFault;
    if (!ok)
        execute(QStringLiteral("ROLLBACK"));
    execute(QStringLiteral("PRAGMA busy_timeout = %1").arg(BusyTimeoutMs));
    m_lastFault = fault;
    if (ok)
        return true;
    if (errorMessage)
        *errorMessage = error;
    return false;
}

void HistoryDatabase::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        m_lock.release();
        return;
    }
    m_checkpointer.stop();
    m_statements.clear();
    m_db.close();
    // removeDatabase() requires that no QSqlDatabase object still refers to the connection.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_lock.release();
}

bool HistoryDatabase::isOpen() const
{
    return m_db.isOpen();
}

int HistoryDatabase::schemaVersion() const
{
    if (!isOpen())
        return 0;
    const auto version = scalar(QStringLiteral("PRAGMA user_version"));
    return version ? version->toInt() : 0;
}

void HistoryDatabase::setCheckpointPolicy(int commitsPerCheckpoint, qint64 maxLogBytes)
{
    m_checkpointer.setCommitsPerCheckpoint(commitsPerCheckpoint);
    m_checkpointer.setMaxLogBytes(maxLogBytes);
    if (isOpen())
        applyLogSizeLimit();
}

bool HistoryDatabase::applyLogSizeLimit(QString *errorMessage)
{
    // What is left of the log file after a complete checkpoint: well below the cap that forces one in place.
    return scalar(QStringLiteral("PRAGMA journal_size_limit = %1").arg(m_checkpointer.maxLogBytes() / 4), {},
                  errorMessage)
        .has_value();
}

void HistoryDatabase::setDurableCommits(bool durable)
{
    m_durableCommits = durable;
    if (isOpen())
        applySynchronousMode();
}

bool HistoryDatabase::applySynchronousMode()
{
    QString error;
    const bool ok = execute(m_durableCommits ? QStringLiteral("PRAGMA synchronous = FULL")
                                             : QStringLiteral("PRAGMA synchronous = NORMAL"),
                            &error);
    if (!ok)
        qCWarning(lcStore).noquote() << "Cannot set the synchronous mode:" << error;
    return ok;
}

bool HistoryDatabase::execute(const QString &statement, QString *errorMessage)
{
    return run(statement, {}, errorMessage).has_value();
}

QSqlQuery *HistoryDatabase::prepared(const QString &statement, QString *errorMessage) const
{
    if (const auto cached = m_statements.find(statement); cached != m_statements.end())
        return &*cached;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(statement)) {
        m_lastFault = storageFaultOf(query.lastError());
        if (errorMessage)
            *errorMessage = query.lastError().text();
        return nullptr;
    }
    return &*m_statements.insert(statement, query);
}

std::optional<QSqlQuery> HistoryDatabase::run(const QString &statement, const QVariantList &values,
                                              QString *errorMessage) const
{
    QSqlQuery *query = prepared(statement, errorMessage);
    if (!query)
        return std::nullopt;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (query->exec()) {
        m_lastFault = StorageFault::None;
        return *query;
    }
    m_lastFault = storageFaultOf(query->lastError());
    if (errorMessage)
        *errorMessage = query->lastError().text();
    return std::nullopt;
}

std::optional<QVariant> HistoryDatabase::scalar(const QString &statement, const QVariantList &values,
                                                QString *errorMessage) const
{
    QString error;
    auto query = run(statement, values, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Query failed:" << statement << error;
        if (errorMessage)
            *errorMessage = error;
        return std::nullopt;
    }
    const QVariant value = query->next() ? query->value(0) : QVariant();
    query->finish();
    return value;
}

bool HistoryDatabase::migrate(QString *errorMessage)
{
    const QList<QStringList> steps = HistorySchema::migrationSteps();
    Q_ASSERT(steps.size() == SchemaVersion);

    QString error;
    const auto fail = [&](const QString &message) {
        const StorageFault fault = m_lastFault;
        execute(QStringLiteral("ROLLBACK"));
        m_lastFault = fault;
        *errorMessage = message;
        return false;
    };
    if (!execute(QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        *errorMessage = error;
        return false;
    }
    // Read inside the write transaction so two servers starting on one file cannot both migrate.
    const auto stored = scalar(QStringLiteral("PRAGMA user_version"), {}, &error);
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
    // Written even when there was nothing to migrate: a file SQLite could only open read-only fails here, at start,
    // rather than at the first send.
    if (version == SchemaVersion && !execute(QStringLiteral("PRAGMA user_version = %1").arg(version), &error))
        return fail(QStringLiteral("writing to it failed: %1").arg(error));
    if (!execute(QStringLiteral("COMMIT"), &error))
        return fail(QStringLiteral("committing the schema failed: %1").arg(error));
    if (version < SchemaVersion)
        qCInfo(lcStore) << "Migrated the history schema from version" << version << "to" << SchemaVersion;
    return true;
}

} // namespace Natter
