#pragma once

// Paints one row of the quick switcher: "# room" or "@ person" with the letters the query matched in bold, and
// the unread count on the right.

#include <QStyledItemDelegate>

namespace Natter {

// Reads RoomListModel's NameRole, KindRole and UnreadRole and QuickSwitcherModel::MatchPositionsRole. Names are
// laid out as plain text; nothing in them is ever read as markup.
class QuickSwitcherDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Every row is one line of text high; the switcher sizes its list by this.
    static int rowHeight(const QFontMetrics &metrics);
};

} // namespace Natter
