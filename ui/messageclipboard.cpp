#include "messageclipboard.h"

#include "messagedelegate.h"
#include "messagemodel.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Natter {

QString MessageClipboard::wholeText(const QModelIndex &index)
{
    QString text = index.data(MessageModel::TextRole).toString();
    if (index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action))
        text = u"* "_s + index.data(MessageModel::SenderRole).toString() + u' ' + text;
    return text;
}

QString MessageClipboard::textOf(const MessageDelegate *delegate, const QModelIndex &index)
{
    const MessageDelegate::TextSelection &selection = delegate->textSelection();
    return !selection.isEmpty() && selection.index == index ? delegate->selectedText() : wholeText(index);
}

void MessageClipboard::copySelection(const MessageDelegate *delegate, const QModelIndex &index)
{
    if (const QString selected = delegate->selectedText(); !selected.isEmpty()) {
        QGuiApplication::clipboard()->setText(selected);
        return;
    }
    if (index.isValid())
        QGuiApplication::clipboard()->setText(wholeText(index));
}

void MessageClipboard::copyCode(const QModelIndex &index, int block)
{
    const QStringList blocks = MessageDelegate::codeBlocks(index);
    if (block >= 0 && block < blocks.size())
        QGuiApplication::clipboard()->setText(blocks.at(block));
}

} // namespace Natter
