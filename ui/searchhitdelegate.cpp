#include "searchhitdelegate.h"

#include "markupfont.h"
#include "messagetext.h"
#include "searchresultsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QPainter>

namespace Natter {

namespace {

constexpr int Padding = 6;

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return option.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive;
}

QString whenText(const QDateTime &when)
{
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return MessageText::shortTime(when.time());
    return locale.toString(when.date(), QLocale::ShortFormat);
}

// The snippet's formatting, as the message shows it (MessageLayout) without its colours: the matches stand out.
QList<QTextLayout::FormatRange> markupFormats(const QList<MessageMarkup::Span> &spans, qsizetype length)
{
    using Kind = MessageMarkup::Kind;
    QList<QTextLayout::FormatRange> formats;
    for (const MessageMarkup::Span &span : spans) {
        if (span.start < 0 || span.length <= 0 || span.end() > length)
            continue;
        QTextCharFormat format;
        MarkupFont::apply(format, span.kind, QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
        if (span.kind == Kind::Link)
            format.setFontUnderline(true);
        if (format.propertyCount() > 0)
            formats.append({int(span.start), int(span.length), format});
    }
    return formats;
}

} // namespace

int SearchHitDelegate::layoutSnippet(QTextLayout &layout, const QStyleOptionViewItem &option, const QModelIndex &index,
                                     int width)
{
    const QString snippet = index.data(SearchResultsModel::SnippetRole).toString();
    // Line breaks read as spaces in a snippet; one for one, so the ranges still fit.
    QString shown = snippet;
    for (QChar &character : shown) {
        if (character == u'\n' || character == u'\r' || character == QChar::LineSeparator
            || character == QChar::ParagraphSeparator)
            character = u' ';
    }
    layout.setText(shown);
    layout.setFont(option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);

    const bool selected = option.state & QStyle::State_Selected;
    QTextCharFormat match;
    match.setFontWeight(QFont::Bold);
    if (!selected) {
        // The highlight colour faded into the base: the words stand out, and the text stays readable on it.
        QColor band = option.palette.color(colorGroup(option), QPalette::Highlight);
        band.setAlpha(60);
        match.setBackground(band);
    }
    // The matches last: where they overlap the marks' formats, theirs are merged over them.
    QList<QTextLayout::FormatRange> formats = markupFormats(
        index.data(SearchResultsModel::SnippetSpansRole).value<QList<MessageMarkup::Span>>(), snippet.size());
    const auto ranges = index.data(SearchResultsModel::RangesRole).value<QList<Protocol::SearchRange>>();
    for (const Protocol::SearchRange &range : ranges) {
        if (range.start < 0 || range.length <= 0 || range.start + range.length > snippet.size())
            continue; // checked when it came, but a delegate never trusts an index into text
        formats.append({range.start, range.length, match});
    }
    layout.setFormats(formats);

    const QFontMetrics metrics(option.font);
    int height = 0;
    layout.beginLayout();
    for (int lines = 0; lines < SnippetLines; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition({0, qreal(height)});
        height += metrics.lineSpacing();
    }
    layout.endLayout();
    return height;
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = std::max(option.rect.width(), 120) - 2 * Padding;
    QTextLayout layout;
    const int snippetHeight = layoutSnippet(layout, option, index, width);
    return {option.rect.width(), QFontMetrics(option.font).lineSpacing() + snippetHeight + 3 * Padding};
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style paints the row's background, selection and focus; the text is ours.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = colorGroup(option);
    const QColor ink = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor quiet = selected ? ink : option.palette.color(group, QPalette::PlaceholderText);
    const QRect area = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
    const QFontMetrics metrics(option.font);

    const QString when = whenText(index.data(SearchResultsModel::TimestampRole).toDateTime());
    const int whenWidth = metrics.horizontalAdvance(when);
    painter->setFont(option.font);
    painter->setPen(quiet);
    painter->drawText(QRect(area.right() - whenWidth + 1, area.top(), whenWidth, metrics.height()),
                      Qt::AlignRight | Qt::TextSingleLine, when);

    //: Where a search hit is and who wrote it: "#dev · Ada".
    const QString header = tr("%1 · %2").arg(index.data(SearchResultsModel::ConversationTitleRole).toString(),
                                             index.data(SearchResultsModel::SenderRole).toString());
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ink);
    const int headerWidth = area.width() - whenWidth - Padding;
    painter->drawText(QRect(area.left(), area.top(), headerWidth, metrics.height()), Qt::TextSingleLine,
                      QFontMetrics(bold).elidedText(header, Qt::ElideRight, headerWidth));

    QTextLayout layout;
    layoutSnippet(layout, option, index, area.width());
    painter->setPen(ink);
    layout.draw(painter, QPointF(area.left(), area.top() + metrics.lineSpacing() + Padding / 2));
    painter->restore();
}

} // namespace Natter
