#include "messagepainter.h"

#include "avatar.h"
#include "colorcontrast.h"
#include "messagedelegate.h"
#include "messagefonts.h"
#include "namecolors.h"

#include <QPainter>

#include <algorithm>

namespace Natter {

using State = MessageModel::DeliveryState;

namespace {

constexpr int MentionBarWidth = 3;

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.5;
}

QColor failedColor(const QPalette &palette)
{
    return isDark(palette.color(QPalette::Base)) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(static_cast<float>(color.alphaF() * alpha));
    return color;
}

// `share` of `color` over `background`, as an opaque colour: text drawn over it keeps its contrast predictable.
QColor mixed(const QColor &color, const QColor &background, double share)
{
    const auto mix = [share](float a, float b) { return static_cast<float>(share * a + (1.0 - share) * b); };
    return QColor::fromRgbF(mix(color.redF(), background.redF()), mix(color.greenF(), background.greenF()),
                            mix(color.blueF(), background.blueF()));
}

QColor codeBackground(const QPalette &palette)
{
    return mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.07);
}

} // namespace

QColor MessagePainter::nameColor(const QString &name, const QColor &background) const
{
    if (background.rgba() != m_senderColorsBackground) {
        m_senderColors.clear();
        m_senderColorsBackground = background.rgba();
    }
    auto found = m_senderColors.find(name);
    if (found == m_senderColors.end())
        found = m_senderColors.insert(name, NameColors::forName(name, background));
    return found.value();
}

MessageLayout::Colors MessagePainter::colorsFor(const QStyleOptionViewItem &option, const MessageRow &row) const
{
    const QColor background = option.palette.color(QPalette::Base);
    MessageLayout::Colors colors;
    colors.link = option.palette.color(QPalette::Link);
    colors.actionName = row.action ? nameColor(row.sender, background) : QColor();
    colors.codeBackground = codeBackground(option.palette);
    colors.quote = mixed(option.palette.color(QPalette::Text), background, 0.75);
    const QColor accent = MessageText::mentionColor(background);
    colors.mention = mixed(accent, background, isDark(background) ? 0.25 : 0.2);
    // The user's own name in full accent, its text in whichever of the two text colours reads best on it.
    colors.ownMention = accent;
    const QColor text = option.palette.color(QPalette::Text);
    colors.ownMentionText =
        ColorContrast::contrastRatio(text, accent) >= ColorContrast::contrastRatio(background, accent) ? text
                                                                                                       : background;
    return colors;
}

void MessagePainter::paint(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                           const MessageLayout &layout, std::optional<std::pair<int, int>> selected) const
{
    const QColor background = option.palette.color(QPalette::Base);
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    if (row.unreadMarker)
        paintUnreadLine(painter, option, layout);
    if (row.dayChange)
        paintSeparator(painter, option, row, layout);
    if (row.mention) {
        // A tinted band across the message and a bar at its left edge, in a colour readable on this background.
        const QColor accent = MessageText::mentionColor(background);
        painter->fillRect(layout.message, withAlpha(accent, isDark(background) ? 0.16 : 0.12));
        painter->fillRect(QRect(layout.message.left(), layout.message.top(), MentionBarWidth, layout.message.height()),
                          accent);
    }
    if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
        const bool selected = option.state & QStyle::State_Selected;
        const int unit = layout.fonts.unit;
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(option.palette.color(QPalette::Highlight), selected ? 0.22 : 0.08));
        painter->drawRoundedRect(layout.message.adjusted(unit, 0, -unit, 0), unit, unit);
    }
    if (layout.hasHeader)
        paintHeader(painter, option, row, layout);
    if (!layout.quote.isEmpty())
        paintQuote(painter, option, row, layout);
    paintBody(painter, option, row, layout, selected);
    if (!layout.chips.isEmpty())
        ReactionChips::paint(painter, option, layout.fonts, layout.chips);
    painter->restore();
}

void MessagePainter::paintQuote(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                const MessageLayout &layout) const
{
    const QRect &rect = layout.quote;
    const int unit = layout.fonts.unit;
    const QColor senderColor = NameColors::forName(row.replyFrom, option.palette.color(QPalette::Base));
    painter->fillRect(QRect(rect.left(), rect.top(), std::max(2, unit / 2), rect.height()), senderColor);
    QFont font = layout.fonts.small;
    font.setItalic(row.replyText.isEmpty());
    painter->setFont(font);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QFontMetrics metrics(font);
    const int textLeft = rect.left() + 2 * unit;
    const QString line = metrics.elidedText(row.quoteLine(), Qt::ElideRight, rect.right() - textLeft);
    painter->drawText(QPoint(textLeft, rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()), line);
}

void MessagePainter::paintUnreadLine(QPainter *painter, const QStyleOptionViewItem &option,
                                     const MessageLayout &layout) const
{
    QFont font = layout.fonts.small;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = tr("New messages");
    const QRect &band = layout.unreadLine;
    const int unit = layout.fonts.unit;
    const int labelWidth = metrics.horizontalAdvance(label);
    const int labelLeft = band.center().x() - labelWidth / 2;
    const int middle = band.top() + band.height() / 2;
    const QColor accent = MessageText::newMessagesColor(option.palette.color(QPalette::Base));
    painter->setPen(QPen(accent, 1));
    painter->drawLine(QPointF(band.left() + unit, middle + 0.5), QPointF(labelLeft - 2 * unit, middle + 0.5));
    painter->drawLine(QPointF(labelLeft + labelWidth + 2 * unit, middle + 0.5),
                      QPointF(band.right() - unit, middle + 0.5));
    painter->setFont(font);
    painter->drawText(QPoint(labelLeft, middle - metrics.height() / 2 + metrics.ascent()), label);
}

void MessagePainter::paintSeparator(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                    const MessageLayout &layout) const
{
    QFont font = layout.fonts.small;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = MessageDelegate::dayLabel(row.time.date(), QDate::currentDate());
    const QRect &band = layout.separator;
    const int unit = layout.fonts.unit;
    const int labelWidth = metrics.horizontalAdvance(label);
    const int labelLeft = band.center().x() - labelWidth / 2;
    const int middle = band.top() + band.height() / 2;
    const QColor text = option.palette.color(QPalette::Text);
    painter->setPen(QPen(withAlpha(text, 0.15), 1));
    painter->drawLine(QPointF(band.left() + 3 * unit, middle + 0.5), QPointF(labelLeft - 2 * unit, middle + 0.5));
    painter->drawLine(QPointF(labelLeft + labelWidth + 2 * unit, middle + 0.5),
                      QPointF(band.right() - 3 * unit, middle + 0.5));
    painter->setFont(font);
    painter->setPen(withAlpha(text, 0.6));
    painter->drawText(QPoint(labelLeft, middle - metrics.height() / 2 + metrics.ascent()), label);
}

void MessagePainter::paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                 const MessageLayout &layout) const
{
    const MessageFonts &fonts = layout.fonts;
    const QFontMetrics nameMetrics(fonts.name);
    const QFontMetrics smallMetrics(fonts.small);
    const QString time = MessageText::shortTime(row.time.time());
    const int gap = 2 * fonts.unit;
    const int available = option.rect.right() - 3 * fonts.unit - layout.header.x();
    const QString name =
        nameMetrics.elidedText(row.sender, Qt::ElideRight, available - gap - smallMetrics.horizontalAdvance(time));
    const int baseline = layout.header.y() + fonts.nameAscent;
    const QColor senderColor = nameColor(row.sender, option.palette.color(QPalette::Base));
    if (!layout.avatar.isEmpty()) {
        painter->save();
        Avatar::paint(painter, layout.avatar, row.sender, senderColor);
        painter->restore();
    }
    painter->setFont(fonts.name);
    painter->setPen(senderColor);
    painter->drawText(QPoint(layout.header.x(), baseline), name);
    painter->setFont(fonts.small);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(QPoint(layout.header.x() + nameMetrics.horizontalAdvance(name) + gap, baseline), time);
}

void MessagePainter::paintCodeBlocks(QPainter *painter, const QStyleOptionViewItem &option,
                                     const MessageLayout &layout) const
{
    const QPalette &palette = option.palette;
    const QColor text = palette.color(QPalette::Text);
    const QColor background = palette.color(QPalette::Base);
    const int unit = layout.fonts.unit;
    const QFontMetrics metrics(layout.fonts.small);
    for (const MessageLayout::CodeBlock &block : layout.codeBlocks) {
        painter->setPen(QPen(mixed(text, background, 0.14), 1));
        painter->setBrush(codeBackground(palette));
        painter->drawRoundedRect(QRectF(block.rect).adjusted(0.5, 0.5, -0.5, -0.5), unit, unit);
        painter->setFont(layout.fonts.small);
        if (!block.language.isEmpty()) {
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(
                block.languageOrigin,
                metrics.elidedText(block.language, Qt::ElideRight, block.copyButton.left() - block.languageOrigin.x()));
        }
        painter->setPen(QPen(mixed(text, background, 0.3), 1));
        painter->setBrush(background);
        painter->drawRoundedRect(QRectF(block.copyButton).adjusted(0.5, 0.5, -0.5, -0.5), unit / 2.0, unit / 2.0);
        painter->setPen(mixed(text, background, 0.85));
        painter->drawText(block.copyButton, Qt::AlignCenter, MessageLayout::copyButtonText());
    }
    painter->setBrush(Qt::NoBrush);
}

void MessagePainter::paintBody(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                               const MessageLayout &layout, std::optional<std::pair<int, int>> selected) const
{
    const QPalette &palette = option.palette;
    paintCodeBlocks(painter, option, layout);
    for (const QRect &bar : layout.quoteBars)
        painter->fillRect(bar, mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4));
    painter->setPen(palette.color(row.state == State::Pending ? QPalette::PlaceholderText : QPalette::Text));
    QList<QTextLayout::FormatRange> selections;
    if (selected) {
        QTextCharFormat format;
        format.setBackground(palette.brush(QPalette::Highlight));
        format.setForeground(palette.brush(QPalette::HighlightedText));
        selections.append({selected->first, selected->second - selected->first, format});
    }
    layout.text.draw(painter, layout.textOrigin, selections);
    if (layout.marker.isEmpty())
        return;
    QFont font = layout.fonts.small;
    font.setItalic(row.state == State::Pending);
    painter->setFont(font);
    painter->setPen(row.state == State::Failed ? failedColor(palette) : palette.color(QPalette::PlaceholderText));
    const QRect &rect = layout.markerRect;
    painter->drawText(QPoint(rect.left(), rect.top() + QFontMetrics(font).ascent()), layout.marker);
}

} // namespace Natter
