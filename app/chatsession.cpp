#include "chatsession.h"

#include "clientcache.h"
#include "clientlogging.h"
#include "conversation.h"
#include "errortext.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocol.h"
#include "refusalnotices.h"
#include "roomdirectorymodel.h"
#include "roomlistmodel.h"
#include "validation.h"

namespace Natter {

using namespace Protocol;

namespace {
const QString CurrentConversationKey = QStringLiteral("current-conversation");
} // namespace

ChatSession::ChatSession(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversations(new RoomListModel(this))
    , m_directory(new RoomDirectoryModel(this))
    , m_noMembers(new MemberModel(this))
    , m_ownMessages(new OwnMessages(client, this))
    , m_online(client, &m_registry)
{
    connect(m_ownMessages, &OwnMessages::noticeRaised, this, &ChatSession::noticeRaised);
    connect(&m_online, &OnlineMembers::noticeRaised, this, &ChatSession::noticeRaised);
    connect(client, &ChatClient::serverStoringChanged, this, [this](bool storing) {
        emit statusRaised(storing ? tr("The server saves messages again; the ones that waited were sent.")
                                  : ErrorText::describe({ErrorCode::StorageUnavailable, {}, {}}));
    });
    m_directory->follow(client);
    connect(client, &ChatClient::welcomed, this, &ChatSession::onWelcomed);
    connect(client, &ChatClient::stateChanged, this, &ChatSession::onStateChanged);
    connect(client, &ChatClient::interruptionChanged, this, &ChatSession::connectionChanged);
    connect(client, &ChatClient::joined, this, &ChatSession::onJoined);
    connect(client, &ChatClient::left, this, &ChatSession::onLeft);
    connect(client, &ChatClient::messageQueued, this,
            [this](const OutgoingMessage &message) { listed(message.conversation)->addPending(message); });
    connect(client, &ChatClient::messageReceived, this, &ChatSession::onMessage);
    connect(client, &ChatClient::messageAcknowledged, this,
            [this](const QString &id, const ConversationId &conversation, qint64 seq, qint64 ts) {
                if (Conversation *found = find(conversation))
                    found->markSent(id, seq, ts);
            });
    connect(client, &ChatClient::outboxChanged, this, [this] {
        if (m_cache)
            m_cache->saveOutbox(m_client->outbox().all());
    });
    connect(client, &ChatClient::presenceChanged, this, &ChatSession::onPresence);
    connect(client, &ChatClient::reactionChanged, this,
            [this](const ConversationId &id, const ReactionEvent &event, bool byMe) {
                if (Conversation *found = find(id))
                    found->applyReaction(event, byMe);
            });
    connect(client, &ChatClient::reactorsReceived, this, [this](const ConversationId &id, const ReactorList &list) {
        if (id == m_current)
            emit reactorsReceived(list.seq, list.emoji, list.names, list.count);
    });
    connect(client, &ChatClient::reactionFailed, this, [this](const ErrorEvent &error) {
        emit noticeRaised(error.message.isEmpty() ? tr("Reactions can be changed only while connected.")
                                                  : ErrorText::describe(error, {}));
    });
    connect(client, &ChatClient::historyReceived, this, [this](const HistoryPage &page) {
        const ConversationId id =
            page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
        if (Conversation *found = find(id))
            found->addHistoryPage(page);
    });
    connect(client, &ChatClient::historyFailed, this, [this](const ConversationId &id, const ErrorEvent &error) {
        // An empty error: the request was lost with the connection, or could not be sent; worth asking again.
        if (Conversation *found = find(id))
            found->historyFailed(error.message.isEmpty() && error.code == ErrorCode::BadRequest);
    });
    connect(client, &ChatClient::joinFailed, this, [this](const QString &room) {
        if (m_pendingJoin == room)
            m_pendingJoin.clear();
        // A room remembered from the last run that cannot be rejoined is no longer the user's. (A room the user
        // asked to join for the first time has no conversation yet.)
        if (find(ConversationId::room(room)))
            onLeft(room);
    });
    connect(client, &ChatClient::typingReceived, this, &ChatSession::onTyping);
    connect(client, &ChatClient::topicChanged, this, [this](const TopicChanged &change) {
        if (Conversation *found = find(ConversationId::room(change.room)))
            found->setTopic(change.topic);
    });
    connect(client, &ChatClient::roomsListed, this, &ChatSession::onRoomSummaries);
    connect(client, &ChatClient::nameChanged, this, &ChatSession::onNameChanged);
    // After the handlers above, so that a refused join or history page is settled before the user reads about it.
    connect(new RefusalNotices(client, this), &RefusalNotices::noticeRaised, this, &ChatSession::noticeRaised);
}

ChatSession::~ChatSession()
{
    m_readPositions.flush(); // what was read just before quitting, if the connection is still up

    // The list model is a child too; it must not outlive the conversations it points at by a signal.
    m_conversations->clear();
}

Conversation *ChatSession::find(const ConversationId &id) const
{
    return m_registry.value(id);
}

ConversationId ChatSession::conversationForKey(const QString &key) const
{
    for (const ConversationId &id : m_conversations->conversations()) {
        if (id.key() == key)
            return id;
    }
    return {};
}

Conversation *ChatSession::conversation(const ConversationId &id)
{
    if (Conversation *found = find(id))
        return found;
    auto *created = new Conversation(id, m_client, m_cache, this);
    created->setOwnName(m_client->name());
    created->setPeerOnline(!id.isRoom() && isOnline(id.name));
    if (!id.isRoom())
        created->setPeerGuest(m_online.isGuest(id.name));
    connect(created, &Conversation::readUpTo, this, [this, id](qint64 seq) { m_readPositions.report(id, seq); });
    connect(created, &Conversation::unseenMessage, this, [this, created](const ChatMessage &message, bool mention) {
        if (mention)
            emit attentionRequested(created->id(), message.from, message.text);
    });
    m_registry.insert(id, created);
    return created;
}

Conversation *ChatSession::listed(const ConversationId &id)
{
    Conversation *object = conversation(id);
    m_client->followDirect(id);
    if (!m_conversations->contains(id)) {
        m_conversations->addConversation(object);
        // Listed is worth remembering even before anything is written there: a direct conversation the user
        // opened is still in the list after a restart.
        if (m_cache)
            m_cache->saveConversation(object->record());
    }
    return object;
}

MessageModel *ChatSession::messages(const ConversationId &id)
{
    return conversation(id)->messages();
}

Conversation *ChatSession::currentConversation() const
{
    return find(m_current);
}

MemberModel *ChatSession::members() const
{
    const Conversation *shown = currentConversation();
    return shown ? shown->members() : m_noMembers;
}

void ChatSession::setCache(ClientCache *cache)
{
    m_cache = cache;
    m_online.setCache(cache);
    if (!cache)
        return;
    for (const ClientCache::ConversationRecord &record : cache->conversations()) {
        if (record.id.isRoom() && !record.joined)
            continue;
        Conversation *object = conversation(record.id);
        object->restore(record);
        m_conversations->addConversation(object);
        if (!record.id.isRoom() && record.lastReadSeq == 0 && record.unread > 0)
            m_newDirect.noteUnopened(record.id); // someone wrote first, and the user has not looked yet
    }
    for (const OutgoingMessage &message : cache->outbox())
        listed(message.conversation)->addPending(message);
    const ConversationId remembered = ConversationId::fromKey(cache->value(CurrentConversationKey));
    if (m_conversations->contains(remembered))
        setCurrent(remembered);
    else if (m_conversations->rowCount() > 0)
        setCurrent(m_conversations->conversationAt(0));
}

QList<ResumePoint> ChatSession::resumePoints() const
{
    QList<ResumePoint> points;
    for (const ConversationId &id : m_conversations->conversations()) {
        const Conversation *object = find(id);
        if (object && object->isJoined())
            points.append({id, object->lastSeq()});
    }
    return points;
}

QList<OutgoingMessage> ChatSession::unsentMessages() const
{
    return m_cache ? m_cache->outbox() : QList<OutgoingMessage>{};
}

void ChatSession::reset()
{
    // The cache keeps the conversation that was on screen for the next time this server is entered.
    m_cache = nullptr;
    setCurrent({});
    m_conversations->clear();
    qDeleteAll(m_registry);
    m_registry.clear();
    m_pendingJoin.clear();
    m_online.clear();
    m_newDirect.clear();
    m_directory->clear();
}

void ChatSession::rememberCurrent()
{
    if (m_cache)
        m_cache->setValue(CurrentConversationKey, m_current.isValid() ? m_current.key() : QString());
}

void ChatSession::setCurrent(const ConversationId &id)
{
    if (id == m_current)
        return;
    if (Conversation *previous = currentConversation())
        previous->close();
    m_current = id;
    if (id.isValid()) {
        Conversation *shown = listed(id);
        m_current = shown->id(); // as the conversation spells it, whatever spelling asked for it
        m_newDirect.settled(m_current);
        shown->open();
        if (m_windowActive)
            shown->markAllRead();
    }
    rememberCurrent();
    emit membersChanged(members());
    emit currentChanged(m_current);
}

void ChatSession::setWindowActive(bool active)
{
    m_windowActive = active;
    if (Conversation *shown = currentConversation(); active && shown)
        shown->markAllRead();
}

bool ChatSession::isSeen(const ConversationId &id) const
{
    return m_windowActive && id == m_current;
}

void ChatSession::closeDirect(const ConversationId &conversation)
{
    Conversation *object = find(conversation);
    if (!object || conversation.isRoom())
        return;
    m_client->unfollowDirect(object->id());
    m_newDirect.settled(object->id());
    forget(object);
}

void ChatSession::joinRoom(const QString &room)
{
    const ConversationId id = ConversationId::room(room);
    if (m_conversations->contains(id) && find(id)->isJoined()) {
        setCurrent(id);
        return;
    }
    if (m_client->state() != ChatClient::State::Connected) {
        emit noticeRaised(tr("You can join rooms once Natter is connected again."));
        return;
    }
    m_pendingJoin = room;
    m_client->joinRoom(room);
}

void ChatSession::leaveRoom(const QString &room)
{
    if (m_client->state() != ChatClient::State::Connected) {
        emit noticeRaised(tr("You can leave rooms once Natter is connected again."));
        return;
    }
    m_client->leaveRoom(room);
}

void ChatSession::openDirect(const QString &peer)
{
    const QString name = peer.trimmed();
    if (name.isEmpty() || nameKey(name) == nameKey(m_client->name()))
        return;
    if (const auto problem = validateName(name)) {
        emit noticeRaised(problem->message);
        return;
    }
    setCurrent(ConversationId::direct(name));
}

void ChatSession::typing()
{
    if (m_current.isValid() && m_client->state() == ChatClient::State::Connected
        && (m_current.isRoom() || isOnline(m_current.name)))
        m_client->notifyTyping(m_current);
}

void ChatSession::setDraft(const QString &text)
{
    if (Conversation *shown = currentConversation())
        shown->setDraft(text);
}

QStringList ChatSession::memberNamesOf(const QString &room) const
{
    const Conversation *found = find(ConversationId::room(room));
    return found ? found->members()->names() : QStringList{};
}

void ChatSession::onWelcomed(const Welcome &welcome)
{
    onRoomSummaries(welcome.rooms);
    // A first sign-in starts in the lobby; a reconnect and a restart get their rooms back by themselves.
    if (m_client->joinedRooms().isEmpty())
        joinRoom(lobbyRoom());
    for (Conversation *object : std::as_const(m_registry))
        object->connected();
    emit connectionChanged();
}

void ChatSession::onStateChanged(ChatClient::State state)
{
    if (state != ChatClient::State::Connected) {
        // Who is here cannot be known while the connection is down; the next welcome tells again.
        for (Conversation *object : std::as_const(m_registry))
            object->forgetMembers();
        m_online.clear();
    }
    emit connectionChanged();
}

void ChatSession::onRoomSummaries(const QList<RoomSummary> &rooms)
{
    for (const RoomSummary &summary : rooms) {
        if (Conversation *found = find(ConversationId::room(summary.name)); found && found->isJoined()) {
            found->setTopic(summary.topic);
            found->setMemberCount(summary.members);
        }
    }
}

void ChatSession::onJoined(const Joined &joined)
{
    const ConversationId room = ConversationId::room(joined.room);
    Conversation *object = listed(room);
    countMembersOf(object, false);
    object->applyJoined(joined);
    countMembersOf(object, true);
    for (const QString &member : joined.members)
        m_online.noteKey(member, joined.keys.value(member));
    if (m_pendingJoin == joined.room || !m_current.isValid()) {
        m_pendingJoin.clear();
        setCurrent(room);
    } else if (m_current == room) {
        emit membersChanged(members());
    }
}

void ChatSession::onLeft(const QString &room)
{
    const ConversationId id = ConversationId::room(room);
    Conversation *object = find(id);
    if (!object)
        return;
    countMembersOf(object, false);
    forget(object);
}

void ChatSession::countMembersOf(const Conversation *room, bool arrived)
{
    for (const QString &name : room->members()->names()) {
        if (arrived)
            m_online.arrived(name);
        else
            m_online.departed(name);
    }
}

void ChatSession::forget(Conversation *object)
{
    const ConversationId id = object->id();
    const bool wasCurrent = m_current == id;
    m_conversations->removeConversation(id);
    if (wasCurrent)
        setCurrent(m_conversations->rowCount() > 0 ? m_conversations->conversationAt(0) : ConversationId());
    m_registry.remove(id);
    delete object; // saves a pending record: the removal below must come after it
    if (m_cache)
        m_cache->removeConversation(id);
}

void ChatSession::onMessage(const ChatMessage &message)
{
    // The client passes on room messages only for rooms the user is in. Anyone may write to the user first, but a
    // server inventing senders could fill the list: new direct conversations wait for the budget.
    const ConversationId id = m_client->conversationOf(message);
    if (!id.isRoom() && !m_conversations->contains(id) && !m_newDirect.admit(id)) {
        qCDebug(lcClient) << "not listing another new direct conversation for now:" << id.name;
        return;
    }
    listed(id)->addMessage(message, isSeen(id));
}

void ChatSession::react(qint64 seq, const QString &emoji, bool on)
{
    if (Conversation *current = currentConversation())
        current->react(seq, emoji, on);
}

void ChatSession::requestReactors(qint64 seq, const QString &emoji)
{
    if (m_current.isValid() && m_client->state() == ChatClient::State::Connected)
        m_client->requestReactors(m_current, seq, emoji);
}

void ChatSession::onPresence(const Presence &presence)
{
    if (presence.event == PresenceChange::Renamed) {
        m_online.noteKey(presence.name, presence.key);
        m_online.noteRenamed(presence.previous);
        for (Conversation *object : std::as_const(m_registry)) {
            const MemberModel *members = object->members();
            if (!members->contains(presence.previous))
                continue;
            const bool counted = object->id().isRoom();
            const bool newNameListed = members->contains(presence.name);
            object->renameMember(presence.previous, presence.name);
            if (counted) {
                m_online.departed(presence.previous);
                if (!newNameListed)
                    m_online.arrived(presence.name);
            }
        }
        return;
    }
    // Presence in a room the user is not in is none of the app's business.
    Conversation *object = find(ConversationId::room(presence.room));
    if (!object || !object->isJoined())
        return;
    const bool listed = object->members()->contains(presence.name);
    if (presence.event == PresenceChange::Joined) {
        m_online.noteKey(presence.name, presence.key);
        if (listed)
            return;
        object->addMember(presence.name, presence.key.isEmpty());
        m_online.arrived(presence.name);
    } else if (listed) {
        object->removeMember(presence.name);
        m_online.departed(presence.name);
    }
}

void ChatSession::onTyping(const TypingEvent &typing)
{
    const ConversationId id =
        typing.room.isEmpty() ? ConversationId::direct(typing.name) : ConversationId::room(typing.room);
    if (Conversation *found = find(id))
        found->setTyping(typing.name);
}

void ChatSession::onNameChanged(const QString &name)
{
    for (Conversation *object : std::as_const(m_registry))
        object->setOwnName(name);
}

} // namespace Natter
