#pragma once

// Paints one row of the conversation list: a section heading where rooms and direct messages begin, an avatar
// (with the person's presence for direct conversations), the name (bold while there is something unread), an
// unread badge that stands out when the user was mentioned, and a pencil when a draft waits.

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
    static int avatarSize(const QStyleOptionViewItem &option);
};

} // namespace Natter
