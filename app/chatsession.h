#pragma once

// The registry of one server's conversations: one Conversation object per room or direct conversation, kept in
// step with the ChatClient and the local cache, the conversation list, which conversation is on screen, and who
// is online. Widgets talk to this and to the models it hands out, never to the ChatClient.

#include "chatclient.h"
#include "clientcache.h"
#include "conversationid.h"
#include "directconversationbudget.h"
#include "onlinemembers.h"
#include "ownmessages.h"
#include "readpositions.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace Natter {

class Conversation;
class MemberModel;
class MessageModel;
class RoomDirectoryModel;
class RoomListModel;

class ChatSession : public QObject
{
    Q_OBJECT
public:
    explicit ChatSession(ChatClient *client, QObject *parent = nullptr);
    ~ChatSession() override;

    ChatClient *client() const { return m_client; }
    RoomListModel *conversations() const { return m_conversations; }
    // Every room on the server, for the room directory.
    RoomDirectoryModel *roomDirectory() const { return m_directory; }
    // The conversation's object, created (not listed) on first use.
    Conversation *conversation(const ConversationId &id);
    Conversation *find(const ConversationId &id) const;
    // The listed conversation whose ConversationId::key() this is; invalid if none.
    ConversationId conversationForKey(const QString &key) const;
    // The messages of one conversation.
    MessageModel *messages(const ConversationId &id);
    // The members of the conversation on screen (an empty model when there is none).
    MemberModel *members() const;

    // Where conversations are remembered; null: nowhere. Lists what the cache remembers at once, with the
    // conversation that was on screen. Not owned.
    void setCache(ClientCache *cache);
    ClientCache *cache() const { return m_cache; }
    // What the client should ask the server to continue, and the messages still to deliver.
    QList<ResumePoint> resumePoints() const;
    QList<OutgoingMessage> unsentMessages() const;
    // Forgets every conversation (going to another server).
    void reset();

    ConversationId current() const { return m_current; }
    Conversation *currentConversation() const;
    void setCurrent(const ConversationId &id);
    // While the window is not active, messages in the current conversation count as unread too.
    void setWindowActive(bool active);
    bool isWindowActive() const { return m_windowActive; }

    // Sends to the current conversation; "/me waves" is sent as an action. Returns the message id, or empty.
    QString send(const QString &text) { return m_ownMessages->send(text); }
    // Changes, or takes back, the user's own message `seq` in the current conversation; the change shows once the
    // server has it, and a refusal is a notice. Return the id, or empty when there is nothing to send.
    QString editMessage(qint64 seq, const QString &text) { return m_ownMessages->edit(seq, text); }
    QString deleteMessage(qint64 seq) { return m_ownMessages->remove(seq); }
    // Sends `text` to the current conversation as an answer to its message `seq`.
    QString reply(qint64 seq, const QString &text) { return m_ownMessages->reply(seq, text); }
    void retry(const QString &id) { m_ownMessages->retry(id); }
    // Gives up on a message that failed to send.
    void discard(const QString &id) { m_ownMessages->discard(id); }
    // Takes a direct conversation off the list and out of what the app remembers (the server keeps its history).
    void closeDirect(const ConversationId &conversation);
    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    void openDirect(const QString &peer);
    void typing();
    void setTopic(const QString &room, const QString &topic) { m_client->setTopic(room, topic); }
    void changeName(const QString &name) { m_client->changeName(name); }
    void requestRooms() { m_client->requestRooms(); }
    // Puts `emoji` on message `seq` of the current conversation, or takes this user's own back.
    void react(qint64 seq, const QString &emoji, bool on);
    // Asks who put `emoji` on message `seq` of the current conversation, answered by reactorsReceived; nothing is
    // asked while not connected.
    void requestReactors(qint64 seq, const QString &emoji);
    // Whether the server takes reactions (it lists "react" among its features).
    bool canReact() const { return m_client->serverInfo().features.contains(QStringLiteral("react")); }
    // Different emoji the server takes on one message.
    int maxReactionsPerMessage() const { return m_client->serverInfo().limits.maxReactionsPerMessage; }
    // The user's unsent text in the current conversation.
    void setDraft(const QString &text);
    QStringList memberNamesOf(const QString &room) const;
    // Seen in one of the user's rooms right now.
    bool isOnline(const QString &name) const { return m_online.isOnline(name); }
    // The public key last seen for the name on this server; empty for a guest or someone never seen.
    // The key `name` signed in with as last seen in this session (empty for a guest), else the one remembered.
    QByteArray keyOf(const QString &name) const { return m_online.keyOf(name); }
    QByteArray ownKey() const { return m_client->publicKey(); }

    // The connection, for the window's words about it.
    ChatClient::State connectionState() const { return m_client->state(); }
    ChatClient::Interruption interruption() const { return m_client->interruption(); }
    QString ownName() const { return m_client->name(); }
    QString serverName() const { return m_client->serverInfo().name; }
    QUrl serverUrl() const { return m_client->url(); }
    int maxTextBytes() const { return m_client->serverInfo().limits.maxTextBytes; }
    // Tries to reconnect now instead of waiting for the next attempt.
    void reconnectNow() { m_client->reconnectNow(); }

signals:
    void currentChanged(const Natter::ConversationId &conversation);
    // The members model of the conversation on screen was replaced.
    void membersChanged(Natter::MemberModel *members);
    // Something addressed to this user arrived where the user is not looking: a direct message or a mention.
    void attentionRequested(const Natter::ConversationId &conversation, const QString &from, const QString &text);
    // Something the user asked for did not happen; the text says what and why, in the user's language.
    void noticeRaised(const QString &text);
    // A state worth a lasting status line that needs nothing from the user, in the user's language.
    void statusRaised(const QString &text);
    // Who put `emoji` on message `seq` of the current conversation: `names` (at most 50) of `count`.
    void reactorsReceived(qint64 seq, const QString &emoji, const QStringList &names, int count);
    void connectionChanged();

private:
    Conversation *listed(const ConversationId &id);
    // Takes a conversation off the list, out of the registry and out of the cache.
    void forget(Conversation *object);
    void onWelcomed(const Protocol::Welcome &welcome);
    void onStateChanged(ChatClient::State state);
    void onJoined(const Protocol::Joined &joined);
    void onLeft(const QString &room);
    void onMessage(const Protocol::ChatMessage &message);
    void onPresence(const Protocol::Presence &presence);
    void onTyping(const Protocol::TypingEvent &typing);
    void onNameChanged(const QString &name);
    void onRoomSummaries(const QList<Protocol::RoomSummary> &rooms);
    bool isSeen(const ConversationId &id) const;
    void rememberCurrent();
    // The members of a room came or went: who is online follows, one name at a time.
    void countMembersOf(const Conversation *room, bool arrived);

    ChatClient *m_client;
    QPointer<ClientCache> m_cache;
    RoomListModel *m_conversations;
    RoomDirectoryModel *m_directory;
    MemberModel *m_noMembers; // shown when no conversation is
    OwnMessages *m_ownMessages;
    QHash<ConversationId, Conversation *> m_registry; // owned as children
    ReadPositions m_readPositions{m_client, &m_registry};
    ConversationId m_current;
    QString m_pendingJoin; // a room the user asked to join: show it when the server confirms
    OnlineMembers m_online;
    DirectConversationBudget m_newDirect; // direct conversations others started that the user has not opened
    bool m_windowActive = true;
};

} // namespace Natter
