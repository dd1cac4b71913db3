#include "messagerouter.h"

#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "outgoingframe.h"
#include "presencedigest.h"
#include "roomdirectory.h"
#include "sessionregistry.h"
#include "validation.h"

#include <QSet>

namespace Natter {

using namespace Protocol;

namespace {
constexpr int ReplayPage = 500;
}

MessageRouter::MessageRouter(HistoryStore *store, RoomDirectory *rooms, SessionRegistry *sessions,
                             PresenceDigest *plainPresence, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_rooms(rooms)
    , m_sessions(sessions)
    , m_plainPresence(plainPresence)
    , m_config(config)
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
    if (const auto error = validateText(send.text, m_config.limits.maxTextBytes)) {
        sender->sendError(*error, send.id);
        return;
    }
    ChatMessage message;
    message.from = sender->name();
    message.id = send.id;
    message.text = send.text;
    message.kind = send.kind;
    if (!send.room.isEmpty()) {
        if (!sender->rooms().contains(send.room)) {
            sender->sendError({ErrorCode::NotInRoom, QStringLiteral("Join #%1 before writing to it.").arg(send.room)},
                              send.id);
            return;
        }
        message.room = send.room;
    } else {
        const ClientSession *recipient = m_sessions->find(send.to);
        if (!recipient) {
            sender->sendError({ErrorCode::UserUnknown, QStringLiteral("%1 is not online.").arg(send.to)}, send.id);
            return;
        }
        message.to = recipient->name();
    }

    const HistoryStore::AppendResult result = m_store->append(message, sender->nameKey(), idSource);
    switch (result.status) {
    case HistoryStore::AppendStatus::AlreadyStored:
        sender->send(ackFor(result.message));
        break;
    case HistoryStore::AppendStatus::Queued:
    case HistoryStore::AppendStatus::AlreadyQueued:
        m_waiting[{HistoryStore::conversationOf(result.message), result.message.seq}].append(sender);
        break;
    }
}

void MessageRouter::onCommitted(const QList<ChatMessage> &messages)
{
    for (const ChatMessage &message : messages) {
        const auto waiting = m_waiting.take({HistoryStore::conversationOf(message), message.seq});
        for (const QPointer<ClientSession> &sender : waiting) {
            if (sender)
                sender->send(ackFor(message));
        }
        deliver(message, waiting);
    }
}

void MessageRouter::onCommitFailed(const QList<ChatMessage> &messages, const QString &error)
{
    qCWarning(lcServer) << "could not store" << messages.size() << "messages:" << error;
    for (const ChatMessage &message : messages) {
        const auto waiting = m_waiting.take({HistoryStore::conversationOf(message), message.seq});
        for (const QPointer<ClientSession> &sender : waiting) {
            if (sender) {
                sender->sendError({ErrorCode::InternalError,
                                   QStringLiteral("The server could not store your message; send it again.")},
                                  message.id);
            }
        }
    }
}

void MessageRouter::deliver(const ChatMessage &message, const QList<QPointer<ClientSession>> &senders)
{
    OutgoingFrame frame(MessageEvent{message});
    // Plain-text clients hear who arrived in the lobby before anything that person says, here or directly.
    if (message.isDirect() || message.room == lobbyRoom())
        m_plainPresence->flush();
    if (!message.isDirect()) {
        for (ClientSession *member : m_rooms->members(message.room))
            member->send(frame);
        return;
    }
    // The sending session is known even if it was renamed before the commit; the others are found by name.
    QSet<ClientSession *> parties{m_sessions->find(message.from), m_sessions->find(message.to)};
    for (const QPointer<ClientSession> &sender : senders)
        parties.insert(sender.data());
    parties.remove(nullptr);
    for (ClientSession *party : std::as_const(parties))
        party->send(frame);
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
        conversation = HistoryStore::directConversation(session->name(), request.to);
    }
    const int pageSize = request.limit > 0 ? request.limit : m_config.limits.historyPageSize;
    const int limit = std::clamp(pageSize, 1, m_config.limits.maxHistoryPage);
    HistoryPage page;
    page.room = request.room;
    page.to = request.to;
    page.messages = request.before > 0 ? m_store->before(conversation, request.before, limit, &page.more)
                                       : m_store->latest(conversation, limit, &page.more);
    session->send(page);
}

void MessageRouter::replay(ClientSession *session, const QString &conversation, qint64 afterSeq)
{
    qint64 seq = afterSeq;
    for (;;) {
        const QList<ChatMessage> page = m_store->after(conversation, seq, ReplayPage);
        for (const ChatMessage &message : page)
            session->send(MessageEvent{message});
        if (page.size() < ReplayPage)
            break;
        seq = page.last().seq;
    }
}

} // namespace Natter
