#include "memberdelegate.h"

#include "avatar.h"
#include "membermodel.h"
#include "namecolors.h"

#include <QPainter>

namespace Natter {

namespace {
constexpr int Padding = 4;
} // namespace

QString MemberDelegate::label(const QModelIndex &index)
{
    QString name = index.data(MemberModel::NameRole).toString();
    if (index.data(MemberModel::IsSelfRole).toBool())
        return tr("%1 (you)").arg(name);
    if (index.data(MemberModel::TypingRole).toBool())
        return tr("%1 — typing…").arg(name);
    if (!index.data(MemberModel::OnlineRole).toBool())
        return tr("%1 — not online").arg(name);
    if (index.data(MemberModel::GuestRole).toBool())
        return tr("%1 — guest").arg(name);
    return name;
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {1, option.fontMetrics.height() + 6 + 2 * Padding};
}

void MemberDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, palette.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(option.rect, palette.color(QPalette::AlternateBase));
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 2));
        painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
    }

    const QString name = index.data(MemberModel::NameRole).toString();
    const bool online = index.data(MemberModel::OnlineRole).toBool();
    const int side = option.rect.height() - 2 * Padding;
    const QRectF avatarRect(option.rect.left() + Padding * 2, option.rect.top() + Padding, side, side);
    Avatar::paint(painter, avatarRect, name, NameColors::forName(name, palette.color(QPalette::Base)),
                  online ? Avatar::Presence::Online : Avatar::Presence::Offline);

    QFont font = option.font;
    font.setItalic(index.data(MemberModel::TypingRole).toBool());
    painter->setFont(font);
    painter->setPen(palette.color(selected     ? QPalette::HighlightedText
                                      : online ? QPalette::Text
                                               : QPalette::PlaceholderText));
    const QRect textRect = option.rect.adjusted(Padding * 4 + side, 0, -Padding, 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(label(index), Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace Natter
