#pragma once

// What the message list puts on the clipboard: the selected part of a message as shown, else the whole message
// as written (formatting marks included, "* Name text" for an action), and a code block's code.

#include <QModelIndex>
#include <QString>

namespace Natter {

class MessageDelegate;

class MessageClipboard
{
public:
    // The whole message at `index` as written.
    static QString wholeText(const QModelIndex &index);
    // What copying the message at `index` copies: the selected part when the selection is in it, else all of it.
    static QString textOf(const MessageDelegate *delegate, const QModelIndex &index);
    // Copy (Ctrl+C): the selected part of a message, else the whole message at `index` (if valid).
    static void copySelection(const MessageDelegate *delegate, const QModelIndex &index);
    // The code of code block `block` of the row at `index`.
    static void copyCode(const QModelIndex &index, int block);
};

} // namespace Natter
