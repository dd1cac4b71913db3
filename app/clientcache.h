#pragma once

// What the app remembers of one server for one name, in an SQLite file of its own: the conversation list with
// unread counts and read positions, recent history, drafts and messages not yet delivered. A restart shows the
// last state at once, even with the server down.
//
// Writes are queued and committed together at the end of the event-loop turn (or at flush()), so a replay of a
// thousand messages is one transaction. Reads see queued writes: they flush first.

#include "cachefile.h"
#include "cachewritequeue.h"
#include "chatmessage.h"
#include "conversationid.h"
#include "outbox.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Natter {

class ClientCache : public QObject
{
    Q_OBJECT
public:
    // Everything the conversation list and a conversation's header show, and where its history stands.
    struct ConversationRecord
    {
        ConversationId id;
        QString topic;
        int memberCount = 0;
        int unread = 0;
        int unreadMentions = 0;
        qint64 lastReadSeq = 0;
        QDateTime lastActivity;
        QString draft;
        bool joined = false; // rooms: the user is in it (and rejoins it); direct conversations: listed
        bool olderOnServer = true; // the server may hold messages older than the oldest cached one

        friend bool operator==(const ConversationRecord &, const ConversationRecord &) = default;
    };

    // A conversation keeps at most this many cached messages; older ones come from the server again.
    static constexpr int DefaultMessageLimit = 100'000;

    explicit ClientCache(QObject *parent = nullptr);
    ~ClientCache() override;

    // The file for one server and one name, under dataDirectory: the same server spelled differently, or the same
    // name in another case, is the same file.
    static QString pathFor(const QString &dataDirectory, const QString &serverIdentity, const QString &userName)
    {
        return CacheFile::pathFor(dataDirectory, serverIdentity, userName);
    }

    // Opens (creating folders and tables) the file; false with lastError() if it cannot. A cache that is not
    // open remembers nothing and returns nothing; the app works without it.
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    // Moves the open file (or, closed, nothing) to path and opens it there: the user's name changed. Whatever an
    // earlier use left at path is older than this and is replaced.
    bool moveTo(const QString &path);
    // Moves a cache file that is not open, with its write-ahead log; false if there is none at source.
    static bool moveFile(const QString &source, const QString &target) { return CacheFile::moveFile(source, target); }
    QString path() const { return m_file.path(); }
    QString lastError() const { return m_lastError; }
    void setMessageLimit(int messages) { m_messageLimit = messages; }

    QList<ConversationRecord> conversations();
    void saveConversation(const ConversationRecord &record);
    void removeConversation(const ConversationId &id); // with its messages

    // Up to `limit` messages with seq < beforeSeq (0: the newest), oldest first.
    QList<Protocol::ChatMessage> messages(const ConversationId &id, qint64 beforeSeq, int limit);
    // The id of the cached message with this seq, empty if none.
    QString idAt(const ConversationId &id, qint64 seq);
    // The newest cached seq of a conversation, 0 if none.
    qint64 newestSeq(const ConversationId &id);
    qint64 oldestSeq(const ConversationId &id);
    void addMessages(const ConversationId &id, const QList<Protocol::ChatMessage> &messages);
    void addMessage(const ConversationId &id, const Protocol::ChatMessage &message) { addMessages(id, {message}); }
    // One emoji's count on the kept message `seq` changed (see MessageReactions::apply).
    void applyReaction(const ConversationId &id, qint64 seq, const QString &emoji, int count, std::optional<bool> mine);
    // Drops cached messages older than seq: what is left must be one unbroken run up to the newest.
    void removeMessagesBefore(const ConversationId &id, qint64 seq);

    QList<OutgoingMessage> outbox();
    void saveOutbox(const QList<OutgoingMessage> &messages);

    QString value(const QString &key);
    void setValue(const QString &key, const QString &value);

    // Commits every queued write now.
    void flush();

private:
    void trim(const QString &key);

    QString m_connectionName;
    CacheFile m_file;
    CacheWriteQueue m_writes;
    QHash<QString, int> m_addedSinceTrim; // conversation key -> messages added
    QString m_lastError;
    int m_messageLimit = DefaultMessageLimit;
};

} // namespace Natter
