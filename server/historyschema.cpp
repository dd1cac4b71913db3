#include "historyschema.h"

namespace Natter {

QList<QStringList> HistorySchema::migrationSteps()
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
        {
            // Everyone who signed in with a key, and the names each key owns (see IdentityDirectory).
            QStringLiteral("CREATE TABLE identities ("
                           "id INTEGER PRIMARY KEY, "
                           "public_key BLOB NOT NULL UNIQUE, "
                           "created_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE owned_names ("
                           "name_key TEXT PRIMARY KEY, "
                           "skeleton TEXT NOT NULL, "
                           "name TEXT NOT NULL, "
                           "identity INTEGER NOT NULL REFERENCES identities (id), "
                           "used_ms INTEGER NOT NULL) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX owned_names_skeleton ON owned_names (skeleton)"),
            QStringLiteral("CREATE INDEX owned_names_identity ON owned_names (identity, used_ms)"),
            // Direct conversations with messages an owner has not received yet (see OfflineMailbox).
            QStringLiteral("CREATE TABLE offline_directs ("
                           "identity INTEGER NOT NULL REFERENCES identities (id), "
                           "conversation TEXT NOT NULL, "
                           "first_seq INTEGER NOT NULL, "
                           "PRIMARY KEY (identity, conversation)) WITHOUT ROWID"),
        },
        {
            // Edits and deletions (see HistoryRevisions): the row they change, when its text last changed, and
            // whether its sender took it back.
            QStringLiteral("ALTER TABLE messages ADD COLUMN target INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN edited_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX messages_target ON messages (conversation, target) WHERE target > 0"),
            // Replies: the message answered and a short quote of it, kept so that no client has to fetch it.
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_sender TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_text TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX messages_reply ON messages (conversation, reply_seq) WHERE reply_seq > 0"),
        },
        {
            // Search (see MessageSearch): the words of every text and action message that was not deleted. The
            // index keeps no copy of the text (content=''), so it adds only its word lists to the file. Its row
            // is (conversation << 32) + seq, which keeps a conversation's messages together and in seq order.
            // Triggers keep it in step with every insert, edit and delete, inside the same transaction.
            QStringLiteral("CREATE VIRTUAL TABLE message_words USING fts5(text, content='', "
                           "tokenize='unicode61 remove_diacritics 2')"),
            QStringLiteral("CREATE TRIGGER message_words_insert AFTER INSERT ON messages "
                           "WHEN NEW.kind IN (0, 1) AND NEW.deleted = 0 BEGIN "
                           "INSERT INTO message_words (rowid, text) VALUES ((NEW.conversation << 32) + NEW.seq, "
                           "NEW.text); END"),
            QStringLiteral("CREATE TRIGGER message_words_update AFTER UPDATE OF text ON messages "
                           "WHEN OLD.kind IN (0, 1) BEGIN "
                           "INSERT INTO message_words (message_words, rowid, text) "
                           "SELECT 'delete', (OLD.conversation << 32) + OLD.seq, OLD.text WHERE OLD.deleted = 0; "
                           "INSERT INTO message_words (rowid, text) "
                           "SELECT (NEW.conversation << 32) + NEW.seq, NEW.text WHERE NEW.deleted = 0; END"),
            QStringLiteral("CREATE TRIGGER message_words_delete AFTER DELETE ON messages "
                           "WHEN OLD.kind IN (0, 1) AND OLD.deleted = 0 BEGIN "
                           "INSERT INTO message_words (message_words, rowid, text) "
                           "VALUES ('delete', (OLD.conversation << 32) + OLD.seq, OLD.text); END"),
            QStringLiteral("INSERT INTO message_words (rowid, text) SELECT (conversation << 32) + seq, text "
                           "FROM messages WHERE kind IN (0, 1) AND deleted = 0"),
        },
        {
            // Reactions (see HistoryReactions): who has which emoji on which message now, one row each. Each change
            // is also a message row of its own (kind 4 react, 5 unreact), so that it replays in seq order; this
            // table answers the counts and the names without reading those.
            QStringLiteral("CREATE TABLE reactions ("
                           "conversation INTEGER NOT NULL REFERENCES conversations (id), "
                           "seq INTEGER NOT NULL, "
                           "emoji TEXT NOT NULL, "
                           "reactor TEXT NOT NULL, " // the reactor's party
                           "name TEXT NOT NULL, " // the reactor's name as shown when it reacted
                           "rev INTEGER NOT NULL, " // the seq of the change that put it on: orders emoji and names
                           "PRIMARY KEY (conversation, seq, emoji, reactor)) WITHOUT ROWID"),
        },
        {
            // Where each owner of a name stopped reading each conversation (see ReadMarkerStore); peer names the
            // other person of a direct conversation as the owner last wrote it, to tell their client which one.
            QStringLiteral("CREATE TABLE read_markers ("
                           "identity INTEGER NOT NULL REFERENCES identities (id), "
                           "conversation TEXT NOT NULL, "
                           "peer TEXT NOT NULL DEFAULT '', "
                           "seq INTEGER NOT NULL, "
                           "read_ms INTEGER NOT NULL, "
                           "PRIMARY KEY (identity, conversation)) WITHOUT ROWID"),
        },
        {
            // Who made each room (see RoomCreationGate): the maker's key party ('' for a guest) and address group;
            // both '' for rooms made before this was kept, and for lobby.
            QStringLiteral("ALTER TABLE conversations ADD COLUMN creator TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN creator_address TEXT NOT NULL DEFAULT ''"),
        },
    };
}

} // namespace Natter
