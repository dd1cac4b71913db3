#pragma once

// Keeps the app's models in step with one ChatClient: a message model per conversation, the conversation list
// with unread counts, and the members of the conversation on screen.

#include "conversationid.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>

#include <memory>

namespace Natter {

class ChatClient;
class MemberModel;
class MessageModel;
class RoomListModel;

class ChatSession : public QObject
{
    Q_OBJECT
public:
    explicit ChatSession(ChatClient *client, QObject *parent = nullptr);
    ~ChatSession() override;

    ChatClient *client() const { return m_client; }
    RoomListModel *conversations() const { return m_conversations; }
    MemberModel *members() const { return m_members; }
    // The messages of one conversation, created on first use.
    MessageModel *messages(const ConversationId &conversation);

    ConversationId current() const { return m_current; }
    void setCurrent(const ConversationId &conversation);
    // While the window is not active, messages in the current conversation count as unread too.
    void setWindowActive(bool active);

    // Sends to the current conversation; "/me waves" is sent as an action. Returns the message id, or empty.
    QString send(const QString &text);
    void retry(const QString &id);
    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    void openDirect(const QString &peer);
    void typing();
    QStringList memberNamesOf(const QString &room) const { return m_roomMembers.value(room); }

signals:
    void currentChanged(const Natter::ConversationId &conversation);
    // Something addressed to this user arrived where the user is not looking: a direct message or a mention.
    void attentionRequested(const Natter::ConversationId &conversation, const QString &from, const QString &text);

private:
    void onWelcomed(const Protocol::Welcome &welcome);
    void onJoined(const Protocol::Joined &joined);
    void onLeft(const QString &room);
    void onQueued(const ConversationId &conversation, const QString &id, const QString &text, Protocol::MessageKind kind);
    void onMessage(const Protocol::ChatMessage &message);
    void onPresence(const Protocol::Presence &presence);
    void onTyping(const Protocol::TypingEvent &typing);
    void onNameChanged(const QString &name);
    bool mentionsMe(const QString &text) const;
    void showMembersOf(const ConversationId &conversation);

    ChatClient *m_client;
    RoomListModel *m_conversations;
    MemberModel *m_members;
    QHash<QString, MessageModel *> m_messages; // ConversationId::key() -> model, owned as children
    QHash<QString, QStringList> m_roomMembers; // room -> member names, for every joined room
    ConversationId m_current;
    QString m_pendingJoin; // a room the user asked to join: show it when the server confirms
    bool m_windowActive = true;
    QRegularExpression m_mention; // the user's name as a word
};

} // namespace Natter
