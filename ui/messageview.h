#pragma once

// Shows one conversation's messages, newest at the bottom, and keeps the reader's place while it changes.
//
// - At the bottom, it stays there as messages arrive (and jumps there when the user sends one). Scrolled up,
//   it keeps the first visible message where it is and offers a floating "New messages ↓" button.
// - At the top, it asks the model for older history (fetchMore) and keeps the content in place when the page
//   is prepended.
// - Clicking a link emits linkActivated; clicking a failed message's marker emits retryRequested. Ctrl+C
//   copies the selected message as plain text.
//
// The view shows the MessageModel through an identity proxy that answers canFetchMore() with false:
// QAbstractItemView calls fetchMore() whenever its LAST row is visible or the scroll bar reaches its maximum,
// which suits a list that grows downwards, while this model's fetchMore() loads older rows at the top. Only
// this view decides when to fetch, by calling the MessageModel itself.

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>

class QIdentityProxyModel;
class QToolButton;

namespace Natter {

class MessageDelegate;
class MessageModel;

class MessageView : public QListView
{
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    // Shows another conversation (nullptr: none), scrolled to its newest message. The view does not own it.
    void setMessageModel(MessageModel *model);
    MessageModel *messageModel() const;
    MessageDelegate *messageDelegate() const { return m_delegate; }
    // The view's index of a model row (the view shows the model through a proxy).
    QModelIndex indexForRow(int row) const;
    // Whether the view follows new messages: it is scrolled to the bottom.
    bool isFollowingNewMessages() const { return m_followBottom; }

    void doItemsLayout() override;
    void reset() override;

public slots:
    // Scrolls to the newest message and follows new ones again.
    void scrollToNewest();

signals:
    void linkActivated(const QUrl &url);
    void retryRequested(const QString &messageId);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void updateGeometries() override;
    void verticalScrollbarValueChanged(int value) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // What is under a point of the viewport: a link, a retry marker, or nothing.
    struct Hit
    {
        QUrl link;
        QString retryId;
        bool isEmpty() const { return link.isEmpty() && retryId.isEmpty(); }
        friend bool operator==(const Hit &, const Hit &) = default;
    };
    Hit hitAt(const QPoint &pos) const;
    void rememberScrollPosition();
    void restoreScrollPosition();
    void fetchHistoryIfAtTop();
    void placeNewMessagesButton();
    void copySelectedMessage() const;

    QPointer<MessageModel> m_model;
    QIdentityProxyModel *m_proxy = nullptr;
    MessageDelegate *m_delegate = nullptr;
    QToolButton *m_newMessagesButton = nullptr;

    bool m_followBottom = true;
    // Scrolled up: the first visible row, and how far the view's top is from that row's bottom edge. Its bottom
    // rather than its top, because a row's top changes when a page before it takes its day separator away.
    QPersistentModelIndex m_anchor;
    int m_anchorOffset = 0;
    // Inside a layout, or while taking in the user's scrolling: the scroll bar's value is neither to be moved
    // to the remembered place nor to be read as a place the user chose.
    bool m_holdScroll = false;
    int m_lastLayoutWidth = -1;
    Hit m_pressed;
};

} // namespace Natter
