#include "messagelayout.h"

#include "messagefonts.h"

#include <QFontMetrics>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;

MessageRow MessageRow::fromIndex(const QModelIndex &index, Time time)
{
    MessageRow row;
    row.sender = index.data(MessageModel::SenderRole).toString();
    row.text = index.data(MessageModel::TextRole).toString();
    if (time == Time::Read)
        row.time = index.data(MessageModel::TimestampRole).toDateTime();
    row.state = static_cast<State>(index.data(MessageModel::StateRole).toInt());
    row.action = index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action);
    row.firstOfGroup = index.data(MessageModel::FirstOfGroupRole).toBool();
    row.dayChange = index.data(MessageModel::DayChangeRole).toBool();
    return row;
}

QString MessageRow::bodyText() const
{
    const QString body = MessageText::layoutText(text);
    return action ? u"* "_s + sender + u' ' + body : body;
}

MessageLayout::MessageLayout(const MessageFonts &fonts, const QRect &rect, const MessageRow &row, Purpose purpose,
                             const Colors &colors)
    : fonts(fonts)
{
    const int unit = fonts.unit;
    const int left = rect.left() + 3 * unit;
    const int width = std::max(1, rect.width() - 6 * unit);
    int y = rect.top();

    if (row.dayChange) {
        separator = QRect(rect.left(), y, rect.width(), fonts.smallHeight + 3 * unit);
        y += separator.height();
    }
    const int messageTop = y;
    y += row.firstOfGroup ? 2 * unit : unit / 2;
    if (row.firstOfGroup && !row.action) { // an action names its sender in its text
        hasHeader = true;
        header = QPoint(left, y);
        y += fonts.nameHeight + unit / 2;
    }

    textOrigin = QPointF(left, y);
    const bool oneLine =
        purpose == Purpose::Measure && row.state == State::Sent && !row.action && fonts.fitsOnOneLine(row.text, width);
    y += static_cast<int>(std::ceil(oneLine ? fonts.lineHeight : layOutText(row, width, purpose, colors)));

    if (row.state == State::Pending) {
        // After the last line when it fits, like a chat app's clock; else on a line of its own.
        marker = tr("sending…");
        QFont markerFont = fonts.small;
        markerFont.setItalic(true);
        const int markerWidth = QFontMetrics(markerFont).horizontalAdvance(marker);
        const QTextLine last = text.lineAt(text.lineCount() - 1);
        const qreal end = last.naturalTextWidth() + 2 * unit;
        if (end + markerWidth <= width) {
            const int baseline = qRound(textOrigin.y() + last.y() + last.ascent());
            markerRect = QRect(left + static_cast<int>(std::ceil(end)), baseline - fonts.smallAscent, markerWidth,
                               fonts.smallHeight);
        } else {
            markerRect = QRect(left, y, markerWidth, fonts.smallHeight);
            y += fonts.smallHeight;
        }
    } else if (row.state == State::Failed) {
        marker = tr("Not sent — click to retry");
        y += unit / 2;
        markerRect = QRect(left, y, QFontMetrics(fonts.small).horizontalAdvance(marker), fonts.smallHeight);
        y += fonts.smallHeight;
    }
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
    if (row.action) {
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

} // namespace Natter
