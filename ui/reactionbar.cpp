#include "reactionbar.h"

#include "emojipicker.h"
#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemenu.h"
#include "messagemodel.h"
#include "messageview.h"
#include "reactionchips.h"

#include <QHBoxLayout>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Natter {

ReactionBar::ReactionBar(MessageView *view)
    : QFrame(view->viewport())
    , m_view(view)
{
    setObjectName(u"reactionBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    const auto addButton = [this, layout](const QString &text, const QString &name) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setText(text);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus); // the keyboard has the message's menu
        button->setCursor(Qt::PointingHandCursor);
        QFont larger = button->font(); // emoji read better a little larger than the text
        if (larger.pointSizeF() > 0)
            larger.setPointSizeF(larger.pointSizeF() * 1.25);
        button->setFont(larger);
        layout->addWidget(button);
        return button;
    };
    for (const QString &emoji : EmojiPicker::frequent().first(QuickEmoji)) {
        QToolButton *button = addButton(emoji, u"quickReaction"_s);
        button->setAccessibleName(tr("React with %1").arg(emoji));
        m_quick.append(button);
        connect(button, &QToolButton::clicked, this, [this, emoji] { react(emoji); });
    }
    m_more = addButton(u"…"_s, u"moreReactions"_s);
    m_more->setAccessibleName(tr("More reactions"));
    connect(m_more, &QToolButton::clicked, this, [this] {
        if (m_index.isValid())
            emit pickerRequested(m_index.data(MessageModel::SeqRole).toLongLong());
    });
    hide();
}

void ReactionBar::follow(const QPoint &pos)
{
    const QModelIndex index = m_view->reactionsEnabled() ? m_view->indexAt(pos) : QModelIndex();
    if (!index.isValid() || !MessageMenu::takesReactions(index)) {
        hide();
        m_index = QPersistentModelIndex();
        return;
    }
    if (index == m_index && isVisible()) {
        offerFor(index); // its reactions may have changed under the pointer
        return;
    }
    m_index = index;
    offerFor(index);
    const QRect rect = m_view->visualRect(index);
    const MessageFonts fonts(m_view->font());
    const MessageLayout layout(fonts, rect, MessageRow::fromIndex(index), MessageLayout::Purpose::Estimate);
    resize(sizeHint());
    // Over the message's top edge, at its right: clear of its first line's words in most messages. Below a day
    // separator or the "New messages" line, which it would hide.
    const bool band = !layout.separator.isEmpty() || !layout.unreadLine.isEmpty();
    const int top = std::max(0, layout.message.top() - (band ? 0 : height() / 2));
    move(rect.right() - width() - 3 * fonts.unit, top);
    show();
    raise();
}

void ReactionBar::offerFor(const QModelIndex &index)
{
    const ReactionList reactions = index.data(MessageModel::ReactionsRole).value<ReactionList>();
    const int limit = m_view->reactionLimit();
    const QString full = ReactionChips::fullText(limit);
    for (QToolButton *button : std::as_const(m_quick)) {
        const bool takes = MessageReactions::takes(reactions, button->text(), limit);
        button->setEnabled(takes);
        button->setToolTip(takes ? QString() : full);
    }
    const bool room = reactions.size() < limit;
    m_more->setEnabled(room);
    m_more->setToolTip(room ? tr("More reactions") : full);
}

void ReactionBar::react(const QString &emoji)
{
    if (!m_index.isValid())
        return;
    const ReactionList reactions = m_index.data(MessageModel::ReactionsRole).value<ReactionList>();
    emit reactionToggled(m_index.data(MessageModel::SeqRole).toLongLong(), emoji,
                         !ReactionChips::isMine(reactions, emoji));
}

} // namespace Natter
