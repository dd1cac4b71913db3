#include "reactionrouter.h"

#include "clientsession.h"
#include "historyreactions.h"
#include "nameownership.h"

#include <QUuid>

namespace Natter {

using namespace Protocol;

namespace {

QString messageKey(const QString &conversation, qint64 seq)
{
    return conversation + u'\n' + QString::number(seq);
}

QString stateKey(const QString &conversation, const React &request, const QString &party)
{
    return messageKey(conversation, request.seq) + u'\n' + request.emoji + u'\n' + party;
}

} // namespace

ReactionRouter::ReactionRouter(HistoryStore *store, const NameOwnership *names, const ServerConfig &config,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_names(names)
    , m_config(config)
{
    // A commit, failed or not, leaves nothing queued: the file is the truth again.
    connect(m_store, &HistoryStore::committed, this, &ReactionRouter::forgetQueued);
    connect(m_store, &HistoryStore::commitFailed, this, &ReactionRouter::forgetQueued);
}

void ReactionRouter::forgetQueued()
{
    m_queuedState.clear();
    m_queuedEmoji.clear();
}

std::optional<ReactionRouter::Place> ReactionRouter::placeOf(ClientSession *session, const QString &room,
                                                             const QString &to, qint64 seq, QStringView type)
{
    Place place;
    if (!room.isEmpty()) {
        if (!session->rooms().contains(room)) {
            session->sendError({ErrorCode::NotInRoom, QStringLiteral("Join #%1 to react in it.").arg(room)},
                               type.toString());
            return std::nullopt;
        }
        place.conversation = room;
    } else if (const auto peer = m_names->partyOf(to)) {
        place.conversation = HistoryStore::directConversation(session->party(), peer->party);
        place.peerName = peer->name;
    }
    // Only messages people wrote, and not taken back: no edit, delete or reaction change has reactions.
    const auto target = place.conversation.isEmpty() ? std::nullopt : m_store->revisionTarget(place.conversation, seq);
    if (!target || !isWritten(target->kind) || target->deleted) {
        session->sendError(
            {ErrorCode::MessageUnknown, QStringLiteral("There is no message %1 in this conversation.").arg(seq)},
            type.toString());
        return std::nullopt;
    }
    return place;
}

bool ReactionRouter::hasReaction(qint64 conversationId, const QString &key, const React &request,
                                 const QString &party) const
{
    if (const auto queued = m_queuedState.constFind(key); queued != m_queuedState.cend())
        return *queued;
    return conversationId != 0
        && HistoryReactions::has(m_store->database(), conversationId, request.seq, request.emoji, party);
}

std::optional<ProtocolError> ReactionRouter::checkLimit(const Place &place, qint64 conversationId,
                                                        const React &request) const
{
    QSet<QString> emoji = m_queuedEmoji.value(messageKey(place.conversation, request.seq));
    if (conversationId != 0) {
        for (const QString &stored : HistoryReactions::emojiOn(m_store->database(), conversationId, request.seq))
            emoji.insert(stored);
    }
    if (emoji.contains(request.emoji) || emoji.size() < m_config.limits.maxReactionsPerMessage)
        return std::nullopt;
    return ProtocolError{ErrorCode::TooManyReactions,
                         QStringLiteral("Message %1 already has %2 different reactions.")
                             .arg(request.seq)
                             .arg(m_config.limits.maxReactionsPerMessage)};
}

void ReactionRouter::react(ClientSession *session, const React &request)
{
    const auto place = placeOf(session, request.room, request.to, request.seq, React::Type);
    if (!place)
        return;
    const QString party = session->party();
    const qint64 conversationId = m_store->existingConversation(place->conversation);
    const QString key = stateKey(place->conversation, request, party);
    if (hasReaction(conversationId, key, request, party) == request.on)
        return; // already so: nothing to store or tell
    if (request.on) {
        if (auto refusal = checkLimit(*place, conversationId, request)) {
            session->sendError(*refusal, React::Type.toString());
            return;
        }
    }

    ChatMessage change;
    change.room = request.room;
    change.to = place->peerName;
    change.from = session->name();
    change.id = QStringLiteral("react-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    change.text = request.emoji;
    change.kind = request.on ? MessageKind::React : MessageKind::Unreact;
    change.target = request.seq;
    // Stored under the party, which the reactions table names: ids the server makes need no resend check.
    const auto result = m_store->append(place->conversation, change, party, HistoryStore::IdSource::Server);
    if (result.status == HistoryStore::AppendStatus::Unavailable) {
        session->sendError({ErrorCode::StorageUnavailable,
                            QStringLiteral("The server cannot store reactions right now (%1).")
                                .arg(describeStorageFault(m_store->storageFault()))},
                           React::Type.toString());
        return;
    }
    m_queuedState.insert(key, request.on);
    if (request.on)
        m_queuedEmoji[messageKey(place->conversation, request.seq)].insert(request.emoji);
}

void ReactionRouter::answerReactors(ClientSession *session, const ReactorsRequest &request)
{
    const auto place = placeOf(session, request.room, request.to, request.seq, ReactorsRequest::Type);
    if (!place)
        return;
    ReactorList list{request.room, request.to, request.seq, request.emoji, {}, 0};
    if (const qint64 id = m_store->existingConversation(place->conversation)) {
        list.count = HistoryReactions::count(m_store->database(), id, request.seq, request.emoji);
        list.names =
            HistoryReactions::names(m_store->database(), id, request.seq, request.emoji, ReactorList::MaxNames);
    }
    session->send(list);
}

ReactionEvent ReactionRouter::eventFor(const ChatMessage &change, const QString &conversation)
{
    ReactionEvent event;
    event.room = change.room;
    event.to = change.isDirect() ? change.to : QString();
    event.seq = change.target;
    event.emoji = change.text;
    event.by = change.from;
    event.on = change.kind == MessageKind::React;
    event.rev = change.seq;
    if (const qint64 id = m_store->existingConversation(conversation))
        event.count = HistoryReactions::count(m_store->database(), id, change.target, change.text);
    return event;
}

void ReactionRouter::attach(const QString &conversation, QList<ChatMessage> &messages, const QString &readerParty)
{
    if (const qint64 id = m_store->existingConversation(conversation))
        HistoryReactions::attach(m_store->database(), id, messages, readerParty);
}

} // namespace Natter
