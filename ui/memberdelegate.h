#pragma once

// Shows a member's name, marks the user's own entry, and says who is typing.

#include <QStyledItemDelegate>

namespace Natter {

class MemberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Natter
