#pragma once

// One room or direct conversation as this app knows it: its messages and members, who is typing, what is
// unread and where the user stopped reading, the draft, and where its older history comes from (the local cache
// first, then the server). It keeps its part of the cache up to date.

#include "clientcache.h"
#include "conversationid.h"
#include "mentionmatcher.h"
#include "outbox.h"
#include "pendingmessages.h"
#include "servermessages.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Natter {

class ChatClient;
class MemberModel;
class MessageModel;

class Conversation : public QObject
{
    Q_OBJECT
public:
    // Messages read from the cache at a time: more than a tall window shows.
    static constexpr int CachePageSize = 100;

    // client and cache are not owned and may be null (a conversation then only keeps what it is given).
    Conversation(const ConversationId &id, ChatClient *client, ClientCache *cache, QObject *parent = nullptr);
    ~Conversation() override;

    ConversationId id() const { return m_id; }
    // "#dev", or the other person's name.
    QString title() const;
    MessageModel *messages() const { return m_messages; }
    MemberModel *members() const { return m_members; }

    QString topic() const { return m_topic; }
    int memberCount() const { return m_memberCount; }
    // Whether memberCount() is the room's as the server says now; false while disconnected (it is the count when
    // last seen) and after a start from the cache until the server lists the room again.
    bool isMemberCountCurrent() const { return m_memberCountCurrent; }
    int unread() const { return m_unread; }
    int unreadMentions() const { return m_unreadMentions; }
    qint64 lastReadSeq() const { return m_lastReadSeq; }
    QDateTime lastActivity() const { return m_lastActivity; }
    QString draft() const { return m_draft; }
    // Rooms: the user is in it. Direct conversations are always "joined".
    bool isJoined() const { return m_joined; }
    // Direct conversations: the other person is online, as far as this app can tell.
    bool isPeerOnline() const { return m_peerOnline; }
    // The partner was last seen without a key: messages cannot wait for them while they are away.
    bool isPeerGuest() const { return m_peerGuest; }
    // The newest message this app has of the conversation, cached or live; 0 if none.
    qint64 lastSeq() const { return m_lastSeq; }

    ClientCache::ConversationRecord record() const;
    // Takes the remembered state from the cache (no messages: they load when the conversation is opened).
    void restore(const ClientCache::ConversationRecord &record);

    void setOwnName(const QString &name);
    void setTopic(const QString &topic);
    void setJoined(bool joined);
    void setPeerOnline(bool online);
    // A direct conversation's partner signed in without a key, as last seen.
    void setPeerGuest(bool guest);
    // The room's members as the server listed them; the count follows.
    void setMembers(const QStringList &names);
    void addMember(const QString &name, bool guest = false);
    void removeMember(const QString &name);
    void renameMember(const QString &oldName, const QString &newName);
    // Nobody can be seen while the connection is down.
    void forgetMembers();
    void setMemberCount(int count);
    void setTyping(const QString &name);

    // The server's answer to a join: topic, members and the newest page.
    void applyJoined(const Protocol::Joined &joined);
    // A message from the server, live or replayed. `seen`: the user is looking at this conversation right now.
    void addMessage(const Protocol::ChatMessage &message, bool seen);
    // This user's message on its way; shown at once.
    void addPending(const OutgoingMessage &message);
    void markSent(const QString &id, qint64 seq, qint64 ts);
    void markFailed(const QString &id, const QString &reason);
    void markPending(const QString &id);
    void discard(const QString &id);
    void addHistoryPage(const Protocol::HistoryPage &page);
    // Someone changed their reaction on a message here (byMe: this user); the model and the cache follow.
    void applyReaction(const Protocol::ReactionEvent &event, bool byMe);
    // Puts `emoji` on message `seq`, or takes this user's own back; the change shows when the server tells everyone.
    void react(qint64 seq, const QString &emoji, bool on);
    // No page comes for the last request: refused by the server, or lost with the connection (then it is asked
    // again at connected()).
    void historyFailed(bool lostWithConnection);
    // The client is signed in (again): what could not be asked while it was not is asked now.
    void connected();

    // The user opened the conversation: its newest cached page is shown without waiting for the network, and
    // the "new messages" line is placed before the first unread message.
    void open();
    // Loads the cached messages from the oldest shown down to `seq`, if the cache has it and it takes at most
    // maxRows rows; whether the list now holds message `seq`.
    bool loadThrough(qint64 seq, int maxRows);
    // The user went elsewhere: the line goes.
    void close();
    // The user has seen everything up to the newest message.
    void markAllRead();
    // Where the server says the user stopped reading (perhaps on another computer) and what came since, counted
    // over everything this app was sent before; false (and nothing changes) when this app read further.
    bool applyServerReadPosition(qint64 read, int unread, int mentions);
    void setDraft(const QString &draft);

signals:
    // Something the conversation list or the header shows has changed.
    void summaryChanged();
    // The user read on, up to seq (a message of someone else seen, or everything marked read).
    void readUpTo(qint64 seq);
    // A message from someone else arrived unseen; mention: it names this user.
    void unseenMessage(const Protocol::ChatMessage &message, bool mention);

private:
    void changed();
    void saveRecord();
    void loadOlder(qint64 beforeSeq);
    void noteActivity(qint64 ts);
    bool showsEverything() const;
    void forgetHistoryBefore(qint64 seq);
    bool contradictsCache(const Protocol::ChatMessage &message) const;

    ConversationId m_id;
    QPointer<ChatClient> m_client;
    QPointer<ClientCache> m_cache;
    MessageModel *m_messages;
    MemberModel *m_members;
    PendingMessages m_pending; // what this user sent here that the server has not stored
    QString m_ownName;
    MentionMatcher m_mention;
    QString m_topic;
    int m_memberCount = 0;
    bool m_memberCountCurrent = false;
    int m_unread = 0;
    int m_unreadMentions = 0;
    qint64 m_lastReadSeq = 0;
    qint64 m_lastSeq = 0;
    QDateTime m_lastActivity;
    QString m_draft;
    bool m_joined = false;
    bool m_peerOnline = false;
    bool m_peerGuest = false;
    bool m_olderOnServer = true;
    bool m_opened = false; // loaded from the cache at least once
    bool m_historyLost = false; // a history request went unanswered because the connection was down
    QTimer m_saveTimer;
};

} // namespace Natter
