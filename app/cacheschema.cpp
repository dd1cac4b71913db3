#include "cacheschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Natter {

namespace {

const char *const Tables[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS conversations ("
    " key TEXT PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, topic TEXT NOT NULL DEFAULT '',"
    " member_count INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0,"
    " mentions INTEGER NOT NULL DEFAULT 0, last_read_seq INTEGER NOT NULL DEFAULT 0,"
    " last_activity INTEGER NOT NULL DEFAULT 0, draft TEXT NOT NULL DEFAULT '', joined INTEGER NOT NULL DEFAULT 0,"
    " older_on_server INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS messages ("
    " conversation TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, sender TEXT NOT NULL,"
    " room TEXT NOT NULL, recipient TEXT NOT NULL, text TEXT NOT NULL, kind INTEGER NOT NULL, ts INTEGER NOT NULL,"
    " edited INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, reply_seq INTEGER NOT NULL DEFAULT 0,"
    " reply_from TEXT NOT NULL DEFAULT '', reply_text TEXT NOT NULL DEFAULT '', reactions TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (conversation, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS outbox ("
    " position INTEGER PRIMARY KEY, id TEXT NOT NULL, conversation TEXT NOT NULL, peer TEXT NOT NULL,"
    " text TEXT NOT NULL, kind INTEGER NOT NULL, failed INTEGER NOT NULL, target INTEGER NOT NULL DEFAULT 0,"
    " reply_seq INTEGER NOT NULL DEFAULT 0, reply_from TEXT NOT NULL DEFAULT '', reply_text TEXT NOT NULL DEFAULT '')",
};

bool failed(const QSqlQuery &query, QString *error)
{
    *error = query.lastError().text();
    return false;
}

} // namespace

bool CacheSchema::prepare(const QSqlDatabase &database, QString *error)
{
    QSqlQuery query(database);
    // A cache survives the app being killed (WAL), but need not survive a power cut: the server has it all.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=OFF"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return failed(query, error);
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failed(query, error);
    const int version = query.value(0).toInt();
    if (version > Version) {
        *error = tr("The cache was written by a newer version of Natter.");
        return false;
    }
    for (const char *statement : Tables) {
        if (!query.exec(QString::fromLatin1(statement)))
            return failed(query, error);
    }
    if (version == 1) { // messages from before edits and deletions
        for (const char *statement : {"ALTER TABLE messages ADD COLUMN edited INTEGER NOT NULL DEFAULT 0",
                                      "ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
                                      "ALTER TABLE messages ADD COLUMN reply_seq INTEGER NOT NULL DEFAULT 0",
                                      "ALTER TABLE messages ADD COLUMN reply_from TEXT NOT NULL DEFAULT ''",
                                      "ALTER TABLE messages ADD COLUMN reply_text TEXT NOT NULL DEFAULT ''",
                                      "ALTER TABLE outbox ADD COLUMN target INTEGER NOT NULL DEFAULT 0",
                                      "ALTER TABLE outbox ADD COLUMN reply_seq INTEGER NOT NULL DEFAULT 0",
                                      "ALTER TABLE outbox ADD COLUMN reply_from TEXT NOT NULL DEFAULT ''",
                                      "ALTER TABLE outbox ADD COLUMN reply_text TEXT NOT NULL DEFAULT ''"}) {
            if (!query.exec(QString::fromLatin1(statement)))
                return failed(query, error);
        }
    }
    if (version == 1 || version == 2) { // messages from before reactions: none kept, the server's copies bring them
        if (!query.exec(QStringLiteral("ALTER TABLE messages ADD COLUMN reactions TEXT NOT NULL DEFAULT ''")))
            return failed(query, error);
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(Version)))
        return failed(query, error);
    return true;
}

} // namespace Natter
