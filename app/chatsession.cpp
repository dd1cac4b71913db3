#include "chatsession.h"

#include "chatclient.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "validation.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Natter {

using namespace Protocol;

ChatSession::ChatSession(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversations(new RoomListModel(this))
    , m_members(new MemberModel(this))
{
    onNameChanged(client->name());
    connect(client, &ChatClient::welcomed, this, &ChatSession::onWelcomed);
    connect(client, &ChatClient::joined, this, &ChatSession::onJoined);
    connect(client, &ChatClient::left, this, &ChatSession::onLeft);
    connect(client, &ChatClient::messageQueued, this, [this](const OutgoingMessage &message) {
        onQueued(message.conversation, message.id, message.text, message.kind);
    });
    connect(client, &ChatClient::messageReceived, this, &ChatSession::onMessage);
    connect(client, &ChatClient::messageAcknowledged, this,
            [this](const QString &id, const ConversationId &conversation, qint64 seq, qint64 ts) {
                messages(conversation)->markSent(id, seq, ts);
            });
    connect(client, &ChatClient::messageFailed, this, [this](const QString &id) {
        if (const auto message = m_client->outbox().find(id))
            messages(message->conversation)->markFailed(id);
    });
    connect(client, &ChatClient::presenceChanged, this, &ChatSession::onPresence);
    connect(client, &ChatClient::historyReceived, this, [this](const HistoryPage &page) {
        const ConversationId conversation =
            page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
        messages(conversation)->prependHistory(page.messages, page.more);
    });
    connect(client, &ChatClient::typingReceived, this, &ChatSession::onTyping);
    connect(client, &ChatClient::topicChanged, this,
            [this](const TopicChanged &change) { m_conversations->setTopic(change.room, change.topic); });
    connect(client, &ChatClient::roomsListed, m_conversations, &RoomListModel::applyRoomSummaries);
    connect(client, &ChatClient::nameChanged, this, &ChatSession::onNameChanged);
}

ChatSession::~ChatSession() = default;

MessageModel *ChatSession::messages(const ConversationId &conversation)
{
    MessageModel *&model = m_messages[conversation.key()];
    if (!model) {
        model = new MessageModel(conversation, this);
        model->setOwnName(m_client->name());
        connect(model, &MessageModel::historyRequested, this,
                [this, conversation](qint64 before) { m_client->requestHistory(conversation, before); });
    }
    return model;
}

void ChatSession::setCurrent(const ConversationId &conversation)
{
    if (conversation == m_current)
        return;
    m_current = conversation;
    if (conversation.isValid()) {
        if (!conversation.isRoom())
            m_conversations->addConversation(conversation);
        if (m_windowActive)
            m_conversations->clearUnread(conversation);
    }
    showMembersOf(conversation);
    emit currentChanged(conversation);
}

void ChatSession::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active && m_current.isValid())
        m_conversations->clearUnread(m_current);
}

void ChatSession::showMembersOf(const ConversationId &conversation)
{
    if (!conversation.isValid())
        m_members->setMembers({});
    else if (conversation.isRoom())
        m_members->setMembers(m_roomMembers.value(conversation.name));
    else
        m_members->setMembers({m_client->name(), conversation.name});
}

QString ChatSession::send(const QString &text)
{
    if (!m_current.isValid() || text.trimmed().isEmpty())
        return {};
    static const QString actionPrefix = QStringLiteral("/me ");
    if (text.startsWith(actionPrefix))
        return m_client->sendMessage(m_current, text.mid(actionPrefix.size()), MessageKind::Action);
    return m_client->sendMessage(m_current, text, MessageKind::Text);
}

void ChatSession::retry(const QString &id)
{
    const auto message = m_client->outbox().find(id);
    if (message && m_client->retryMessage(id))
        messages(message->conversation)->markPending(id);
}

void ChatSession::joinRoom(const QString &room)
{
    if (m_conversations->contains(ConversationId::room(room))) {
        setCurrent(ConversationId::room(room));
        return;
    }
    m_pendingJoin = room;
    m_client->joinRoom(room);
}

void ChatSession::leaveRoom(const QString &room)
{
    m_client->leaveRoom(room);
}

void ChatSession::openDirect(const QString &peer)
{
    if (nameKey(peer) != nameKey(m_client->name()))
        setCurrent(ConversationId::direct(peer));
}

void ChatSession::typing()
{
    if (m_current.isValid())
        m_client->notifyTyping(m_current);
}

void ChatSession::onWelcomed(const Welcome &welcome)
{
    m_conversations->applyRoomSummaries(welcome.rooms);
    // A first sign-in starts in the lobby; a reconnect gets its rooms back from the server by itself.
    if (m_client->joinedRooms().isEmpty() && !m_conversations->contains(ConversationId::room(lobbyRoom())))
        joinRoom(lobbyRoom());
}

void ChatSession::onJoined(const Joined &joined)
{
    const ConversationId room = ConversationId::room(joined.room);
    m_conversations->addConversation(room);
    m_conversations->setTopic(joined.room, joined.topic);
    m_conversations->setMemberCount(joined.room, static_cast<int>(joined.members.size()));
    m_roomMembers.insert(joined.room, joined.members);
    MessageModel *model = messages(room);
    model->prependHistory(joined.history, joined.more);
    if (!joined.history.isEmpty())
        m_conversations->noteActivity(room, QDateTime::fromMSecsSinceEpoch(joined.history.constLast().ts));
    if (m_current == room)
        showMembersOf(room);
    if (m_pendingJoin == joined.room || !m_current.isValid()) {
        m_pendingJoin.clear();
        setCurrent(room);
    }
}

void ChatSession::onLeft(const QString &room)
{
    const ConversationId conversation = ConversationId::room(room);
    m_roomMembers.remove(room);
    m_conversations->removeConversation(conversation);
    if (m_current == conversation)
        setCurrent(m_conversations->rowCount() > 0 ? m_conversations->conversationAt(0) : ConversationId());
}

void ChatSession::onQueued(const ConversationId &conversation, const QString &id, const QString &text, MessageKind kind)
{
    m_conversations->addConversation(conversation);
    m_conversations->noteActivity(conversation, QDateTime::currentDateTime());
    messages(conversation)->addPending(id, m_client->name(), text, kind);
}

bool ChatSession::mentionsMe(const QString &text) const
{
    return !m_client->name().isEmpty() && text.contains(m_mention);
}

void ChatSession::onMessage(const ChatMessage &message)
{
    const ConversationId conversation = m_client->conversationOf(message);
    m_conversations->addConversation(conversation);
    m_conversations->noteActivity(conversation, QDateTime::fromMSecsSinceEpoch(message.ts));
    messages(conversation)->addMessage(message);
    if (conversation == m_current)
        m_members->clearTyping(message.from);

    const bool mine = nameKey(message.from) == nameKey(m_client->name());
    if (mine)
        return;
    const bool seen = m_windowActive && conversation == m_current;
    if (!seen) {
        m_conversations->incrementUnread(conversation);
        if (message.isDirect() || mentionsMe(message.text))
            emit attentionRequested(conversation, message.from, message.text);
    }
}

void ChatSession::onPresence(const Presence &presence)
{
    if (presence.event == PresenceChange::Renamed) {
        for (QStringList &names : m_roomMembers) {
            for (QString &name : names) {
                if (nameKey(name) == nameKey(presence.previous))
                    name = presence.name;
            }
        }
        m_conversations->renameDirect(presence.previous, presence.name);
        m_members->renameMember(presence.previous, presence.name);
        if (!m_current.isRoom() && nameKey(m_current.name) == nameKey(presence.previous))
            m_current = ConversationId::direct(presence.name);
        return;
    }
    auto it = m_roomMembers.find(presence.room);
    if (it == m_roomMembers.end())
        return;
    const bool isCurrent = m_current == ConversationId::room(presence.room);
    if (presence.event == PresenceChange::Joined) {
        if (!it->contains(presence.name))
            it->append(presence.name);
        if (isCurrent)
            m_members->addMember(presence.name);
    } else {
        it->removeIf([&](const QString &name) { return nameKey(name) == nameKey(presence.name); });
        if (isCurrent)
            m_members->removeMember(presence.name);
    }
    m_conversations->setMemberCount(presence.room, static_cast<int>(it->size()));
}

void ChatSession::onTyping(const TypingEvent &typing)
{
    const ConversationId conversation =
        typing.room.isEmpty() ? ConversationId::direct(typing.name) : ConversationId::room(typing.room);
    if (conversation == m_current)
        m_members->setTyping(typing.name);
}

void ChatSession::onNameChanged(const QString &name)
{
    // Built once per name rather than for every message that arrives.
    m_mention =
        QRegularExpression(QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(name)),
                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    m_members->setOwnName(name);
    for (MessageModel *model : std::as_const(m_messages))
        model->setOwnName(name);
}

} // namespace Natter
