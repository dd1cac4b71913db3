#include "messageview.h"

#include "messagedelegate.h"
#include "messagemodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QToolButton>

#include <utility>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

// Within this many pixels of the bottom counts as at the bottom: a wheel step can stop just short of it.
constexpr int BottomTolerance = 2;

// Hides the model's fetchMore() from QAbstractItemView, which would call it at the wrong end (see the header).
class NoAutomaticFetch : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override { }
};

} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_proxy(new NoAutomaticFetch(this))
    , m_delegate(new MessageDelegate(this))
    , m_newMessagesButton(new QToolButton(this))
{
    setItemDelegate(m_delegate);
    setModel(m_proxy);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setSelectionMode(SingleSelection);
    setEditTriggers(NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);

    m_newMessagesButton->setObjectName(u"newMessagesButton"_s);
    m_newMessagesButton->setText(tr("New messages ↓"));
    m_newMessagesButton->setCursor(Qt::PointingHandCursor);
    m_newMessagesButton->setFocusPolicy(Qt::NoFocus);
    m_newMessagesButton->setStyleSheet(
        u"QToolButton { background: palette(highlight); color: palette(highlighted-text);"
        " border: none; border-radius: 12px; padding: 4px 14px; font-weight: bold; }"_s);
    m_newMessagesButton->hide();
    connect(m_newMessagesButton, &QToolButton::clicked, this, &MessageView::scrollToNewest);
}

MessageView::~MessageView() = default;

void MessageView::setMessageModel(MessageModel *model)
{
    if (model == m_model)
        return;
    m_model = model;
    m_followBottom = true;
    m_anchor = QPersistentModelIndex();
    m_newMessagesButton->hide();
    // A scroll bar appearing narrows the viewport, and every row must then be measured again. When the
    // conversation surely overflows, show the scroll bar from the start and measure once.
    const bool overflows =
        model && qint64(model->rowCount()) * m_delegate->minimumRowHeight(font()) > viewport()->height();
    setVerticalScrollBarPolicy(overflows ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAsNeeded);
    m_proxy->setSourceModel(model); // resets the view, which empties the delegate's cache
    scrollToNewest();
    fetchHistoryIfAtTop(); // a short conversation fills the view with history
}

MessageModel *MessageView::messageModel() const
{
    return m_model;
}

QModelIndex MessageView::indexForRow(int row) const
{
    return m_proxy->index(row, 0);
}

void MessageView::scrollToNewest()
{
    m_followBottom = true;
    m_newMessagesButton->hide();
    scrollToBottom(); // lays out first if a layout is pending
}

void MessageView::reset()
{
    m_delegate->invalidateAll();
    m_anchor = QPersistentModelIndex();
    QListView::reset();
}

void MessageView::doItemsLayout()
{
    if (m_holdScroll) {
        QListView::doItemsLayout();
        return;
    }
    {
        const QScopedValueRollback guard(m_holdScroll, true);
        QListView::doItemsLayout();
        m_lastLayoutWidth = viewport()->width();
    }
    restoreScrollPosition();
    fetchHistoryIfAtTop();
}

void MessageView::updateGeometries()
{
    QListView::updateGeometries();
    if (m_followBottom && !m_holdScroll) // a layout restores the position itself, once it is complete
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    placeNewMessagesButton();
}

void MessageView::rememberScrollPosition()
{
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0)); // first: may run a pending layout
    const QScrollBar *bar = verticalScrollBar();
    m_followBottom = bar->value() >= bar->maximum() - BottomTolerance;
    m_anchor = top;
    m_anchorOffset = top.isValid() ? bar->value() - rectForIndex(top).bottom() : 0;
    if (m_followBottom)
        m_newMessagesButton->hide();
}

void MessageView::restoreScrollPosition()
{
    QScrollBar *bar = verticalScrollBar();
    if (m_followBottom)
        bar->setValue(bar->maximum());
    else if (m_anchor.isValid())
        bar->setValue(rectForIndex(m_anchor).bottom() + m_anchorOffset);
}

void MessageView::verticalScrollbarValueChanged(int value)
{
    if (m_holdScroll) {
        QListView::verticalScrollbarValueChanged(value);
        return;
    }
    {
        // The user moved: a layout still pending (which the base class or indexAt() may run now) must not
        // move the view back to the place being left.
        const QScopedValueRollback guard(m_holdScroll, true);
        QListView::verticalScrollbarValueChanged(value);
        rememberScrollPosition();
    }
    fetchHistoryIfAtTop();
}

void MessageView::fetchHistoryIfAtTop()
{
    if (!m_model || !isVisible() || m_holdScroll)
        return;
    const QScrollBar *bar = verticalScrollBar();
    if (bar->value() == bar->minimum() && m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
}

void MessageView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    // Rows at the top are a history page, not news. Others are: a new message lands at the end, or before the
    // user's own messages still on their way.
    if (parent.isValid() || start == 0)
        return;
    for (int row = start; row <= end; ++row) {
        const QModelIndex index = indexForRow(row);
        if (index.data(MessageModel::IsOwnRole).toBool()
            && index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Pending))
            m_followBottom = true; // the user just sent it: show it
    }
    if (m_followBottom) {
        m_newMessagesButton->hide();
    } else {
        placeNewMessagesButton();
        m_newMessagesButton->show();
        m_newMessagesButton->raise();
    }
}

void MessageView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    if (!parent.isValid())
        m_delegate->invalidate(indexForRow(start), indexForRow(end));
    QListView::rowsAboutToBeRemoved(parent, start, end);
}

void MessageView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    if (m_delegate->invalidate(topLeft, bottomRight, roles))
        scheduleDelayedItemsLayout();
}

void MessageView::paintEvent(QPaintEvent *event)
{
    // Lay out before painting, so that a layout never moves the scroll bar while the viewport is painted.
    executeDelayedItemsLayout();
    QListView::paintEvent(event);
    if (m_model && m_model->rowCount() == 0 && !m_model->hasMoreHistory()) {
        // An empty conversation says so, rather than looking broken.
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No messages yet. Say hello!"));
    }
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    if (viewport()->width() != m_lastLayoutWidth)
        scheduleDelayedItemsLayout(); // rows wrap differently: every height changes
    placeNewMessagesButton();
}

void MessageView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    fetchHistoryIfAtTop();
}

void MessageView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_delegate->invalidateAll();
        scheduleDelayedItemsLayout();
    }
}

MessageView::Hit MessageView::hitAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    if (const QUrl link = m_delegate->linkAt(option, index, pos); !link.isEmpty())
        return {link, {}};
    if (m_delegate->hitsRetry(option, index, pos))
        return {{}, index.data(MessageModel::IdRole).toString()};
    return {};
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton ? hitAt(event->position().toPoint()) : Hit{};
    QListView::mousePressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    if (hitAt(event->position().toPoint()).isEmpty())
        viewport()->unsetCursor();
    else
        viewport()->setCursor(Qt::PointingHandCursor);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    // Only a press and release on the same link or marker is a click: a drag that ends on one is not.
    const Hit hit = hitAt(event->position().toPoint());
    const Hit pressed = std::exchange(m_pressed, Hit{});
    if (hit.isEmpty() || hit != pressed)
        return;
    if (!hit.link.isEmpty())
        emit linkActivated(hit.link);
    else
        emit retryRequested(hit.retryId);
}

void MessageView::leaveEvent(QEvent *event)
{
    viewport()->unsetCursor();
    QListView::leaveEvent(event);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelectedMessage();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageView::copySelectedMessage() const
{
    const QModelIndexList selected = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    const QModelIndex index = selected.isEmpty() ? currentIndex() : selected.constFirst();
    if (!index.isValid())
        return;
    QString text = index.data(MessageModel::TextRole).toString();
    if (index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action))
        text = u"* "_s + index.data(MessageModel::SenderRole).toString() + u' ' + text;
    QGuiApplication::clipboard()->setText(text);
}

void MessageView::placeNewMessagesButton()
{
    const QRect area = viewport()->geometry();
    const QSize size = m_newMessagesButton->sizeHint();
    const int margin = size.height() / 2;
    m_newMessagesButton->setGeometry(area.center().x() - size.width() / 2, area.bottom() - margin - size.height(),
                                     size.width(), size.height());
}

} // namespace Natter
