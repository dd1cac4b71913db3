#include "messagerow.h"

#include "messagelayout.h"
#include "messagetext.h"

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;

MessageRow MessageRow::fromIndex(const QModelIndex &index, Fields fields)
{
    MessageRow row;
    row.sender = index.data(MessageModel::SenderRole).toString();
    row.text = index.data(MessageModel::TextRole).toString();
    row.state = static_cast<State>(index.data(MessageModel::StateRole).toInt());
    row.firstOfGroup = index.data(MessageModel::FirstOfGroupRole).toBool();
    row.dayChange = index.data(MessageModel::DayChangeRole).toBool();
    row.unreadMarker = index.data(MessageModel::UnreadMarkerRole).toBool();
    row.edited = index.data(MessageModel::EditedRole).toBool();
    row.deleted = index.data(MessageModel::DeletedRole).toBool();
    row.replyTo = index.data(MessageModel::ReplyToRole).toLongLong();
    if (row.replyTo > 0) {
        row.replyFrom = index.data(MessageModel::ReplyFromRole).toString();
        row.replyText = index.data(MessageModel::ReplyTextRole).toString();
    }
    // A deleted action has no text to name its sender in: it is shown like any deleted message.
    row.action =
        !row.deleted && index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action);
    if (!row.deleted)
        row.reactions = index.data(MessageModel::ReactionsRole).value<ReactionList>();
    if (row.state == State::Failed)
        row.failureReason = index.data(MessageModel::FailureReasonRole).toString();
    if (fields == Fields::Everything) {
        row.time = index.data(MessageModel::TimestampRole).toDateTime();
        row.mention = index.data(MessageModel::MentionRole).toBool();
    }
    return row;
}

QString MessageRow::quoteLine() const
{
    // The quote reads as the message does: without its formatting marks.
    return replyText.isEmpty() ? MessageLayout::tr("%1: a deleted message").arg(replyFrom)
                               : MessageLayout::tr("%1: %2").arg(replyFrom, MessageMarkup::parse(replyText).text);
}

MessageMarkup MessageRow::markup() const
{
    return deleted ? MessageMarkup() : MessageMarkup::parse(text);
}

QString MessageRow::bodyText() const
{
    return bodyText(markup());
}

QString MessageRow::bodyText(const MessageMarkup &markup) const
{
    if (deleted)
        return MessageLayout::tr("This message was deleted.");
    const QString body = MessageText::layoutText(markup.text);
    return action ? u"* "_s + sender + u' ' + body : body;
}

qsizetype MessageRow::markupOffset() const
{
    return action && !deleted ? sender.size() + 3 : 0; // "* Name "
}

} // namespace Natter
