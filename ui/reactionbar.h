#pragma once

// The small bar that floats over the top right corner of the message under the pointer, as in chat apps: a few quick
// emoji to react with in one click, and "…" for the emoji picker. Only over messages that take reactions, and only
// for the mouse: from the keyboard, the message's menu has the same under React.

#include <QFrame>
#include <QList>
#include <QPersistentModelIndex>

class QToolButton;

namespace Natter {

class MessageView;

class ReactionBar : public QFrame
{
    Q_OBJECT

public:
    // The emoji on the bar: the first of the frequent ones.
    static constexpr int QuickEmoji = 4;

    explicit ReactionBar(MessageView *view);

    // The pointer is at `pos` of the view's viewport: shows the bar over that message, or hides it.
    void follow(const QPoint &pos);
    // The message the bar is over; invalid when hidden.
    QModelIndex message() const { return isVisible() ? QModelIndex(m_index) : QModelIndex(); }

signals:
    void reactionToggled(qint64 seq, const QString &emoji, bool on);
    void pickerRequested(qint64 seq);

private:
    void react(const QString &emoji);
    // Offers only the emoji the message can still take (MessageView::reactionLimit), saying why of the others.
    void offerFor(const QModelIndex &index);

    MessageView *m_view;
    QPersistentModelIndex m_index;
    QList<QToolButton *> m_quick;
    QToolButton *m_more = nullptr;
};

} // namespace Natter
