#include "historyreactions.h"

#include "historydatabase.h"
#include "logging.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace Natter {

using Protocol::ChatMessage;
using Protocol::MessageKind;
using Protocol::ReactionCount;

bool HistoryReactions::apply(HistoryDatabase &database, qint64 conversation, const ChatMessage &change,
                             const QString &reactorParty, QString *errorMessage)
{
    if (change.kind == MessageKind::React) {
        return database
            .run(QStringLiteral("INSERT OR IGNORE INTO reactions (conversation, seq, emoji, reactor, name, rev) "
                                "VALUES (?, ?, ?, ?, ?, ?)"),
                 {conversation, change.target, change.text, reactorParty, change.from, change.seq}, errorMessage)
            .has_value();
    }
    return database
        .run(QStringLiteral("DELETE FROM reactions WHERE conversation = ? AND seq = ? AND emoji = ? AND reactor = ?"),
             {conversation, change.target, change.text, reactorParty}, errorMessage)
        .has_value();
}

bool HistoryReactions::removeAll(HistoryDatabase &database, qint64 conversation, qint64 seq, QString *errorMessage)
{
    return database
        .run(QStringLiteral("DELETE FROM reactions WHERE conversation = ? AND seq = ?"), {conversation, seq},
             errorMessage)
        .has_value();
}

void HistoryReactions::attach(const HistoryDatabase &database, qint64 conversation, QList<ChatMessage> &messages,
                              const QString &readerParty)
{
    if (messages.isEmpty())
        return;
    QString error;
    // One read for the whole page, emoji in the order they were first put on each message.
    auto query = database.run(QStringLiteral("SELECT seq, emoji, COUNT(*), MAX(reactor = ?), MIN(rev) FROM reactions "
                                             "WHERE conversation = ? AND seq BETWEEN ? AND ? "
                                             "GROUP BY seq, emoji ORDER BY seq, 5, emoji"),
                              {readerParty, conversation, messages.first().seq, messages.last().seq}, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot read reactions:" << error;
        return;
    }
    QHash<qint64, QList<ReactionCount>> bySeq;
    while (query->next()) {
        bySeq[query->value(0).toLongLong()].append(
            {query->value(1).toString(), query->value(2).toInt(), query->value(3).toInt() != 0});
    }
    if (bySeq.isEmpty())
        return;
    for (ChatMessage &message : messages)
        message.reactions = bySeq.value(message.seq);
}

int HistoryReactions::count(const HistoryDatabase &database, qint64 conversation, qint64 seq, const QString &emoji)
{
    const auto value = database.scalar(
        QStringLiteral("SELECT COUNT(*) FROM reactions WHERE conversation = ? AND seq = ? AND emoji = ?"),
        {conversation, seq, emoji});
    return value ? value->toInt() : 0;
}

bool HistoryReactions::has(const HistoryDatabase &database, qint64 conversation, qint64 seq, const QString &emoji,
                           const QString &reactorParty)
{
    const auto value = database.scalar(QStringLiteral("SELECT 1 FROM reactions WHERE conversation = ? AND seq = ? "
                                                      "AND emoji = ? AND reactor = ?"),
                                       {conversation, seq, emoji, reactorParty});
    return value && !value->isNull();
}

QStringList HistoryReactions::emojiOn(const HistoryDatabase &database, qint64 conversation, qint64 seq)
{
    QStringList emoji;
    auto query = database.run(QStringLiteral("SELECT DISTINCT emoji FROM reactions WHERE conversation = ? AND seq = ?"),
                              {conversation, seq});
    while (query && query->next())
        emoji.append(query->value(0).toString());
    return emoji;
}

QStringList HistoryReactions::names(const HistoryDatabase &database, qint64 conversation, qint64 seq,
                                    const QString &emoji, int limit)
{
    QStringList names;
    auto query = database.run(QStringLiteral("SELECT name FROM reactions WHERE conversation = ? AND seq = ? "
                                             "AND emoji = ? ORDER BY rev LIMIT ?"),
                              {conversation, seq, emoji, limit});
    while (query && query->next())
        names.append(query->value(0).toString());
    return names;
}

} // namespace Natter
