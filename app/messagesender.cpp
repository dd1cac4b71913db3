#include "messagesender.h"

#include "clientmessages.h"
#include "serversocket.h"

#include <algorithm>

namespace Natter {

using namespace Protocol;

MessageSender::MessageSender(ServerSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_resendTimer.setSingleShot(true);
    connect(&m_resendTimer, &QTimer::timeout, this, &MessageSender::resendDue);
}

void MessageSender::setResendDelays(int firstMs, int maxMs)
{
    m_firstResendMs = std::max(1, firstMs);
    m_maxResendMs = std::max(m_firstResendMs, maxMs);
    m_nextResendMs = m_firstResendMs;
}

void MessageSender::reset(const QList<OutgoingMessage> &unsent)
{
    m_resendTimer.stop();
    m_nextResendMs = m_firstResendMs;
    m_serverStoring = true;
    m_outbox.clear();
    m_outbox.restore(unsent);
}

OutgoingMessage MessageSender::queue(const ConversationId &conversation, const QString &text, MessageKind kind,
                                     qint64 target)
{
    const OutgoingMessage message = m_outbox.add(conversation, text, kind, target);
    emit messageQueued(message);
    emit outboxChanged();
    return message;
}

OutgoingMessage MessageSender::queueReply(const ConversationId &conversation, const QString &text, qint64 seq,
                                          const QString &from, const QString &quote)
{
    const QString id = m_outbox.add(conversation, text, MessageKind::Text).id;
    m_outbox.setReply(id, seq, from, quote);
    const OutgoingMessage reply = *m_outbox.find(id);
    emit messageQueued(reply);
    emit outboxChanged();
    return reply;
}

void MessageSender::send(const OutgoingMessage &message)
{
    const bool room = message.conversation.isRoom();
    m_socket->send(Send{message.id, room ? message.conversation.name : QString(),
                        room ? QString() : message.conversation.name, message.text, message.kind, message.target,
                        message.replyTo});
}

void MessageSender::sendPending()
{
    const QList<OutgoingMessage> pending = m_outbox.pending();
    for (const OutgoingMessage &message : pending)
        send(message);
}

std::optional<OutgoingMessage> MessageSender::retry(const QString &id)
{
    const auto message = m_outbox.retry(id);
    if (message)
        emit outboxChanged();
    return message;
}

bool MessageSender::discard(const QString &id)
{
    const auto message = m_outbox.find(id);
    if (!message || !message->failed)
        return false;
    m_outbox.discard(id);
    emit outboxChanged();
    return true;
}

void MessageSender::acknowledge(const QString &id, qint64 seq, qint64 ts)
{
    const auto outgoing = m_outbox.find(id);
    if (!outgoing)
        return; // an ack for a resend that was already acknowledged
    m_outbox.acknowledge(id);
    emit messageAcknowledged(id, outgoing->conversation, seq, ts);
    emit outboxChanged();
    if (!m_serverStoring) {
        m_serverStoring = true;
        m_resendTimer.stop();
        m_nextResendMs = m_firstResendMs;
        emit serverStoringChanged(true);
    }
}

bool MessageSender::refuse(const ErrorEvent &error)
{
    if (error.ref.isEmpty() || !m_outbox.contains(error.ref))
        return false;
    if (error.code == ErrorCode::StorageUnavailable) {
        deferUntilStored();
        return true;
    }
    m_outbox.fail(error.ref);
    emit messageFailed(error.ref, error);
    emit outboxChanged();
    return true;
}

void MessageSender::deferUntilStored()
{
    // One refusal per message of a burst: the first one sets the delay, the others find the timer running.
    if (m_serverStoring) {
        m_serverStoring = false;
        emit serverStoringChanged(false);
    }
    if (m_resendTimer.isActive())
        return;
    m_resendTimer.start(m_nextResendMs);
    m_nextResendMs = std::min(m_nextResendMs * 2, m_maxResendMs);
}

} // namespace Natter
