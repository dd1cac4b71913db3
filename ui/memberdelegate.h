#pragma once

// Paints one member: an avatar in the person's colour with a presence dot, the name, "(you)" for the user, and
// who is typing.

#include <QStyledItemDelegate>

namespace Natter {

class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // What is written beside the avatar.
    static QString label(const QModelIndex &index);
};

} // namespace Natter
