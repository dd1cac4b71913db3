#include "outboxtable.h"

#include "validation.h"

#include <QSqlQuery>
#include <QVariant>

namespace Natter {

namespace {

// Qt binds a null QString as SQL NULL; the columns hold text, empty or not.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QList<OutgoingMessage> OutboxTable::read(QSqlQuery &query)
{
    QList<OutgoingMessage> messages;
    if (!query.exec(QStringLiteral("SELECT id, conversation, peer, text, kind, failed, target, reply_seq, reply_from, "
                                   "reply_text FROM outbox ORDER BY position")))
        return messages;
    while (query.next()) {
        OutgoingMessage message;
        message.id = query.value(0).toString();
        const QString key = query.value(1).toString();
        message.conversation =
            key.startsWith(u'@') ? ConversationId::direct(query.value(2).toString()) : ConversationId::fromKey(key);
        message.text = query.value(3).toString();
        message.kind = Protocol::messageKindFromNumber(query.value(4).toInt());
        message.failed = query.value(5).toBool();
        message.target = query.value(6).toLongLong();
        message.replyTo = query.value(7).toLongLong();
        message.replyFrom = query.value(8).toString();
        message.replyText = query.value(9).toString();
        if (Protocol::isRevision(message.kind) != (message.target > 0))
            continue;
        if (!Protocol::validateClientId(message.id) && message.conversation.isValid())
            messages.append(message);
    }
    return messages;
}

bool OutboxTable::write(QSqlQuery &query, const QList<OutgoingMessage> &messages)
{
    if (!query.exec(QStringLiteral("DELETE FROM outbox")))
        return false;
    query.prepare(QStringLiteral("INSERT INTO outbox (position, id, conversation, peer, text, kind, failed, target, "
                                 "reply_seq, reply_from, reply_text) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    int position = 0;
    for (const OutgoingMessage &message : messages) {
        query.bindValue(0, position++);
        query.bindValue(1, text(message.id));
        query.bindValue(2, message.conversation.key());
        query.bindValue(3, text(message.conversation.isRoom() ? QString() : message.conversation.name));
        query.bindValue(4, text(message.text));
        query.bindValue(5, static_cast<int>(message.kind));
        query.bindValue(6, message.failed);
        query.bindValue(7, message.target);
        query.bindValue(8, message.replyTo);
        query.bindValue(9, text(message.replyFrom));
        query.bindValue(10, text(message.replyText));
        if (!query.exec())
            return false;
    }
    return true;
}

} // namespace Natter
