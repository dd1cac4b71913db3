#pragma once

// The user's messages in one conversation that the server has not stored yet, as the outbox holds them: shown at
// once, shown again when the conversation's history is forgotten, and turned into the message the server stored
// once it is acknowledged.

#include "chatmessage.h"
#include "conversationid.h"
#include "outbox.h"

#include <QHash>

#include <optional>

namespace Natter {

class MessageModel;

class PendingMessages
{
public:
    PendingMessages(const ConversationId &id, MessageModel *messages);

    // Shows it at once as `ownName`'s; false for an edit or delete, which changes a row once stored and makes none.
    bool add(const OutgoingMessage &message, const QString &ownName);
    // The message the server stored from the pending one `id`; nothing if `id` is not pending here.
    std::optional<Protocol::ChatMessage> take(const QString &id, qint64 seq, qint64 ts, const QString &ownName);
    // The user gave up on it: its row goes.
    void discard(const QString &id);
    // The model was cleared: what is still on its way is shown again, failed or not (the outbox still holds it).
    void showAgain(const QString &ownName);

private:
    void show(const OutgoingMessage &message, const QString &ownName);

    ConversationId m_id;
    MessageModel *m_messages;
    QHash<QString, OutgoingMessage> m_pending; // by id
};

} // namespace Natter
