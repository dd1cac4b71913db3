#include "newmessagesbutton.h"

using namespace Qt::StringLiterals;

namespace Natter {

NewMessagesButton::NewMessagesButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(u"newMessagesButton"_s);
    setText(tr("New messages ↓"));
    setAccessibleName(tr("New messages"));
    setAccessibleDescription(tr("Scrolls to the newest message"));
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::NoFocus);
    setStyleSheet(u"QToolButton { background: palette(highlight); color: palette(highlighted-text);"
                  " border: none; border-radius: 12px; padding: 4px 14px; font-weight: bold; }"_s);
    hide();
}

void NewMessagesButton::place(const QRect &area)
{
    const QSize size = sizeHint();
    const int margin = size.height() / 2;
    setGeometry(area.center().x() - size.width() / 2, area.bottom() - margin - size.height(), size.width(),
                size.height());
}

} // namespace Natter
