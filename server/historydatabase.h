#pragma once

// Opens the SQLite history file, configures it and brings its schema up to date.

#include "historycheckpointer.h"

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
    static constexpr int SchemaVersion = 6;

    HistoryDatabase();
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Opens (creating folders and file as needed) and migrates the schema. False with a message on failure.
    bool open(const QString &path, QString *errorMessage = nullptr);
    void close();
    bool isOpen() const;
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
    bool migrate(QString *errorMessage);
    bool applySynchronousMode();
    bool applyLogSizeLimit(QString *errorMessage = nullptr);
    QSqlQuery *prepared(const QString &statement, QString *errorMessage) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    mutable QHash<QString, QSqlQuery> m_statements; // SQL text -> its prepared statement
    bool m_durableCommits = false;
    HistoryCheckpointer m_checkpointer;
};

} // namespace Natter
