#pragma once

// Paints one row of the conversation list: a section heading where rooms and direct messages begin, the name
// (bold while there is something unread) and an unread badge.

#include <QStyledItemDelegate>

namespace Natter {

class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static bool startsSection(const QModelIndex &index);
};

} // namespace Natter
