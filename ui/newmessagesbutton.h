#pragma once

// The "New messages ↓" pill that floats at the bottom centre of the message list while the reader is scrolled up
// and messages arrive below; a click scrolls to them (MessageView::scrollToNewest).

#include <QToolButton>

namespace Natter {

class NewMessagesButton : public QToolButton
{
    Q_OBJECT

public:
    explicit NewMessagesButton(QWidget *parent);

    // Puts the button at the bottom centre of `area` (the view's viewport, in the parent's coordinates).
    void place(const QRect &area);
};

} // namespace Natter
