#pragma once

// Shows one conversation's messages, newest at the bottom, and keeps the reader's place while it changes.
//
// - At the bottom, it stays there as messages arrive (and jumps there when the user sends one). Scrolled up,
//   it keeps the first visible message where it is and offers a floating "New messages ↓" button.
// - At the top, it asks the model for older history (fetchMore) and keeps the content in place when the page
//   is prepended.
// - Clicking a link emits linkActivated; clicking a failed message's marker emits retryRequested.
// - Dragging over a message's text selects part of it (one message at a time), a double click selects a word,
//   and any other press ends the selection. Ctrl+C copies the selected part as plain text, or the whole selected
//   message when no text is selected (as written, formatting marks included). The right-click menu offers Copy
//   Text, Copy Link on a link, Copy Code on a message with a code block, and Retry on a failed message. Clicking a
//   code block's Copy button copies its code. Clicking a reaction chip under a message toggles the user's own
//   reaction (reactionToggled); the pointer over a message shows a bar of quick reactions (ReactionBar).
// - Screen readers read each row as "sender, time, text", then its reactions (the model's Qt::AccessibleTextRole,
//   which QListView's accessible cells ask for first).
//
// - Only the rows on screen, and a few screens around them, are measured exactly; the delegate estimates the rest
//   (see MessageDelegate). Before each layout the rows about to be shown are measured (the newest ones when at the
//   bottom, else those around the anchor); scrolled to rows still estimated, the view measures them and lays out
//   again. Corrections never move what the reader sees: the anchor (or the bottom) is restored after each layout,
//   and a view at the very top stays at the top.
//
// The view shows the MessageModel through an identity proxy that answers canFetchMore() with false:
// QAbstractItemView calls fetchMore() whenever its LAST row is visible or the scroll bar reaches its maximum,
// which suits a list that grows downwards, while this model's fetchMore() loads older rows at the top. Only
// this view decides when to fetch, by calling the MessageModel itself.

#include "messagemeasurer.h"
#include "messagepointer.h"
#include "protocollimits.h"

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>

namespace Natter {

class MemberModel;
class MessageDelegate;
class MessageModel;
class NewMessagesButton;
class NoAutomaticFetchProxy;
class ReactionBar;
class ReactorTips;

class MessageView : public QListView
{
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    // Shows another conversation (nullptr: none), scrolled to its newest message. The view does not own it.
    void setMessageModel(MessageModel *model);
    MessageModel *messageModel() const;
    // The members of the shown conversation: their @mentions are highlighted. The view does not own them.
    void setMembers(MemberModel *members);
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // Whether messages' menus offer React: the server takes reactions.
    void setReactionsEnabled(bool enabled) { m_reactionsEnabled = enabled; }
    bool reactionsEnabled() const { return m_reactionsEnabled; }
    // Different emoji the server takes on one message: a full message is offered no new one.
    void setReactionLimit(int limit) { m_reactionLimit = limit; }
    int reactionLimit() const { return m_reactionLimit; }
    // The reaction chips' tooltips, which ask who reacted and take the answers.
    ReactorTips *reactorTips() const { return m_reactorTips; }
    // The quick reactions floating over the message under the pointer.
    ReactionBar *reactionBar() const { return m_reactionBar; }
    // The view's index of a model row (the view shows the model through a proxy).
    QModelIndex indexForRow(int row) const;
    // Whether the view follows new messages: it is scrolled to the bottom.
    bool isFollowingNewMessages() const { return m_followBottom; }
    // How the delegate paints the row `index` where it is now.
    QStyleOptionViewItem itemOption(const QModelIndex &index) const;

    void doItemsLayout() override;
    void reset() override;

public slots:
    // Scrolls to the newest message and follows new ones again.
    void scrollToNewest();
    // Scrolls to message `seq` and selects it, if it is loaded; false if not.
    bool showMessage(qint64 seq);

signals:
    void linkActivated(const QUrl &url);
    void retryRequested(const QString &messageId);
    // The user gives up on a message that was not sent.
    void discardRequested(const QString &messageId);
    // The user wants to change, or take back, their message `seq`.
    void editRequested(qint64 seq, const QString &text);
    void deleteRequested(qint64 seq);
    // The user wants to answer message `seq`.
    void replyRequested(qint64 seq);
    // The user put `emoji` on message `seq` (on), or took their own back: a click on a chip or the menu's React.
    void reactionToggled(qint64 seq, const QString &emoji, bool on);
    // The user wants to pick another emoji for message `seq` (More… in the React submenu).
    void reactionPickerRequested(qint64 seq);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void updateGeometries() override;
    void verticalScrollbarValueChanged(int value) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rememberScrollPosition();
    void restoreScrollPosition();
    void fetchHistoryIfAtTop();
    void placeNewMessagesButton();

    QPointer<MessageModel> m_model;
    NoAutomaticFetchProxy *m_proxy = nullptr;
    MessageDelegate *m_delegate = nullptr;
    NewMessagesButton *m_newMessagesButton = nullptr;
    ReactorTips *m_reactorTips = nullptr;
    ReactionBar *m_reactionBar = nullptr;

    bool m_followBottom = true;
    bool m_reactionsEnabled = false;
    int m_reactionLimit = Protocol::Limits{}.maxReactionsPerMessage;
    // Scrolled up: the first visible row, and how far the view's top is from that row's bottom edge. Its bottom
    // rather than its top, because a row's top changes when a page before it takes its day separator away.
    QPersistentModelIndex m_anchor;
    int m_anchorOffset = 0;
    bool m_atTop = false; // scrolled to the very top (where older history is fetched)
    // Inside a layout, or while taking in the user's scrolling: the scroll bar's value is neither to be moved
    // to the remembered place nor to be read as a place the user chose.
    bool m_holdScroll = false;
    int m_lastLayoutWidth = -1;
    MessagePointer m_pointer{this};
    MessageMeasurer m_measurer{this};
};

} // namespace Natter
