#include "messagelayout.h"

#include "markupfont.h"
#include "messagefonts.h"
#include "validation.h"

#include <QFontMetrics>
#include <QRegularExpression>
#include <QTextBoundaryFinder>
#include <QtMath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;

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
        // Marks that change fonts or indent lines need the text laid out; the others only colour it.
        static const QRegularExpression formatted(u"[*_`]|^>"_s, QRegularExpression::MultilineOption);
        const bool oneLine = purpose == Purpose::Measure && row.state == State::Sent && !row.action && !row.edited
            && fonts.fitsOnOneLine(row.text, width) && !row.text.contains(formatted);
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
        const qreal end = last.isValid() ? last.x() + last.naturalTextWidth() + 2 * unit : 0;
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
    if (!row.reactions.isEmpty()) {
        int chipsHeight = 0;
        chips = ReactionChips::layOut(fonts, row.reactions, left, y + unit, width, chipsHeight);
        if (chipsHeight > 0)
            y += unit + chipsHeight;
    }
    if (purpose != Purpose::Estimate) // an estimate has no text yet: the text's lines are added to it later
        y = std::max(y, avatarBottom);
    y += unit;
    message = QRect(rect.left(), messageTop, rect.width(), y - messageTop);
    height = y - rect.top();
}

qreal MessageLayout::layOutText(const MessageRow &row, int width, Purpose purpose, const Colors &colors)
{
    // Plain text in a QTextLayout, its formatting as format ranges: nothing the user typed is ever read as HTML.
    const MessageMarkup markup = row.markup();
    const QString body = row.bodyText(markup);
    const qsizetype offset = row.markupOffset();
    QList<QTextLayout::FormatRange> formats;
    if (row.deleted) {
        QTextCharFormat gone;
        gone.setFontItalic(true);
        formats.append({0, static_cast<int>(body.size()), gone});
    }
    if (offset > 0) {
        QTextCharFormat name;
        name.setFontWeight(QFont::Bold);
        if (colors.actionName.isValid())
            name.setForeground(colors.actionName);
        formats.append({2, static_cast<int>(row.sender.size()), name});
    }
    addMarkupFormats(markup, offset, purpose, colors, formats);
    text.setText(body);
    text.setFont(row.action ? fonts.action : fonts.base);
    text.setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text.setTextOption(option);
    return layOutLines(markup, offset, width);
}

void MessageLayout::addMarkupFormats(const MessageMarkup &markup, qsizetype offset, Purpose purpose,
                                     const Colors &colors, QList<QTextLayout::FormatRange> &formats)
{
    using Kind = MessageMarkup::Kind;
    const bool paint = purpose == Purpose::Paint; // colours change no height; fonts do, and are always set
    for (const MessageMarkup::Span &span : markup.spans) {
        QTextCharFormat format;
        MarkupFont::apply(format, span.kind, fonts.codeFamilies);
        switch (span.kind) {
        case Kind::Bold:
        case Kind::Italic:
            break;
        case Kind::Code:
        case Kind::CodeBlock:
            if (paint && span.kind == Kind::Code && colors.codeBackground.isValid())
                format.setBackground(colors.codeBackground);
            break;
        case Kind::Quote:
            if (paint && colors.quote.isValid())
                format.setForeground(colors.quote);
            break;
        case Kind::Link:
            links.append({span.start + offset, span.length, MessageMarkup::linkUrl(span)});
            if (paint) {
                format.setFontUnderline(true);
                format.setForeground(colors.link);
            }
            break;
        case Kind::Mention: {
            const bool own =
                !colors.ownName.isEmpty() && Protocol::nameKey(span.value) == Protocol::nameKey(colors.ownName);
            const bool member = own || (colors.isMember && colors.isMember(span.value));
            if (paint && member && colors.mention.isValid())
                format.setBackground(own ? colors.ownMention : colors.mention);
            if (paint && own && colors.ownMentionText.isValid())
                format.setForeground(colors.ownMentionText);
            break;
        }
        }
        if (format.propertyCount() > 0)
            formats.append({static_cast<int>(span.start + offset), static_cast<int>(span.length), format});
    }
}

qreal MessageLayout::layOutLines(const MessageMarkup &markup, qsizetype offset, int width)
{
    // Code blocks: the lines inset on a background, below a strip with the language and the Copy button. Quote
    // lines: indented beside a bar. Both are laid out here, so that every height includes them.
    using Kind = MessageMarkup::Kind;
    const QList<MessageMarkup::Span> blocks = markup.spansOf(Kind::CodeBlock);
    const QList<MessageMarkup::Span> quotes = markup.spansOf(Kind::Quote);
    const int unit = fonts.unit;
    const int inset = 2 * unit;
    const int strip = fonts.smallHeight + unit;
    const int quoteIndent = 3 * unit;
    const QPoint origin = textOrigin.toPoint();
    qsizetype nextBlock = 0;
    qsizetype nextQuote = 0;
    qreal blockTop = 0;
    qreal y = 0;
    text.beginLayout();
    for (QTextLine line = text.createLine(); line.isValid(); line = text.createLine()) {
        const qsizetype at = line.textStart() - offset;
        while (nextBlock < blocks.size() && blocks.at(nextBlock).end() < at)
            ++nextBlock;
        while (nextQuote < quotes.size() && quotes.at(nextQuote).end() < at)
            ++nextQuote;
        const MessageMarkup::Span *block =
            nextBlock < blocks.size() && blocks.at(nextBlock).start <= at ? &blocks.at(nextBlock) : nullptr;
        const bool quoted = !block && nextQuote < quotes.size() && quotes.at(nextQuote).start <= at;
        qreal x = 0;
        if (block) {
            if (at == block->start) {
                if (y > 0)
                    y += unit;
                blockTop = y;
                y += strip;
            }
            x = inset;
        } else if (quoted) {
            x = quoteIndent;
        }
        line.setLineWidth(std::max<qreal>(1, width - (block ? 2 * inset : x)));
        line.setPosition(QPointF(x, y));
        y += line.height();
        if (quoted) {
            const QRect bar(origin.x() + unit, origin.y() + qFloor(line.y()), std::max(3, 2 * unit / 3),
                            qCeil(line.height()));
            if (!quoteBars.isEmpty() && quoteBars.last().bottom() + 1 >= bar.top())
                quoteBars.last() = quoteBars.last().united(bar);
            else
                quoteBars.append(bar);
        }
        if (block && line.textStart() + line.textLength() - offset >= block->end()) {
            y += unit;
            CodeBlock laidOut;
            laidOut.rect = QRect(origin.x(), origin.y() + qFloor(blockTop), width, qCeil(y - blockTop));
            const QFontMetrics small(fonts.small);
            const int buttonWidth = small.horizontalAdvance(copyButtonText()) + 2 * unit;
            laidOut.copyButton = QRect(laidOut.rect.right() - unit - buttonWidth, laidOut.rect.top() + unit / 2,
                                       buttonWidth, fonts.smallHeight);
            laidOut.language = block->value;
            laidOut.languageOrigin =
                QPoint(laidOut.rect.left() + inset, laidOut.rect.top() + unit / 2 + small.ascent());
            laidOut.code = markup.text.mid(block->start, block->length);
            codeBlocks.append(laidOut);
            ++nextBlock;
            y += unit;
        }
    }
    text.endLayout();
    return y;
}

QString MessageLayout::copyButtonText()
{
    return tr("Copy");
}

int MessageLayout::codeBlockAt(const QPoint &pos) const
{
    for (qsizetype i = 0; i < codeBlocks.size(); ++i) {
        if (codeBlocks.at(i).rect.contains(pos))
            return static_cast<int>(i);
    }
    return -1;
}

int MessageLayout::copyButtonAt(const QPoint &pos) const
{
    const int slack = fonts.unit / 2;
    for (qsizetype i = 0; i < codeBlocks.size(); ++i) {
        if (codeBlocks.at(i).copyButton.adjusted(-slack, -slack, slack, slack).contains(pos))
            return static_cast<int>(i);
    }
    return -1;
}

int MessageLayout::chipAt(const QPoint &pos) const
{
    return ReactionChips::chipAt(chips, pos, fonts);
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
