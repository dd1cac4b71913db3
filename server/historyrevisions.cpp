#include "historyrevisions.h"

#include "historydatabase.h"
#include "historyreactions.h"

#include <QSqlQuery>
#include <QVariant>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;

std::optional<HistoryRevisions::Target> HistoryRevisions::stored(const HistoryDatabase &database, qint64 conversation,
                                                                 qint64 seq)
{
    auto query = database.run(QStringLiteral("SELECT sender_key, kind, deleted, sender, text FROM messages "
                                             "WHERE conversation = ? AND seq = ?"),
                              {conversation, seq});
    if (!query || !query->next())
        return std::nullopt;
    Target target;
    target.senderKey = query->value(0).toString();
    target.kind = static_cast<MessageKind>(query->value(1).toInt());
    target.deleted = query->value(2).toBool();
    target.sender = query->value(3).toString();
    target.text = query->value(4).toString();
    return target;
}

// The statements name the partial indexes' conditions (reply_seq > 0, target > 0) again: SQLite uses a partial index
// only when the query implies its condition, which a bound parameter alone does not. Left to itself, SQLite 3.40 seeks
// the index by that range (every reply or revision of the conversation) instead of by the seq, or reads the whole
// conversation by its primary key, which made a delete cost as much as the conversation had revisions: the index is
// named, and the condition wrapped in likely(), which leaves the seq to seek by.
QString HistoryRevisions::quoteUpdate()
{
    return QStringLiteral("UPDATE messages INDEXED BY messages_reply SET reply_text = ? WHERE conversation = ? AND "
                          "reply_seq = ? AND likely(reply_seq > 0)");
}

QString HistoryRevisions::quoteErase()
{
    return QStringLiteral("UPDATE messages INDEXED BY messages_reply SET reply_text = '' WHERE conversation = ? AND "
                          "reply_seq = ? AND likely(reply_seq > 0)");
}

QString HistoryRevisions::editsErase()
{
    return QStringLiteral("UPDATE messages INDEXED BY messages_target SET text = '' WHERE conversation = ? AND target "
                          "= ? AND likely(target > 0) AND kind = ?");
}

bool HistoryRevisions::apply(HistoryDatabase &database, qint64 conversation, const ChatMessage &revision,
                             QString *errorMessage)
{
    if (revision.kind == MessageKind::Edit) {
        return database
                   .run(
                       QStringLiteral("UPDATE messages SET text = ?, edited_ms = ? WHERE conversation = ? AND seq = ?"),
                       {revision.text, revision.ts, conversation, revision.target}, errorMessage)
                   .has_value()
            && database
                   .run(quoteUpdate(), {Protocol::replyQuote(revision.text), conversation, revision.target},
                        errorMessage)
                   .has_value();
    }
    if (!database
             .run(QStringLiteral("UPDATE messages SET text = '', deleted = 1, edited_ms = ? "
                                 "WHERE conversation = ? AND seq = ?"),
                  {revision.ts, conversation, revision.target}, errorMessage)
             .has_value())
        return false;
    if (!database.run(quoteErase(), {conversation, revision.target}, errorMessage).has_value())
        return false;
    if (!HistoryReactions::removeAll(database, conversation, revision.target, errorMessage))
        return false;
    return database
        .run(editsErase(), {conversation, revision.target, static_cast<int>(MessageKind::Edit)}, errorMessage)
        .has_value();
}

} // namespace Natter
