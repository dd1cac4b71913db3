#pragma once

// Opens the SQLite history file, configures it and brings its schema up to date.

#include "historycheckpointer.h"
#include "historyfilelock.h"
#include "storagefault.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace Natter {

class HistoryDatabase
{
public:
    static constexpr int SchemaVersion = 7;

    HistoryDatabase();
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Opens (creating folders and file as needed), checks and migrates the schema. False with a message on failure,
    // and openFault() says why. The file's lock file (path + ".lock") is held until close(), so that a second server
    // on the same file cannot start.
    bool open(const QString &path, QString *errorMessage = nullptr);
    void close();
    bool isOpen() const;
    // Why the last open() failed: InUse, ReadOnly, Damaged, … (None after a successful open).
    StorageFault openFault() const { return m_openFault; }
    // What the last statement reported (see storageFaultOf): None when it succeeded.
    StorageFault lastFault() const { return m_lastFault; }
    // Commits a write of one page, to learn whether the file can be written now. False (with the reason and
    // lastFault()) when it cannot.
    bool probeWrite(QString *errorMessage = nullptr);
    int schemaVersion() const;
    // Synchronous mode for commits: true = FULL (survives power loss), false = NORMAL (survives crashes).
    void setDurableCommits(bool durable);

    // To be called after each COMMIT: checkpoints the write-ahead log now and then (see HistoryCheckpointer).
    void committed() { m_checkpointer.committed(); }
    void setCheckpointPolicy(int commitsPerCheckpoint, qint64 maxLogBytes);
    int checkpointsRun() const { return m_checkpointer.checkpointsRun(); }

    // Statements are prepared once per connection and kept: SQLite then only binds and steps them again.
    // Runs a statement without results. False (with the reason in *errorMessage) when it fails.
    bool execute(const QString &statement, QString *errorMessage = nullptr);
    // Binds values to a statement's placeholders in order and runs it. The query stands before its first result
    // row; nullopt (with the reason in *errorMessage) when it fails. A caller that stops reading before the last
    // row calls finish() on it, or the statement would keep its read snapshot open.
    std::optional<QSqlQuery> run(const QString &statement, const QVariantList &values = {},
                                 QString *errorMessage = nullptr) const;
    // Runs a statement that yields one value: a null QVariant when there is no row, nullopt (with the reason in
    // *errorMessage) when it fails.
    std::optional<QVariant> scalar(const QString &statement, const QVariantList &values = {},
                                   QString *errorMessage = nullptr) const;

private:
    bool checkIntegrity(QString *errorMessage);
    bool migrate(QString *errorMessage);
    bool applySynchronousMode();
    bool applyLogSizeLimit(QString *errorMessage = nullptr);
    QSqlQuery *prepared(const QString &statement, QString *errorMessage) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    HistoryFileLock m_lock;
    StorageFault m_openFault = StorageFault::None;
    mutable StorageFault m_lastFault = StorageFault::None;
    mutable QHash<QString, QSqlQuery> m_statements; // SQL text -> its prepared statement
    bool m_durableCommits = false;
    HistoryCheckpointer m_checkpointer;
};

} // namespace Natter
