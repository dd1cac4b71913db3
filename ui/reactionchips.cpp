#include "reactionchips.h"

#include "messagefonts.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

QColor mixed(const QColor &color, const QColor &background, double share)
{
    const auto mix = [share](float a, float b) { return static_cast<float>(share * a + (1.0 - share) * b); };
    return QColor::fromRgbF(mix(color.redF(), background.redF()), mix(color.greenF(), background.greenF()),
                            mix(color.blueF(), background.blueF()));
}

// Emoji a little larger than the text beside them, as chat apps draw them.
QFont emojiFont(const MessageFonts &fonts)
{
    QFont font = fonts.base;
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 1.15 : 10);
    return font;
}

} // namespace

int ReactionChips::lineHeight(const MessageFonts &fonts)
{
    // Emoji come from a colour font taller than the text's: give them room.
    return QFontMetrics(emojiFont(fonts)).height() + fonts.unit;
}

QList<ReactionChip> ReactionChips::layOut(const MessageFonts &fonts, const ReactionList &reactions, int left, int top,
                                          int width, int &height)
{
    height = 0;
    QList<ReactionChip> chips;
    if (reactions.isEmpty())
        return chips;
    const int unit = fonts.unit;
    const int chipHeight = lineHeight(fonts);
    const int gap = unit;
    const QFontMetrics emojiMetrics(emojiFont(fonts));
    const QFontMetrics countMetrics(fonts.base);
    int x = left;
    int y = top;
    for (const Protocol::ReactionCount &reaction : reactions) {
        if (reaction.count <= 0)
            continue;
        ReactionChip chip;
        chip.emoji = reaction.emoji;
        chip.count = reaction.count;
        chip.mine = reaction.mine;
        chip.label = u"%1 %2"_s.arg(reaction.emoji).arg(reaction.count);
        const int chipWidth = std::min(width,
                                       emojiMetrics.horizontalAdvance(chip.emoji) + unit
                                           + countMetrics.horizontalAdvance(QString::number(chip.count)) + 4 * unit);
        if (x > left && x + chipWidth > left + width) { // a new line
            x = left;
            y += chipHeight + gap;
        }
        chip.rect = QRect(x, y, chipWidth, chipHeight);
        x += chipWidth + gap;
        chips.append(chip);
    }
    if (!chips.isEmpty())
        height = y + chipHeight - top;
    return chips;
}

int ReactionChips::chipAt(const QList<ReactionChip> &chips, const QPoint &pos, const MessageFonts &fonts)
{
    const int slack = fonts.unit / 4;
    for (qsizetype i = 0; i < chips.size(); ++i) {
        if (chips.at(i).rect.adjusted(-slack, -slack, slack, slack).contains(pos))
            return static_cast<int>(i);
    }
    return -1;
}

void ReactionChips::paint(QPainter *painter, const QStyleOptionViewItem &option, const MessageFonts &fonts,
                          const QList<ReactionChip> &chips)
{
    const QColor base = option.palette.color(QPalette::Base);
    const QColor text = option.palette.color(QPalette::Text);
    const QColor highlight = option.palette.color(QPalette::Highlight);
    const QFont emoji = emojiFont(fonts);
    const QFontMetrics emojiMetrics(emoji);
    const int unit = fonts.unit;
    painter->save();
    for (const ReactionChip &chip : chips) {
        const QRectF rect = QRectF(chip.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const qreal radius = rect.height() / 2;
        painter->setPen(QPen(chip.mine ? highlight : mixed(text, base, 0.18), 1));
        painter->setBrush(chip.mine ? mixed(highlight, base, 0.2) : mixed(text, base, 0.06));
        painter->drawRoundedRect(rect, radius, radius);
        painter->setPen(text);
        // The emoji, then the count; clipped to the pill should a server send a very long "emoji".
        const QRect inside = chip.rect.adjusted(2 * unit, 0, -2 * unit, 0);
        painter->save();
        painter->setClipRect(inside);
        painter->setFont(emoji);
        const QRect emojiRect =
            inside.adjusted(0, 0, -(inside.width() - emojiMetrics.horizontalAdvance(chip.emoji)), 0);
        painter->drawText(emojiRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, chip.emoji);
        painter->setFont(fonts.base);
        painter->drawText(inside.adjusted(emojiRect.width() + unit, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, QString::number(chip.count));
        painter->restore();
    }
    painter->restore();
}

bool ReactionChips::isMine(const ReactionList &reactions, const QString &emoji)
{
    return std::any_of(reactions.cbegin(), reactions.cend(), [&emoji](const Protocol::ReactionCount &reaction) {
        return reaction.emoji == emoji && reaction.mine;
    });
}

QString ReactionChips::reactorsText(const QString &emoji, const QStringList &names, int count)
{
    if (names.isEmpty())
        return countText(emoji, count);
    const int others = count - static_cast<int>(names.size());
    const QString list = QLocale().createSeparatedList(names);
    return others > 0 ? tr("%1 reacted with %2 and %n more", nullptr, others).arg(list, emoji)
                      : tr("%1 reacted with %2").arg(list, emoji);
}

QString ReactionChips::countText(const QString &emoji, int count)
{
    return tr("%n reacted with %1", nullptr, count).arg(emoji);
}

QString ReactionChips::fullText(int limit)
{
    return tr("This message has %n different reactions, the most the server allows. Add yours to one of them.", nullptr,
              limit);
}

} // namespace Natter
