#include "pendingmessages.h"

#include "messagemodel.h"

namespace Natter {

using Protocol::ChatMessage;

PendingMessages::PendingMessages(const ConversationId &id, MessageModel *messages)
    : m_id(id)
    , m_messages(messages)
{ }

bool PendingMessages::add(const OutgoingMessage &message, const QString &ownName)
{
    m_pending.insert(message.id, message);
    if (Protocol::isRevision(message.kind))
        return false;
    show(message, ownName);
    return true;
}

void PendingMessages::show(const OutgoingMessage &message, const QString &ownName)
{
    m_messages->addPending(message.id, ownName, message.text, message.kind,
                           {message.replyTo, message.replyFrom, message.replyText});
    if (message.failed)
        m_messages->markFailed(message.id);
}

std::optional<ChatMessage> PendingMessages::take(const QString &id, qint64 seq, qint64 ts, const QString &ownName)
{
    const auto pending = m_pending.constFind(id);
    if (pending == m_pending.cend())
        return std::nullopt;
    ChatMessage stored;
    stored.seq = seq;
    stored.ts = ts;
    stored.id = pending->id;
    stored.from = ownName;
    if (m_id.isRoom())
        stored.room = m_id.name;
    else
        stored.to = m_id.name;
    stored.text = pending->text;
    stored.kind = pending->kind;
    stored.target = pending->target;
    stored.replyTo = pending->replyTo;
    stored.replyFrom = pending->replyFrom;
    stored.replyText = pending->replyText;
    m_pending.erase(pending);
    return stored;
}

void PendingMessages::discard(const QString &id)
{
    m_pending.remove(id);
    m_messages->removeUnconfirmed(id);
}

void PendingMessages::showAgain(const QString &ownName)
{
    for (const OutgoingMessage &pending : std::as_const(m_pending)) {
        if (!Protocol::isRevision(pending.kind))
            show(pending, ownName);
    }
}

} // namespace Natter
