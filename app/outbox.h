#pragma once

// The messages this user sent that the server has not acknowledged yet, kept to be sent again after a reconnect.

#include "chatmessage.h"
#include "conversationid.h"

#include <QList>

#include <optional>

namespace Natter {

struct OutgoingMessage
{
    QString id;
    ConversationId conversation;
    QString text;
    Protocol::MessageKind kind = Protocol::MessageKind::Text;
    bool failed = false; // rejected by the server; waits for the user to retry
    qint64 target = 0; // an edit or delete: the seq of the message it changes
    qint64 replyTo = 0; // a reply: the seq of the message it answers, whose sender and quote follow
    QString replyFrom{};
    QString replyText{};
};

class Outbox
{
public:
    // Takes back messages queued in an earlier run, with their ids, after what is queued now; known ids are skipped.
    void restore(const QList<OutgoingMessage> &messages);
    // Queues a message under a new unique id and returns it.
    const OutgoingMessage &add(const ConversationId &conversation, const QString &text, Protocol::MessageKind kind,
                               qint64 target = 0);
    // Makes the queued message `id` a reply to message `seq` of the same conversation.
    void setReply(const QString &id, qint64 seq, const QString &from, const QString &quote);
    // The server stored it: forget it. False if the id is unknown.
    bool acknowledge(const QString &id);
    bool fail(const QString &id);
    // Makes a failed message pending again and returns it.
    std::optional<OutgoingMessage> retry(const QString &id);
    void discard(const QString &id);

    std::optional<OutgoingMessage> find(const QString &id) const;
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    // Not failed, in the order they were added: what to send again after a reconnect.
    QList<OutgoingMessage> pending() const;
    int size() const { return static_cast<int>(m_messages.size()); }
    // Every message, failed ones included, in the order they were added.
    const QList<OutgoingMessage> &all() const { return m_messages; }
    void clear() { m_messages.clear(); }

private:
    qsizetype indexOf(const QString &id) const;

    QList<OutgoingMessage> m_messages;
};

} // namespace Natter
