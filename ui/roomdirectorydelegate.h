#pragma once

// Paints one room of the room directory: "# name", its member count, a quiet "Joined" tag, and the topic below.

#include <QStyledItemDelegate>

namespace Natter {

class RoomDirectoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString memberCountText(int count);
    static QString joinedText();
};

} // namespace Natter
