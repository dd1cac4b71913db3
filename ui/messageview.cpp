#include "messageview.h"

#include "messageclipboard.h"
#include "messagedelegate.h"
#include "messagemenu.h"
#include "messagemodel.h"
#include "newmessagesbutton.h"
#include "noautomaticfetchproxy.h"
#include "reactionbar.h"
#include "reactortips.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>

namespace Natter {

namespace {

// Within this many pixels of the bottom counts as at the bottom: a wheel step can stop just short of it.
constexpr int BottomTolerance = 2;

} // namespace

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_proxy(new NoAutomaticFetchProxy(this))
    , m_delegate(new MessageDelegate(this))
    , m_newMessagesButton(new NewMessagesButton(this))
    , m_reactorTips(new ReactorTips(viewport()))
    , m_reactionBar(new ReactionBar(this))
{
    connect(m_reactionBar, &ReactionBar::reactionToggled, this, &MessageView::reactionToggled);
    connect(m_reactionBar, &ReactionBar::pickerRequested, this, &MessageView::reactionPickerRequested);
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
    // Screen readers read each row's Qt::AccessibleTextRole ("sender, time, text"), which QListView's
    // accessible cells ask for before DisplayRole.
    setAccessibleName(tr("Messages"));

    connect(m_newMessagesButton, &QToolButton::clicked, this, &MessageView::scrollToNewest);
}

MessageView::~MessageView() = default;

void MessageView::setMessageModel(MessageModel *model)
{
    if (model == m_model)
        return;
    m_model = model;
    m_pointer.clearTextSelection();
    m_reactorTips->clear();
    m_reactionBar->hide();
    m_followBottom = true;
    m_anchor = QPersistentModelIndex();
    m_newMessagesButton->hide();
    // A scroll bar appearing narrows the viewport, and every row must then be measured again. When the
    // conversation surely overflows, show the scroll bar from the start and measure once.
    const bool overflows =
        model && qint64(model->rowCount()) * m_delegate->minimumRowHeight(font()) > viewport()->height();
    setVerticalScrollBarPolicy(overflows ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAsNeeded);
    m_delegate->setSourceModel(model); // first, so that its heights hear of the model's changes before the view
    m_proxy->setSourceModel(model); // resets the view
    scrollToNewest();
    fetchHistoryIfAtTop(); // a short conversation fills the view with history
}

MessageModel *MessageView::messageModel() const
{
    return m_model;
}

void MessageView::setMembers(MemberModel *members)
{
    m_delegate->setMembers(members);
    viewport()->update();
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
    m_anchor = QPersistentModelIndex(); // the delegate's heights follow the model's reset themselves
    QListView::reset();
}

void MessageView::doItemsLayout()
{
    if (m_holdScroll) {
        m_measurer.measureRowsNearPlace(m_followBottom, m_anchor);
        QListView::doItemsLayout();
        return;
    }
    {
        const QScopedValueRollback guard(m_holdScroll, true);
        m_measurer.measureRowsNearPlace(m_followBottom, m_anchor);
        QListView::doItemsLayout();
        m_lastLayoutWidth = viewport()->width();
    }
    restoreScrollPosition();
    // The rows now on screen were measured before the layout when the place was known; when it was not (or an
    // estimate far off moved other rows into view), measure them and lay out again. The anchor keeps what the
    // reader sees where it is, and the bottom stays the bottom.
    for (int pass = 0; pass < 3 && m_measurer.measureVisibleRows(); ++pass) {
        {
            const QScopedValueRollback guard(m_holdScroll, true);
            QListView::doItemsLayout();
        }
        restoreScrollPosition();
    }
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
    m_atTop = bar->value() == bar->minimum();
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
    else if (m_atTop && m_anchor.isValid() && m_anchor.row() == 0)
        bar->setValue(bar->minimum()); // the first row's height corrected: still at the top, where history loads
    else if (m_anchor.isValid())
        bar->setValue(rectForIndex(m_anchor).bottom() + m_anchorOffset);
}

void MessageView::verticalScrollbarValueChanged(int value)
{
    m_reactionBar->hide(); // the message moves from under it; the next move of the pointer shows it again
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
    // Scrolled to rows whose heights are estimates: measure them, and the rows around, before they are painted.
    if (!m_measurer.visibleRowsAreExact())
        scheduleDelayedItemsLayout();
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

void MessageView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    if (MessageDelegate::affectsHeightRoles(roles)) // the delegate's heights forgot these rows already
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

QStyleOptionViewItem MessageView::itemOption(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pointer.press(event);
    QListView::mousePressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pointer.drag(event))
        return;
    QListView::mouseMoveEvent(event);
    m_pointer.updateCursorShape(event->position().toPoint());
    if (event->buttons() == Qt::NoButton)
        m_reactionBar->follow(event->position().toPoint());
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const MessagePointer::Hit hit = m_pointer.release(event);
    if (hit.isEmpty())
        return;
    if (!hit.link.isEmpty())
        emit linkActivated(hit.link);
    else if (hit.copyBlock >= 0)
        MessageClipboard::copyCode(indexForRow(hit.copyRow), hit.copyBlock);
    else if (hit.quotedSeq > 0)
        showMessage(hit.quotedSeq);
    else if (!hit.reactionEmoji.isEmpty())
        emit reactionToggled(hit.reactionSeq, hit.reactionEmoji, !hit.reactionMine);
    else
        emit retryRequested(hit.retryId);
}

bool MessageView::showMessage(qint64 seq)
{
    const MessageModel *model = messageModel();
    const int row = model ? model->rowOfSeq(seq) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = indexForRow(row); // the view's own index: it shows the model through a proxy
    m_followBottom = false;
    scrollTo(index, PositionAtCenter);
    setCurrentIndex(index);
    return true;
}

void MessageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QListView::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton)
        m_pointer.doubleClick(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the Menu key, Shift+F10), the menu is the current message's, wherever the pointer is.
    const bool keyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    if (keyboard)
        scrollTo(index);
    const QString text = MessageClipboard::textOf(m_delegate, index);
    const QStyleOptionViewItem option = itemOption(index);
    MessageMenu::CodeBlocks code{MessageDelegate::codeBlocks(index),
                                 keyboard ? -1 : m_delegate->codeBlockAt(option, index, event->pos())};
    auto *menu =
        new MessageMenu(index, text, keyboard ? QUrl() : m_delegate->linkAt(option, index, event->pos()), code, this);
    connect(menu, &MessageMenu::retryRequested, this, &MessageView::retryRequested);
    connect(menu, &MessageMenu::discardRequested, this, &MessageView::discardRequested);
    connect(menu, &MessageMenu::replyRequested, this, &MessageView::replyRequested);
    connect(menu, &MessageMenu::editRequested, this, &MessageView::editRequested);
    connect(menu, &MessageMenu::deleteRequested, this, &MessageView::deleteRequested);
    if (m_reactionsEnabled && menu->addReactions(index, m_reactionLimit)) {
        connect(menu, &MessageMenu::reactionToggled, this, &MessageView::reactionToggled);
        connect(menu, &MessageMenu::reactionPickerRequested, this, &MessageView::reactionPickerRequested);
    }
    menu->popup(keyboard ? viewport()->mapToGlobal(visualRect(index).topLeft()) : event->globalPos());
    event->accept();
}

void MessageView::leaveEvent(QEvent *event)
{
    viewport()->unsetCursor();
    if (!m_reactionBar->underMouse())
        m_reactionBar->hide();
    QListView::leaveEvent(event);
}

bool MessageView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) { // on a reaction chip: who reacted
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        const auto chip = index.isValid() ? m_delegate->reactionAt(itemOption(index), index, help->pos())
                                          : std::optional<ReactionChip>();
        if (chip) {
            m_reactorTips->show(index.data(MessageModel::SeqRole).toLongLong(), *chip, help->globalPos(), chip->rect);
            return true;
        }
    }
    return QListView::viewportEvent(event);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        const QModelIndexList selected = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
        MessageClipboard::copySelection(m_delegate, selected.isEmpty() ? currentIndex() : selected.constFirst());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageView::placeNewMessagesButton()
{
    m_newMessagesButton->place(viewport()->geometry());
}

} // namespace Natter
