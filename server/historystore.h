#pragma once

// Keeps every room's and direct pair's messages in SQLite, assigns their seq, and commits in batches.

#include "chatmessage.h"
#include "historydatabase.h"
#include "historyrevisions.h"
#include "searchindexpurge.h"
#include "storageavailability.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>
#include <utility>

namespace Natter {

struct StoredRoom
{
    QString name;
    QString topic;
    QString creator; // the maker's key party; empty for a guest, lobby, and rooms from before it was kept
    QString creatorAddress; // the maker's address group; empty for lobby and rooms from before it was kept
};

class HistoryStore : public QObject
{
    Q_OBJECT
public:
    enum class AppendStatus {
        Queued, // new: will be committed on the next event-loop turn (or flush())
        AlreadyQueued, // same sender and id seen, not yet committed: wait for committed()
        AlreadyStored, // same sender and id committed before: acknowledge at once
        Refused, // new, and the check passed to append() refused it: `refusal` says why
        Unavailable, // new, but the history cannot be written now (see isWritable()): not queued
    };

    struct AppendResult
    {
        AppendStatus status = AppendStatus::Queued;
        Protocol::ChatMessage message; // with seq and ts assigned (the original's for a duplicate)
        Protocol::ProtocolError refusal;
    };
    // Run by append() for a message that is not a resend, before it takes a seq.
    using Check = std::function<std::optional<Protocol::ProtocolError>()>;

    static constexpr int SchemaVersion = HistoryDatabase::SchemaVersion;

    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override;

    // Opens (creating folders and file as needed) and migrates the schema. False with a message on failure.
    bool open(const QString &path, QString *errorMessage = nullptr);
    void close();
    bool isOpen() const { return m_database.isOpen(); }
    int schemaVersion() const { return m_database.schemaVersion(); }
    // Synchronous mode for commits: true = FULL (survives power loss), false = NORMAL (survives crashes).
    void setDurableCommits(bool durable) { m_database.setDurableCommits(durable); }
    // False after a commit failed because of the storage (full disk, read-only file, …) until a test write
    // succeeds again; meanwhile append() answers new messages with Unavailable. Reading goes on.
    bool isWritable() const { return m_availability.isAvailable(); }
    StorageFault storageFault() const { return m_availability.fault(); }
    // Why open() failed: InUse, ReadOnly, Damaged, ….
    StorageFault openFault() const { return m_database.openFault(); }
    StorageAvailability &availability() { return m_availability; }
    // How long the words of deleted messages may stay in the file's search index (see SearchIndexPurge).
    void setSearchPurgeDelay(int milliseconds) { m_searchPurge.setDelay(milliseconds); }

    // The conversation of the direct messages between two parties (see Party); their order does not matter.
    static QString directConversation(const QString &partyA, const QString &partyB);
    // The two parties of a direct conversation made by directConversation(); empty for anything else.
    static QStringList directParties(const QString &conversation);

    // Who made the message's id. A client may send the same id again (a resend after reconnecting), so its
    // ids are checked against what is queued and stored; ids the server makes itself are new by construction.
    enum class IdSource { Client, Server };
    // Assigns seq and ts and queues the message in the conversation (a room's name, or a directConversation()).
    // senderKey identifies the sender for the duplicate check.
    AppendResult append(const QString &conversation, const Protocol::ChatMessage &message, const QString &senderKey,
                        IdSource idSource = IdSource::Client, const Check &check = {});
    // Commits everything queued now, in one transaction. Returns false if the commit failed.
    bool flush();
    int pendingCount() const;
    // The message `seq` of the conversation, queued or stored, as an edit or delete of it needs to know it.
    std::optional<HistoryRevisions::Target> revisionTarget(const QString &conversation, qint64 seq);

    // What a read returns: the messages people wrote, edits and deletes (pages), or reaction changes too (replay).
    enum class Rows { Messages, WithReactionChanges };
    // Reading. Lists are in ascending seq order.
    QList<Protocol::ChatMessage> latest(const QString &conversation, int limit, bool *more = nullptr) const;
    QList<Protocol::ChatMessage> before(const QString &conversation, qint64 beforeSeq, int limit,
                                        bool *more = nullptr) const;
    QList<Protocol::ChatMessage> after(const QString &conversation, qint64 afterSeq, int limit,
                                       Rows rows = Rows::Messages) const;
    // The row id of a conversation that has one (for HistoryReactions); 0 for none yet.
    qint64 existingConversation(const QString &conversation);
    qint64 lastSeq(const QString &conversation) const;
    qint64 messageCount() const;

    // Rooms outlive their members: their names and topics are kept here.
    // The creator is recorded only for a room the call makes.
    bool ensureRoom(const QString &room, const QString &creator = {}, const QString &creatorAddress = {});
    // Forgets a room that has no messages (queued ones included); false if it has some, or was not there.
    bool removeEmptyRoom(const QString &room);
    bool setTopic(const QString &room, const QString &topic);
    QList<StoredRoom> rooms() const;

    // The open file, for the tables kept beside the messages (names, mailboxes).
    HistoryDatabase &database() { return m_database; }

signals:
    // Emitted after each successful commit with the messages it made durable, in append order, and the
    // conversation of each.
    void committed(const QList<Protocol::ChatMessage> &messages, const QStringList &conversations);
    // Emitted when a commit failed; the messages were not stored and their seqs are free again. A fault for which
    // isStorageUnavailable() holds made the store unwritable until it recovers by itself.
    void commitFailed(const QList<Protocol::ChatMessage> &messages, const QStringList &conversations,
                      const QString &error, Natter::StorageFault fault);
    // The history became unwritable (false) or writable again (true).
    void writableChanged(bool writable);

private:
    struct Pending
    {
        Protocol::ChatMessage message;
        QString conversation;
        QString senderKey;
    };

    qint64 conversationId(const QString &conversation, bool create);
    void scheduleFlush();
    QList<Protocol::ChatMessage> query(const QString &conversation, QString condition, qint64 bound, int limit,
                                       bool newestFirst, Rows rows) const;
    bool writeBatch(const QList<Pending> &batch, QString *errorMessage, StorageFault *fault);
    std::optional<Protocol::ChatMessage> storedMessage(const QString &senderKey, const QString &clientId) const;
    qint64 storedLastSeq(const QString &conversation) const;

    HistoryDatabase m_database;
    SearchIndexPurge m_searchPurge{&m_database, this}; // children, so that they move to the store's thread with it
    StorageAvailability m_availability{&m_database, this};
    QList<Pending> m_pending;
    QHash<std::pair<QString, QString>, qsizetype> m_pendingIndex; // (senderKey, id) -> index in m_pending
    QHash<QString, qint64> m_nextSeq; // conversation -> next seq to assign
    QHash<QString, qint64> m_conversationIds; // conversation key -> row id
    bool m_flushScheduled = false;
};

} // namespace Natter
