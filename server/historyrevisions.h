#pragma once

// Edits and deletions in the history file (and what a reply quotes). An edit or a delete is stored as a message of its
// own (so that it has a seq and replays in order) and also changes the row it targets: an edit replaces that row's text
// and sets its edit time; a delete empties it, marks it deleted, and empties every earlier edit of it, so nothing of a
// deleted message's text stays in the file: the quotes of it in replies are emptied as well.

#include "chatmessage.h"

#include <QString>

#include <optional>

namespace Natter {

class HistoryDatabase;

class HistoryRevisions
{
public:
    // What an edit or delete needs to know of the message it targets.
    struct Target
    {
        QString senderKey;
        Protocol::MessageKind kind = Protocol::MessageKind::Text;
        bool deleted = false;
        QString sender; // as shown
        QString text; // as it reads now
    };

    // The stored message `seq` of the conversation (by row id), if there is one.
    static std::optional<Target> stored(const HistoryDatabase &database, qint64 conversation, qint64 seq);

    // Changes the target of `revision` (an Edit or Delete already inserted) inside the caller's transaction.
    static bool apply(HistoryDatabase &database, qint64 conversation, const Protocol::ChatMessage &revision,
                      QString *errorMessage);

    // The statements that find rows through the partial indexes on reply_seq and target (each takes the
    // conversation, then the seq): they must look one seq up in them, not read every reply or revision of the
    // conversation, whatever SQLite's planner prefers.
    static QString quoteUpdate(); // binds the new quote first
    static QString quoteErase();
    static QString editsErase(); // binds the Edit kind last
};

} // namespace Natter
