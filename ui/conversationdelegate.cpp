#include "conversationdelegate.h"

#include "avatar.h"
#include "namecolors.h"
#include "roomlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace Natter {

namespace {
constexpr int Padding = 6;

void paintBadge(QPainter *painter, const QRect &rect, const QString &text, const QColor &fill, const QColor &ink)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, rect.height() / 2.0, rect.height() / 2.0);
    painter->setPen(ink);
    painter->drawText(rect, Qt::AlignCenter, text);
}
} // namespace

bool ConversationDelegate::startsSection(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    const QModelIndex previous = index.sibling(index.row() - 1, 0);
    return previous.data(RoomListModel::SectionRole) != index.data(RoomListModel::SectionRole);
}

int ConversationDelegate::avatarSize(const QStyleOptionViewItem &option)
{
    return option.fontMetrics.height() + 8;
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    int height = std::max(line, avatarSize(option)) + 2 * Padding;
    if (startsSection(index))
        height += line + Padding;
    // The width follows the view: a long name is elided, never scrolled to.
    return {1, height};
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
    const QRect band = rect.adjusted(2, 1, -2, -1);
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawRoundedRect(band, 6, 6);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(band, 6, 6);
    }
    if (option.state & QStyle::State_HasFocus) {
        // Where the keyboard is, in both themes: a ring around the current row.
        QPen ring(palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 2);
        painter->setPen(ring);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(band).adjusted(1, 1, -1, -1), 6, 6);
    }

    const bool isRoom = index.data(RoomListModel::KindRole).toInt() == static_cast<int>(ConversationId::Kind::Room);
    const QString name = index.data(RoomListModel::NameRole).toString();
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const int mentions = index.data(RoomListModel::MentionRole).toInt();
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    const int avatar = avatarSize(option);
    const QRectF avatarRect(rect.left() + Padding * 2, rect.center().y() - avatar / 2.0, avatar, avatar);
    const QColor avatarColor = NameColors::forName(name, palette.color(QPalette::Base));
    Avatar::Presence presence = Avatar::Presence::None;
    if (!isRoom)
        presence =
            index.data(RoomListModel::OnlineRole).toBool() ? Avatar::Presence::Online : Avatar::Presence::Offline;
    Avatar::paint(painter, avatarRect, name, avatarColor, presence);

    QRect textRect = rect.adjusted(Padding * 3 + avatar, 0, -Padding * 2, 0);
    QFont font = option.font;
    font.setBold(unread > 0);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    if (unread > 0) {
        // A mention (or any direct message) gets an accent badge with "@": it is addressed to the user.
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const QString badge = mentions > 0 ? QStringLiteral("@ ") + count : count;
        const int badgeWidth = std::max(metrics.horizontalAdvance(badge) + Padding * 2, metrics.height());
        const QRect badgeRect(textRect.right() - badgeWidth, rect.center().y() - metrics.height() / 2, badgeWidth,
                              metrics.height());
        const QColor accent = mentions > 0 ? QColor(0xd0, 0x30, 0x30) : palette.color(QPalette::Highlight);
        if (selected)
            paintBadge(painter, badgeRect, badge, palette.color(QPalette::HighlightedText),
                       palette.color(QPalette::Highlight));
        else
            paintBadge(painter, badgeRect, badge, mentions > 0 ? accent : palette.color(QPalette::Highlight),
                       mentions > 0 ? QColor(Qt::white) : palette.color(QPalette::HighlightedText));
        textRect.setRight(badgeRect.left() - Padding);
    } else if (index.data(RoomListModel::HasDraftRole).toBool()) {
        const QString pencil = QStringLiteral("✎");
        painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        const int width = metrics.horizontalAdvance(pencil);
        painter->drawText(QRect(textRect.right() - width, rect.top(), width, rect.height()), Qt::AlignCenter, pencil);
        textRect.setRight(textRect.right() - width - Padding);
    }
    painter->setPen(text);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Natter
