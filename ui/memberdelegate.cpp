#include "memberdelegate.h"

#include "membermodel.h"

namespace Natter {

void MemberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString name = index.data(MemberModel::NameRole).toString();
    if (index.data(MemberModel::IsSelfRole).toBool())
        option->text = tr("%1 (you)").arg(name);
    else if (index.data(MemberModel::TypingRole).toBool())
        option->text = tr("%1 — typing…").arg(name);
    else
        option->text = name;
    option->font.setItalic(index.data(MemberModel::TypingRole).toBool());
}

} // namespace Natter
