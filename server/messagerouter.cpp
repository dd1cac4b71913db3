#include "messagerouter.h"

#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "nameownership.h"
#include "offlinemailbox.h"
#include "outgoingframe.h"
#include "presencedigest.h"
#include "reactionrouter.h"
#include "roomdirectory.h"
#include "sessionregistry.h"
#include "validation.h"

#include <QSet>

namespace Natter {

using namespace Protocol;

MessageRouter::MessageRouter(HistoryStore *store, RoomDirectory *rooms, SessionRegistry *sessions,
                             const NameOwnership *names, OfflineMailbox *mailbox, PresenceDigest *plainPresence,
                             ReactionRouter *reactions, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_rooms(rooms)
    , m_sessions(sessions)
    , m_names(names)
    , m_mailbox(mailbox)
    , m_plainPresence(plainPresence)
    , m_reactions(reactions)
    , m_config(config)
    , m_replay(store, reactions, this) // a child, so that it moves to the server's thread with it
{
    connect(m_store, &HistoryStore::committed, this, &MessageRouter::onCommitted);
    connect(m_store, &HistoryStore::commitFailed, this, &MessageRouter::onCommitFailed);
}

Ack MessageRouter::ackFor(const ChatMessage &message)
{
    return Ack{message.id, message.seq, message.ts, message.room, message.isDirect() ? message.to : QString()};
}

void MessageRouter::post(ClientSession *sender, const Send &send, HistoryStore::IdSource idSource)
{
    if (send.kind != MessageKind::Delete) {
        if (const auto error = validateText(send.text, m_config.limits.maxTextBytes)) {
            sender->sendError(*error, send.id);
            return;
        }
    }
    ChatMessage message;
    message.from = sender->name();
    message.id = send.id;
    message.text = send.text;
    message.kind = send.kind;
    message.target = send.target;
    message.replyTo = send.replyTo;
    QString conversation;
    if (!send.room.isEmpty()) {
        if (!sender->rooms().contains(send.room)) {
            sender->sendError({ErrorCode::NotInRoom, QStringLiteral("Join #%1 before writing to it.").arg(send.room)},
                              send.id);
            return;
        }
        message.room = send.room;
        conversation = send.room;
    } else {
        // Someone online, or the owner of the name while away: the message waits for them.
        const auto recipient = m_names->partyOf(send.to);
        if (!recipient) {
            sender->sendError(
                {ErrorCode::RecipientOffline,
                 QStringLiteral("%1 is not online, and as a guest cannot receive messages while away.").arg(send.to)},
                send.id);
            return;
        }
        message.to = recipient->name;
        conversation = HistoryStore::directConversation(sender->party(), recipient->party);
    }

    // A resend is known by its id and its sender.
    const QString senderKey = sender->senderKey();
    HistoryStore::Check check;
    if (isRevision(message.kind)) {
        check = [this, sender, &conversation, &message, &senderKey] {
            return checkRevision(conversation, message, sender->isGuest() ? QString() : senderKey);
        };
    } else if (message.replyTo > 0) {
        check = [this, &conversation, &message] { return quoteReply(conversation, message); };
    }
    const HistoryStore::AppendResult result = m_store->append(conversation, message, senderKey, idSource, check);
    switch (result.status) {
    case HistoryStore::AppendStatus::Refused:
        sender->sendError(result.refusal, send.id);
        break;
    case HistoryStore::AppendStatus::Unavailable:
        sender->sendError(storageUnavailable(), send.id);
        break;
    case HistoryStore::AppendStatus::AlreadyStored:
        sender->send(ackFor(result.message));
        break;
    case HistoryStore::AppendStatus::Queued:
    case HistoryStore::AppendStatus::AlreadyQueued:
        m_waiting[{conversation, result.message.seq}].append(sender);
        break;
    }
}

std::optional<ProtocolError> MessageRouter::checkRevision(const QString &conversation, const ChatMessage &revision,
                                                          const QString &senderKey)
{
    // A guest's name is nobody's, so nobody can show that an earlier message under it is theirs.
    if (senderKey.isEmpty())
        return ProtocolError{ErrorCode::NotYours,
                             QStringLiteral("Guests cannot change messages; sign in with a key to edit or delete.")};
    const auto target = m_store->revisionTarget(conversation, revision.target);
    if (!target || !isWritten(target->kind))
        return ProtocolError{ErrorCode::MessageUnknown,
                             QStringLiteral("There is no message %1 in this conversation.").arg(revision.target)};
    if (target->senderKey != senderKey)
        return ProtocolError{ErrorCode::NotYours,
                             QStringLiteral("Only the sender of message %1 can change it.").arg(revision.target)};
    if (target->deleted)
        return ProtocolError{ErrorCode::MessageUnknown, QStringLiteral("Message %1 was deleted.").arg(revision.target)};
    return std::nullopt;
}

std::optional<ProtocolError> MessageRouter::quoteReply(const QString &conversation, ChatMessage &reply)
{
    const auto answered = m_store->revisionTarget(conversation, reply.replyTo);
    if (!answered || !isWritten(answered->kind) || answered->deleted)
        return ProtocolError{
            ErrorCode::MessageUnknown,
            QStringLiteral("There is no message %1 in this conversation to reply to.").arg(reply.replyTo)};
    reply.replyFrom = answered->sender;
    reply.replyText = replyQuote(answered->text);
    return std::nullopt;
}

void MessageRouter::onCommitted(const QList<ChatMessage> &messages, const QStringList &conversations)
{
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const ChatMessage &message = messages.at(i);
        const auto waiting = m_waiting.take({conversations.at(i), message.seq});
        for (const QPointer<ClientSession> &sender : waiting) {
            if (sender)
                sender->send(ackFor(message));
        }
        deliver(message, conversations.at(i), waiting);
    }
}

ProtocolError MessageRouter::storageUnavailable() const
{
    return {ErrorCode::StorageUnavailable,
            QStringLiteral("The server cannot store messages right now (%1); it was not stored. Keep it and send it "
                           "again later with the same id.")
                .arg(describeStorageFault(m_store->storageFault()))};
}

void MessageRouter::onCommitFailed(const QList<ChatMessage> &messages, const QStringList &conversations,
                                   const QString &error, StorageFault fault)
{
    // A storage fault is logged once by the store when it becomes unwritable; anything else is worth a line each.
    const bool unavailable = isStorageUnavailable(fault);
    if (!unavailable)
        qCWarning(lcServer) << "could not store" << messages.size() << "messages:" << error;
    const ProtocolError reply = unavailable
        ? storageUnavailable()
        : ProtocolError{ErrorCode::InternalError,
                        QStringLiteral("The server could not store your message; send it again.")};
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const ChatMessage &message = messages.at(i);
        const auto waiting = m_waiting.take({conversations.at(i), message.seq});
        for (const QPointer<ClientSession> &sender : waiting) {
            if (sender)
                sender->sendError(reply, message.id);
        }
    }
}

void MessageRouter::deliver(const ChatMessage &message, const QString &conversation,
                            const QList<QPointer<ClientSession>> &senders)
{
    // A reaction change goes to the same people as a message, as one frame for all: plain-text clients see nothing.
    const bool reaction = isReaction(message.kind);
    OutgoingFrame frame(reaction ? ServerMessage(m_reactions->eventFor(message, conversation))
                                 : ServerMessage(MessageEvent{message}));
    // Plain-text clients hear who arrived in the lobby before anything that person says, here or directly.
    if (!reaction && (message.isDirect() || message.room == lobbyRoom()))
        m_plainPresence->flush();
    if (!message.isDirect()) {
        const QList<ClientSession *> &members = m_rooms->members(message.room);
        if (m_replay.isIdle()) {
            for (ClientSession *member : members)
                member->send(frame);
        } else {
            for (ClientSession *member : members)
                sendLive(member, frame, conversation);
        }
        return;
    }
    deliverDirect(frame, message, conversation, senders);
}

void MessageRouter::deliverDirect(OutgoingFrame &frame, const ChatMessage &message, const QString &conversation,
                                  const QList<QPointer<ClientSession>> &senders)
{
    // The sending session is known even if it was renamed before the commit; the others are found by party: a key
    // wherever it is signed in now, a guest under the name the message names.
    QSet<ClientSession *> parties;
    for (const QPointer<ClientSession> &sender : senders)
        parties.insert(sender.data());
    const QList<ClientSession *> byName{m_sessions->find(message.from), m_sessions->find(message.to)};
    for (const QString &party : HistoryStore::directParties(conversation)) {
        if (party.startsWith(u'k')) {
            const qint64 identity = party.mid(1).toLongLong();
            if (ClientSession *owner = m_sessions->findIdentity(identity))
                parties.insert(owner);
            else
                m_mailbox->hold(identity, conversation, message.seq);
            continue;
        }
        for (ClientSession *session : byName) {
            if (session && session->party() == party)
                parties.insert(session);
        }
    }
    parties.remove(nullptr);
    for (ClientSession *party : std::as_const(parties))
        sendLive(party, frame, conversation);
}

void MessageRouter::sendLive(ClientSession *session, OutgoingFrame &frame, const QString &conversation)
{
    if (!m_replay.isReplaying(session, conversation))
        session->send(frame);
}

void MessageRouter::sendHistory(ClientSession *session, const HistoryRequest &request)
{
    QString conversation = request.room;
    if (!request.room.isEmpty()) {
        if (!session->rooms().contains(request.room)) {
            session->sendError(
                {ErrorCode::NotInRoom, QStringLiteral("Join #%1 to read its history.").arg(request.room)},
                request.Type.toString());
            return;
        }
    } else {
        // Only the two parties' own conversation: nothing for an away guest, nothing written under another key.
        const auto peer = m_names->partyOf(request.to);
        if (!peer) {
            session->send(HistoryPage{{}, request.to, {}, false});
            return;
        }
        conversation = HistoryStore::directConversation(session->party(), peer->party);
    }
    const int pageSize = request.limit > 0 ? request.limit : m_config.limits.historyPageSize;
    const int limit = std::clamp(pageSize, 1, m_config.limits.maxHistoryPage);
    HistoryPage page;
    page.room = request.room;
    page.to = request.to;
    if (request.around > 0) {
        // The seq itself and the older half, then the newer half: one extra row says whether more are newer.
        const int newerCount = limit / 2;
        page.messages = m_store->before(conversation, request.around + 1, limit - newerCount, &page.more);
        QList<ChatMessage> newer = m_store->after(conversation, request.around, newerCount + 1);
        page.newer = newer.size() > newerCount;
        page.messages.append(newer.first(qMin(newer.size(), qsizetype(newerCount))));
    } else {
        page.messages = request.before > 0 ? m_store->before(conversation, request.before, limit, &page.more)
                                           : m_store->latest(conversation, limit, &page.more);
    }
    m_reactions->attach(conversation, page.messages, session->party());
    session->send(page);
}

void MessageRouter::replay(ClientSession *session, const QString &conversation, qint64 afterSeq)
{
    m_replay.enqueue(session, conversation, afterSeq);
}

void MessageRouter::afterReplay(ClientSession *session, std::function<void()> done)
{
    m_replay.whenDone(session, std::move(done));
}

} // namespace Natter
