#include "messagelayout.h"

#include "messagefonts.h"

#include <QFontMetrics>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>

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
    return replyText.isEmpty() ? MessageLayout::tr("%1: a deleted message").arg(replyFrom)
                               : MessageLayout::tr("%1: %2").arg(replyFrom, replyText);
}

QString MessageRow::bodyText() const
{
    if (deleted)
        return MessageLayout::tr("This message was deleted.");
    const QString body = MessageText::layoutText(text);
    return action ? u"* "_s + sender + u' ' + body : body;
}

int MessageLayout::avatarColumn(const MessageFonts &fonts)
{
    return fonts.nameHeight + static_cast<int>(std::ceil(fonts.lineHeight)) + 3 * fonts.unit;
}

MessageLayout::MessageLayout(const MessageFonts &fonts, const QRect &rect, const MessageRow &row, Purpose purpose,
                             const Colors &colors)
    : fonts(fonts)
{
    const int unit = fonts.unit;
    const int column = avatarColumn(fonts);
    const int left = rect.left() + 3 * unit + column;
    const int width = std::max(1, rect.width() - 6 * unit - column);
    const int bandHeight = fonts.smallHeight + 3 * unit;
    int y = rect.top();

    if (row.unreadMarker) {
        unreadLine = QRect(rect.left(), y, rect.width(), bandHeight);
        y += bandHeight;
    }
    if (row.dayChange) {
        separator = QRect(rect.left(), y, rect.width(), bandHeight);
        y += bandHeight;
    }
    const int messageTop = y;
    y += row.firstOfGroup ? 2 * unit : unit / 2;
    int avatarBottom = y;
    if (row.firstOfGroup && !row.action) { // an action names its sender in its text
        hasHeader = true;
        header = QPoint(left, y);
        const int side = column - 3 * unit;
        avatar = QRect(rect.left() + 3 * unit, y + unit / 2, side, side);
        avatarBottom = avatar.bottom() + 1;
        y += fonts.nameHeight + unit / 2;
    }

    if (row.replyTo > 0 && !row.deleted) {
        // One line, elided when painted: a quote never changes the height.
        quote = QRect(left, y, width, fonts.smallHeight + unit);
        y += quote.height() + unit / 2;
    }
    textOrigin = QPointF(left, y);
    if (purpose != Purpose::Estimate) {
        const bool oneLine = purpose == Purpose::Measure && row.state == State::Sent && !row.action && !row.edited
            && fonts.fitsOnOneLine(row.text, width);
        y += static_cast<int>(std::ceil(oneLine ? fonts.lineHeight : layOutText(row, width, purpose, colors)));
    }

    if (row.state == State::Pending || (row.edited && !row.deleted)) {
        // After the last line when it fits, like a chat app's clock; else on a line of its own. An estimate
        // supposes that it fits.
        marker = row.state == State::Pending ? tr("sending…") : tr("(edited)");
        fullMarker = marker;
        QFont markerFont = fonts.small;
        markerFont.setItalic(true);
        const int markerWidth = QFontMetrics(markerFont).horizontalAdvance(marker);
        const QTextLine last = text.lineCount() > 0 ? text.lineAt(text.lineCount() - 1) : QTextLine();
        const qreal end = last.isValid() ? last.naturalTextWidth() + 2 * unit : 0;
        if (purpose == Purpose::Estimate || end + markerWidth <= width) {
            const int baseline = last.isValid() ? qRound(textOrigin.y() + last.y() + last.ascent()) : y;
            markerRect = QRect(left + static_cast<int>(std::ceil(end)), baseline - fonts.smallAscent, markerWidth,
                               fonts.smallHeight);
        } else {
            markerRect = QRect(left, y, markerWidth, fonts.smallHeight);
            y += fonts.smallHeight;
        }
    } else if (row.state == State::Failed) {
        // One line whatever the reason's length: elided, the whole of it in the tooltip.
        fullMarker = row.failureReason.isEmpty() ? tr("Not sent — click to retry")
                                                 : tr("Not sent: %1 — click to retry").arg(row.failureReason);
        const QFontMetrics metrics(fonts.small);
        marker = metrics.elidedText(fullMarker, Qt::ElideMiddle, width);
        y += unit / 2;
        markerRect = QRect(left, y, metrics.horizontalAdvance(marker), fonts.smallHeight);
        y += fonts.smallHeight;
    }
    if (purpose != Purpose::Estimate) // an estimate has no text yet: the text's lines are added to it later
        y = std::max(y, avatarBottom);
    y += unit;
    message = QRect(rect.left(), messageTop, rect.width(), y - messageTop);
    height = y - rect.top();
}

qreal MessageLayout::layOutText(const MessageRow &row, int width, Purpose purpose, const Colors &colors)
{
    // Plain text in a QTextLayout, so that nothing the user typed is ever interpreted as markup.
    const QString body = row.bodyText();
    const qsizetype prefixLength = row.action ? row.sender.size() + 3 : 0; // "* Name "
    QList<QTextLayout::FormatRange> formats;
    if (row.deleted) {
        QTextCharFormat gone;
        gone.setFontItalic(true);
        formats.append({0, static_cast<int>(body.size()), gone});
    }
    if (prefixLength > 0) {
        QTextCharFormat name;
        name.setFontWeight(QFont::Bold);
        if (colors.actionName.isValid())
            name.setForeground(colors.actionName);
        formats.append({2, static_cast<int>(row.sender.size()), name});
    }
    if (purpose == Purpose::Paint) { // underlines and colours change no height
        links = MessageText::findLinks(body.mid(prefixLength)); // a sender's name is never a link
        for (MessageText::Link &link : links) {
            link.start += prefixLength;
            QTextCharFormat format;
            format.setFontUnderline(true);
            format.setForeground(colors.link);
            formats.append({static_cast<int>(link.start), static_cast<int>(link.length), format});
        }
    }
    text.setText(body);
    text.setFont(row.action ? fonts.action : fonts.base);
    text.setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text.setTextOption(option);
    qreal textHeight = 0;
    text.beginLayout();
    for (QTextLine line = text.createLine(); line.isValid(); line = text.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, textHeight));
        textHeight += line.height();
    }
    text.endLayout();
    return textHeight;
}

QUrl MessageLayout::linkAt(const QPoint &pos) const
{
    if (links.isEmpty())
        return {};
    const QPointF local = QPointF(pos) - textOrigin;
    for (int i = 0; i < text.lineCount(); ++i) {
        const QTextLine line = text.lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth())
            return {}; // beside the text, not on it
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        const auto hit = std::find_if(links.cbegin(), links.cend(), [cursor](const MessageText::Link &link) {
            return cursor >= link.start && cursor < link.start + link.length;
        });
        return hit == links.cend() ? QUrl() : hit->url;
    }
    return {};
}

int MessageLayout::lineAt(qreal y, CursorHit hit) const
{
    const int count = text.lineCount();
    if (count == 0)
        return -1;
    if (y < text.lineAt(0).y())
        return hit == CursorHit::Nearest ? 0 : -1;
    for (int i = 0; i < count; ++i) {
        const QTextLine line = text.lineAt(i);
        if (y < line.y() + line.height())
            return i;
    }
    return hit == CursorHit::Nearest ? count - 1 : -1;
}

int MessageLayout::cursorAt(const QPoint &pos, CursorHit hit) const
{
    const QPointF local = QPointF(pos) - textOrigin;
    const int index = lineAt(local.y(), hit);
    if (index < 0)
        return -1;
    const QTextLine line = text.lineAt(index);
    if (hit == CursorHit::Strict && (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth()))
        return -1;
    if (hit == CursorHit::Nearest && local.y() < text.lineAt(0).y())
        return 0; // above the text: its start, as a text editor does
    if (hit == CursorHit::Nearest && local.y() >= line.y() + line.height())
        return static_cast<int>(text.text().size()); // below it: its end
    return line.xToCursor(local.x(), QTextLine::CursorBetweenCharacters);
}

std::pair<int, int> MessageLayout::wordAt(const QPoint &pos) const
{
    const QPointF local = QPointF(pos) - textOrigin;
    const int index = lineAt(local.y(), CursorHit::Strict);
    if (index < 0)
        return {0, 0};
    const QTextLine line = text.lineAt(index);
    if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth())
        return {0, 0};
    const int position = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
    const QString &body = text.text();
    if (position < 0 || position >= body.size() || !body.at(position).isLetterOrNumber())
        return {position, position}; // a space or a punctuation mark: nothing to select
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, body);
    finder.setPosition(position);
    const bool atStart = finder.isAtBoundary() && (finder.boundaryReasons() & QTextBoundaryFinder::StartOfItem);
    const qsizetype start = atStart ? position : finder.toPreviousBoundary();
    finder.setPosition(position);
    const qsizetype end = finder.toNextBoundary();
    return {static_cast<int>(std::max<qsizetype>(0, start)), static_cast<int>(end < 0 ? body.size() : end)};
}

} // namespace Natter
