#pragma once

// Reactions in the history file: who has which emoji on which message now. A change is stored twice in one
// transaction: as a message row of its own (kind React or Unreact, with a seq, so it replays in order) and here,
// where the counts, a reader's own reactions and the names are read from.

#include "chatmessage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Natter {

class HistoryDatabase;

class HistoryReactions
{
public:
    // Applies `change` (a React or Unreact already inserted, `text` the emoji, `target` the message) inside the
    // caller's transaction; reactorParty is who reacted.
    static bool apply(HistoryDatabase &database, qint64 conversation, const Protocol::ChatMessage &change,
                      const QString &reactorParty, QString *errorMessage);
    // Removes every reaction to a message (when it is deleted), inside the caller's transaction.
    static bool removeAll(HistoryDatabase &database, qint64 conversation, qint64 seq, QString *errorMessage);

    // Fills `reactions` of each message (ascending seqs) with its counts, `mine` for the reader's party.
    static void attach(const HistoryDatabase &database, qint64 conversation, QList<Protocol::ChatMessage> &messages,
                       const QString &readerParty);
    static int count(const HistoryDatabase &database, qint64 conversation, qint64 seq, const QString &emoji);
    static bool has(const HistoryDatabase &database, qint64 conversation, qint64 seq, const QString &emoji,
                    const QString &reactorParty);
    // The emoji that are on a message now.
    static QStringList emojiOn(const HistoryDatabase &database, qint64 conversation, qint64 seq);
    // The names of the first `limit` people who put `emoji` on the message, in the order they did.
    static QStringList names(const HistoryDatabase &database, qint64 conversation, qint64 seq, const QString &emoji,
                             int limit);
};

} // namespace Natter
