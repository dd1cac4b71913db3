#include "quickswitcherdelegate.h"

#include "quickswitchermodel.h"
#include "roomlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace Natter {

namespace {

constexpr int Padding = 6;

QList<QTextLayout::FormatRange> boldRanges(const QString &text, int offset, const QList<int> &positions)
{
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    QList<QTextLayout::FormatRange> ranges;
    for (const int position : positions) {
        const int start = offset + position;
        if (start < 0 || start >= text.size())
            continue;
        // A character outside the Basic Multilingual Plane is two UTF-16 units; both must be bold.
        const int length = text.at(start).isHighSurrogate() && start + 1 < text.size() ? 2 : 1;
        ranges.append({start, length, bold});
    }
    return ranges;
}

} // namespace

int QuickSwitcherDelegate::rowHeight(const QFontMetrics &metrics)
{
    return metrics.height() + 2 * Padding;
}

QSize QuickSwitcherDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), rowHeight(option.fontMetrics)};
}

void QuickSwitcherDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style paints the row's background, selection and focus; the text is ours.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (option.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                               : QPalette::Inactive;
    const QColor textColor = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QRect textRect = option.rect.adjusted(Padding * 2, 0, -Padding * 2, 0);

    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const QFontMetrics metrics(option.font);
        const int badgeHeight = metrics.height();
        const int badgeWidth = std::max(metrics.horizontalAdvance(count) + Padding * 2, badgeHeight);
        const QRect badge(textRect.right() - badgeWidth + 1, option.rect.center().y() - badgeHeight / 2 + 1, badgeWidth,
                          badgeHeight);
        const QColor fill = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight);
        const QColor ink = option.palette.color(group, selected ? QPalette::Highlight : QPalette::HighlightedText);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, badgeHeight / 2.0, badgeHeight / 2.0);
        painter->setPen(ink);
        painter->setFont(option.font);
        painter->drawText(badge, Qt::AlignCenter, count);
        textRect.setRight(badge.left() - Padding);
    }

    const bool isRoom = index.data(RoomListModel::KindRole).toInt() == int(ConversationId::Kind::Room);
    const QString prefix = isRoom ? QStringLiteral("# ") : QStringLiteral("@ ");
    const QString text = prefix + index.data(RoomListModel::NameRole).toString();
    const QList<int> positions = index.data(QuickSwitcherModel::MatchPositionsRole).value<QList<int>>();

    QTextLayout layout(text, option.font);
    layout.setFormats(boldRanges(text, int(prefix.size()), positions));
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    textOption.setTextDirection(option.direction);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(textRect.width());
    layout.endLayout();

    painter->setClipRect(textRect);
    painter->setPen(textColor);
    const qreal top = textRect.top() + (textRect.height() - line.height()) / 2.0;
    layout.draw(painter, QPointF(textRect.left(), top));
    painter->restore();
}

} // namespace Natter
