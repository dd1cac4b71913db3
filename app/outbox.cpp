#include "outbox.h"

#include <QUuid>

namespace Natter {

const OutgoingMessage &Outbox::add(const ConversationId &conversation, const QString &text, Protocol::MessageKind kind,
                                   qint64 target)
{
    // Ids must never repeat for this name, even across restarts of the app: the server treats a repeat as a resend.
    m_messages.append({QUuid::createUuid().toString(QUuid::WithoutBraces), conversation, text, kind, false, target});
    return m_messages.constLast();
}

void Outbox::setReply(const QString &id, qint64 seq, const QString &from, const QString &quote)
{
    if (const qsizetype index = indexOf(id); index >= 0) {
        m_messages[index].replyTo = seq;
        m_messages[index].replyFrom = from;
        m_messages[index].replyText = quote;
    }
}

void Outbox::restore(const QList<OutgoingMessage> &messages)
{
    for (const OutgoingMessage &message : messages) {
        if (!message.id.isEmpty() && message.conversation.isValid() && !contains(message.id))
            m_messages.append(message);
    }
}

qsizetype Outbox::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id)
            return i;
    }
    return -1;
}

bool Outbox::acknowledge(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return false;
    m_messages.removeAt(index);
    return true;
}

bool Outbox::fail(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return false;
    m_messages[index].failed = true;
    return true;
}

std::optional<OutgoingMessage> Outbox::retry(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    m_messages[index].failed = false;
    return m_messages.at(index);
}

void Outbox::discard(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index >= 0)
        m_messages.removeAt(index);
}

std::optional<OutgoingMessage> Outbox::find(const QString &id) const
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_messages.at(index);
}

QList<OutgoingMessage> Outbox::pending() const
{
    QList<OutgoingMessage> list;
    for (const OutgoingMessage &message : m_messages) {
        if (!message.failed)
            list.append(message);
    }
    return list;
}

} // namespace Natter
