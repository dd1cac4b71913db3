#include "conversationdelegate.h"

#include "roomlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace Natter {

namespace {
constexpr int Padding = 6;
} // namespace

bool ConversationDelegate::startsSection(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    const QModelIndex previous = index.sibling(index.row() - 1, 0);
    return previous.data(RoomListModel::SectionRole) != index.data(RoomListModel::SectionRole);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    int height = line + 2 * Padding;
    if (startsSection(index))
        height += line + Padding;
    return {option.rect.width(), height};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    QRect rect = option.rect;
    const QPalette &palette = option.palette;
    const int line = option.fontMetrics.height();

    if (startsSection(index)) {
        QFont heading = option.font;
        heading.setPointSizeF(heading.pointSizeF() * 0.85);
        heading.setBold(true);
        painter->setFont(heading);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QRect headingRect(rect.left() + Padding, rect.top() + Padding, rect.width() - 2 * Padding, line);
        painter->drawText(headingRect, Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(RoomListModel::SectionRole).toString().toUpper());
        rect.setTop(rect.top() + line + Padding);
    }

    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(rect, palette.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(rect, palette.color(QPalette::AlternateBase));

    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const bool isRoom = index.data(RoomListModel::KindRole).toInt() == static_cast<int>(ConversationId::Kind::Room);
    QFont font = option.font;
    font.setBold(unread > 0);
    painter->setFont(font);
    painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));

    QRect textRect = rect.adjusted(Padding * 2, 0, -Padding, 0);
    if (unread > 0) {
        const QString badge = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const QFontMetrics metrics(font);
        const int badgeWidth = std::max(metrics.horizontalAdvance(badge) + Padding * 2, metrics.height());
        const QRect badgeRect(textRect.right() - badgeWidth, rect.center().y() - metrics.height() / 2, badgeWidth,
                              metrics.height());
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Highlight));
        painter->drawRoundedRect(badgeRect, badgeRect.height() / 2.0, badgeRect.height() / 2.0);
        painter->setPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::HighlightedText));
        painter->drawText(badgeRect, Qt::AlignCenter, badge);
        painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        textRect.setRight(badgeRect.left() - Padding);
    }
    const QString prefix = isRoom ? QStringLiteral("# ") : QStringLiteral("@ ");
    const QString name = prefix + index.data(RoomListModel::NameRole).toString();
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Natter
