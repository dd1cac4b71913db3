#include "chatservice.h"

#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "outgoingframe.h"
#include "overloaded.h"
#include "plaintextmode.h"
#include "validation.h"

#include <QUuid>

namespace Natter {

using namespace Protocol;

ChatService::ChatService(HistoryStore *store, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(config)
    , m_identities(&store->database(), config.maxIdentities, config.namesPerIdentity)
    , m_mailbox(&store->database())
    , m_names(&m_identities, &m_sessions)
    , m_passwords(config.password)
    , m_signIn(&m_identities, &m_sessions, &m_names, &m_passwords, config)
    , m_plainPresence(&m_rooms, config.plainPresenceWindowMs)
    , m_reactions(store, &m_names, config, this)
    , m_router(store, &m_rooms, &m_sessions, &m_names, &m_mailbox, &m_plainPresence, &m_reactions, config, this)
    , m_search(store, &m_names)
    , m_readMarkers(store)
    , m_roomLifecycle(&m_rooms, store, config, this)
{
    connect(&m_signIn, &SignIn::admitted, this, &ChatService::welcome);
}

void ChatService::loadRooms()
{
    m_roomLifecycle.load();
}

void ChatService::attach(ClientSession *session)
{
    connect(session, &ClientSession::requestReceived, this, &ChatService::onRequest);
    connect(session, &ClientSession::plainTextReceived, this, &ChatService::onPlainText);
    connect(session, &ClientSession::closed, this, &ChatService::onClosed);
    if (session->mode() == ClientSession::Mode::PlainText)
        welcomePlainText(session);
}

void ChatService::onRequest(ClientSession *session, const ClientMessage &message)
{
    if (const auto *helloMessage = std::get_if<Hello>(&message)) {
        m_signIn.hello(session, *helloMessage);
        return;
    }
    if (const auto *proveMessage = std::get_if<Prove>(&message)) {
        m_signIn.prove(session, *proveMessage);
        return;
    }
    if (!session->isWelcomed()) {
        session->sendError({ErrorCode::HelloRequired,
                            m_signIn.isChallenged(session) ? QStringLiteral("Answer the challenge with prove first.")
                                                           : QStringLiteral("Say hello with your name first.")},
                           typeOf(message));
        return;
    }
    std::visit(Overloaded{
                   [](const Hello &) {},
                   [](const Prove &) {},
                   [&](const Join &request) { join(session, request.room, true); },
                   [&](const Leave &request) { leave(session, request.room); },
                   [&](const Send &request) { m_router.post(session, request); },
                   [&](const HistoryRequest &request) { m_router.sendHistory(session, request); },
                   [&](const Typing &request) { typing(session, request); },
                   [&](const RoomsRequest &) { session->send(RoomList{m_rooms.summaries()}); },
                   [&](const SetTopic &request) { setTopic(session, request); },
                   [&](const Nick &request) { rename(session, request.name); },
                   [&](const SearchRequest &request) { m_search.answer(session, request); },
                   [&](const ReadMarker &marker) { markRead(session, marker); },
                   [&](const React &request) { m_reactions.react(session, request); },
                   [&](const ReactorsRequest &request) { m_reactions.answerReactors(session, request); },
               },
               message);
}

void ChatService::welcome(ClientSession *session, const Hello &hello, ClientSession *previous)
{
    if (previous && previous->nameKey() == nameKey(hello.name)) {
        // The same user came back before its old connection timed out: the new one takes its place quietly, with
        // the spelling everyone already sees.
        qCInfo(lcServer) << hello.name << "reconnected from" << session->peer();
        session->setName(previous->name());
        takeOver(session, previous);
    } else {
        if (previous)
            signOut(previous); // the same key under another name: that name leaves
        session->setName(hello.name);
    }
    m_sessions.add(session);
    session->send(Welcome{session->name(),
                          session->token(),
                          {m_config.name, QStringLiteral(NATTER_VERSION), m_config.limits, serverFeatures()},
                          m_rooms.summaries()});

    for (auto it = hello.since.cbegin(); it != hello.since.cend(); ++it) {
        if (!it.key().startsWith(u'@') && join(session, it.key(), false))
            m_router.replay(session, it.key(), it.value());
    }
    replayDirect(session, hello.since);
    // Counted from where the user stopped reading, so it comes after what the replay brings.
    m_router.afterReplay(session, [this, session] { sendUnread(session); });
}

void ChatService::replayDirect(ClientSession *session, const QHash<QString, qint64> &since)
{
    QSet<QString> replayed;
    for (auto it = since.cbegin(); it != since.cend(); ++it) {
        if (!it.key().startsWith(u'@'))
            continue;
        if (const auto peer = m_names.partyOf(it.key().mid(1))) {
            const QString conversation = HistoryStore::directConversation(session->party(), peer->party);
            m_router.replay(session, conversation, it.value());
            replayed.insert(conversation);
        }
    }
    if (session->isGuest())
        return;
    // Direct messages that arrived while the owner was away, from conversations the client did not ask about.
    for (const OfflineMailbox::Held &held : m_mailbox.take(session->identity())) {
        if (!replayed.contains(held.conversation))
            m_router.replay(session, held.conversation, held.firstSeq - 1);
    }
}

void ChatService::takeOver(ClientSession *session, ClientSession *previous)
{
    for (const QString &room : previous->rooms())
        session->addRoom(room);
    m_rooms.replaceMember(previous, session);
    m_sessions.remove(previous);
    previous->markReplaced();
    previous->closeWith(CloseCode::Replaced, QStringLiteral("signed in from another connection"));
}

void ChatService::signOut(ClientSession *session)
{
    qCInfo(lcServer) << session->name() << "signed in again under another name from elsewhere";
    onClosed(session);
    session->markReplaced();
    session->closeWith(CloseCode::Replaced, QStringLiteral("signed in from another connection"));
}

bool ChatService::requireMember(ClientSession *session, const QString &room, const QString &ref)
{
    if (session->rooms().contains(room))
        return true;
    session->sendError({ErrorCode::NotInRoom, QStringLiteral("You are not in #%1.").arg(room)}, ref);
    return false;
}

void ChatService::broadcast(const QString &room, OutgoingFrame &frame, const ClientSession *except)
{
    if (room == lobbyRoom())
        m_plainPresence.flush();
    for (ClientSession *member : m_rooms.members(room)) {
        if (member != except)
            member->send(frame);
    }
}

void ChatService::broadcastPresence(const Presence &presence, const ClientSession *except)
{
    // Plain-text clients only hear of the lobby, and hear of it through the digest.
    const bool digested = presence.room == lobbyRoom();
    OutgoingFrame frame(presence);
    for (ClientSession *member : m_rooms.members(presence.room)) {
        if (member != except && !(digested && member->mode() == ClientSession::Mode::PlainText))
            member->send(frame);
    }
    if (digested)
        m_plainPresence.add(presence.event, presence.name);
}

bool ChatService::join(ClientSession *session, const QString &room, bool withHistory)
{
    const QString ref = Join::Type.toString();
    if (!session->rooms().contains(room)) {
        if (session->rooms().size() >= m_config.limits.maxRoomsPerSession) {
            session->sendError(
                {ErrorCode::TooManyRooms,
                 QStringLiteral("You can be in at most %1 rooms.").arg(m_config.limits.maxRoomsPerSession)},
                ref);
            return false;
        }
        if (!m_rooms.exists(room)) {
            if (const auto refusal = m_roomLifecycle.create(session, room)) {
                session->sendError(*refusal, ref);
                return false;
            }
        }
        m_rooms.addMember(room, session);
        session->addRoom(room);
        broadcastPresence(Presence{room, session->name(), PresenceChange::Joined, {}, session->publicKey()},
                          session->mode() == ClientSession::Mode::Natter ? session : nullptr);
    }
    if (session->mode() != ClientSession::Mode::Natter)
        return true;
    Joined joined{room, m_rooms.topic(room), m_rooms.memberNames(room), m_rooms.memberKeys(room), {}, false, {}};
    if (!session->isGuest()) {
        // Where the user stopped reading, before the page: a client shows the "new messages" line from it.
        const UnreadCounts counts =
            m_readMarkers.counts(session->identity(), session->senderKey(), session->name(), room);
        if (!counts.conversations.isEmpty())
            joined.unread = counts.conversations.constFirst();
    }
    if (withHistory) {
        joined.history = m_store->latest(room, m_config.limits.historyPageSize, &joined.more);
        m_reactions.attach(room, joined.history, session->party());
    } else {
        joined.more = m_store->lastSeq(room) > 0;
    }
    session->send(joined);
    return true;
}

void ChatService::leave(ClientSession *session, const QString &room)
{
    if (!requireMember(session, room, Leave::Type.toString()))
        return;
    broadcastPresence(Presence{room, session->name(), PresenceChange::Left, {}, {}});
    m_rooms.removeMember(room, session);
    session->removeRoom(room);
    m_roomLifecycle.memberLeft(room);
}

void ChatService::markRead(ClientSession *session, const ReadMarker &marker)
{
    if (session->isGuest())
        return; // a guest owns no name to keep a marker under; nothing to answer either
    QString conversation = marker.room;
    if (!marker.room.isEmpty()) {
        if (!requireMember(session, marker.room, ReadMarker::Type.toString()))
            return;
    } else {
        const auto peer = m_names.partyOf(marker.to);
        if (!peer)
            return; // nobody holds the name now: there is no conversation to mark
        conversation = HistoryStore::directConversation(session->party(), peer->party);
    }
    // A seq beyond the newest would hide messages still to come.
    m_readMarkers.mark(session->identity(), conversation, marker.to,
                       std::min(marker.seq, m_store->lastSeq(conversation)));
}

void ChatService::sendUnread(ClientSession *session)
{
    if (session->isGuest() || session->mode() != ClientSession::Mode::Natter)
        return;
    const UnreadCounts counts = m_readMarkers.counts(session->identity(), session->senderKey(), session->name());
    if (!counts.conversations.isEmpty())
        session->send(counts);
}

void ChatService::typing(ClientSession *session, const Typing &typing)
{
    if (!typing.room.isEmpty()) {
        if (!requireMember(session, typing.room, typing.Type.toString()))
            return;
        OutgoingFrame frame(TypingEvent{typing.room, {}, session->name()});
        broadcast(typing.room, frame, session);
        return;
    }
    ClientSession *recipient = m_sessions.find(typing.to);
    if (!recipient) {
        session->sendError({ErrorCode::UserUnknown, QStringLiteral("%1 is not online.").arg(typing.to)},
                           typing.Type.toString());
        return;
    }
    if (recipient != session)
        recipient->send(TypingEvent{{}, recipient->name(), session->name()});
}

void ChatService::setTopic(ClientSession *session, const SetTopic &request)
{
    const QString ref = request.Type.toString();
    if (!requireMember(session, request.room, ref))
        return;
    if (const auto error = validateTopic(request.topic, m_config.limits.maxTopicLength)) {
        session->sendError(*error, ref);
        return;
    }
    if (!m_store->setTopic(request.room, request.topic)) {
        session->sendError({ErrorCode::InternalError, QStringLiteral("The topic could not be saved.")}, ref);
        return;
    }
    m_rooms.setTopic(request.room, request.topic);
    OutgoingFrame frame(TopicChanged{request.room, request.topic, session->name()});
    broadcast(request.room, frame);
}

void ChatService::rename(ClientSession *session, const QString &name)
{
    const QString ref = Nick::Type.toString();
    if (const auto error = validateName(name)) {
        session->sendError(*error, ref);
        return;
    }
    if (const auto refusal = m_names.refusal(name, session->identity(), session)) {
        session->sendError(*refusal, ref);
        return;
    }
    const QString previous = session->name();
    if (previous == name)
        return;
    if (!session->isGuest() && !m_identities.claim(session->identity(), name)) {
        session->sendError({ErrorCode::InternalError, QStringLiteral("The server could not record your name.")}, ref);
        return;
    }
    m_sessions.rename(session, name);
    m_plainPresence.flush(); // the old name's arrival is told before its change
    // Everyone who shares a room hears of it once, and so does the renamed user.
    OutgoingFrame frame(Presence{{}, name, PresenceChange::Renamed, previous, session->publicKey()});
    QSet<ClientSession *> told{session};
    session->send(frame);
    for (const QString &room : session->rooms()) {
        for (ClientSession *member : m_rooms.members(room)) {
            if (!told.contains(member)) {
                told.insert(member);
                member->send(frame);
            }
        }
    }
}

void ChatService::welcomePlainText(ClientSession *session)
{
    if (!m_config.password.isEmpty()) {
        session->sendPlainLine(PlainTextMode::passwordPrompt(m_config.name));
        return;
    }
    admitPlainText(session, false);
}

void ChatService::admitPlainText(ClientSession *session, bool afterPassword)
{
    session->setName(m_sessions.nextGuestName());
    session->setToken(newGuestToken());
    m_sessions.add(session);
    session->sendPlainLine(afterPassword ? PlainTextMode::admittedLine(session->name())
                                         : PlainTextMode::welcomeLine(m_config.name, session->name()));
    join(session, lobbyRoom(), false);
}

void ChatService::onPlainText(ClientSession *session, const QString &text)
{
    const PlainTextMode::Command command = PlainTextMode::parseCommand(text);
    if (!session->isWelcomed()) {
        if (command.kind != PlainTextMode::CommandKind::Password) {
            session->sendPlainLine(PlainTextMode::passwordPrompt(m_config.name));
            return;
        }
        m_passwords.check(session, QString(), command.argument, [this, session](bool right) {
            if (session->isWelcomed())
                return;
            if (right) {
                admitPlainText(session, true);
                return;
            }
            session->sendPlainLine(QStringLiteral("! Wrong server password."));
            session->closeWith(CloseCode::AuthFailed, QStringLiteral("wrong password"));
        });
        return;
    }
    switch (command.kind) {
    case PlainTextMode::CommandKind::Help:
        session->sendPlainLine(PlainTextMode::helpText());
        return;
    case PlainTextMode::CommandKind::Nick:
        rename(session, command.argument);
        return;
    case PlainTextMode::CommandKind::Password:
        session->sendPlainLine(QStringLiteral("! You are already in."));
        return;
    case PlainTextMode::CommandKind::Say:
        m_router.post(session,
                      Send{QUuid::createUuid().toString(QUuid::WithoutBraces),
                           lobbyRoom(),
                           {},
                           command.argument,
                           MessageKind::Text},
                      HistoryStore::IdSource::Server);
        return;
    }
}

void ChatService::onClosed(ClientSession *session)
{
    m_signIn.forget(session);
    if (!session->isWelcomed() || session->isReplaced())
        return;
    const QSet<QString> rooms = session->rooms();
    for (const QString &room : rooms) {
        m_rooms.removeMember(room, session);
        broadcastPresence(Presence{room, session->name(), PresenceChange::Left, {}, {}});
        m_roomLifecycle.memberLeft(room);
    }
    m_sessions.remove(session);
}

} // namespace Natter
