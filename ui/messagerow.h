#pragma once

// What a delegate reads of one MessageModel row, and the text it shows: the body with its formatting read, an
// action's "* Name ", a deleted message's notice, a reply's quote line.

#include "messagemarkup.h"
#include "messagemodel.h"
#include "messagereactions.h"

#include <QDateTime>
#include <QModelIndex>
#include <QString>

namespace Natter {

// What a delegate reads of one MessageModel row.
struct MessageRow
{
    // Geometry: only what a height depends on. Everything: also what only painting needs (the time, which costs a
    // conversion to local time, and whether the row mentions the user).
    enum class Fields { Geometry, Everything };

    QString sender;
    QString text;
    QString failureReason; // read for failed rows only
    QDateTime time;
    MessageModel::DeliveryState state = MessageModel::DeliveryState::Sent;
    bool action = false;
    bool firstOfGroup = true;
    bool dayChange = false;
    bool unreadMarker = false;
    bool mention = false;
    bool edited = false; // shows "(edited)" after the text
    bool deleted = false; // shows that it was deleted instead of a text
    qint64 replyTo = 0; // a reply shows a line quoting what it answers above its text
    QString replyFrom;
    QString replyText;
    ReactionList reactions; // shown as chips under the text
    // The quote line's words: "Bob: the start of it", or that the message answered was deleted.
    QString quoteLine() const;

    static MessageRow fromIndex(const QModelIndex &index, Fields fields = Fields::Geometry);
    // The text's light formatting (MessageMarkup); nothing for a deleted message.
    MessageMarkup markup() const;
    // The body as laid out: the text as markup() shows it, its line breaks as QChar::LineSeparator, after
    // "* Name " for an action. Plain text: never interpreted as HTML.
    QString bodyText() const;
    QString bodyText(const MessageMarkup &markup) const;
    // Where markup()'s positions start in bodyText(): after "* Name " for an action.
    qsizetype markupOffset() const;
};

} // namespace Natter
