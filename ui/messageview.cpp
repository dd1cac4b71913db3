#include "messageview.h"

#include "messagedelegate.h"
#include "messagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QMenu>
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
    void setSourceModel(QAbstractItemModel *model) override
    {
        m_source = model; // sourceModel() is a bindable property: reading it costs more than a pointer
        QIdentityProxyModel::setSourceModel(model);
    }
    // QListView asks for each row's index several times on every layout pass; a list's indexes need none of the
    // general mapping QIdentityProxyModel does. Same indexes as the base class makes (no internal pointer).
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (parent.isValid() || column != 0 || row < 0 || !m_source || row >= m_source->rowCount())
            return {};
        return createIndex(row, column);
    }

private:
    QAbstractItemModel *m_source = nullptr;
};

// Rows measured exactly beyond the viewport, in viewport heights: where the reader is likely to scroll next.
constexpr int MeasuredScreensAbove = 2;
constexpr int MeasuredScreensBelow = 3;

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
    // Screen readers read each row's Qt::AccessibleTextRole ("sender, time, text"), which QListView's
    // accessible cells ask for before DisplayRole.
    setAccessibleName(tr("Messages"));

    m_newMessagesButton->setObjectName(u"newMessagesButton"_s);
    m_newMessagesButton->setText(tr("New messages ↓"));
    m_newMessagesButton->setAccessibleName(tr("New messages"));
    m_newMessagesButton->setAccessibleDescription(tr("Scrolls to the newest message"));
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
    clearTextSelection();
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
        measureRowsNearPlace();
        QListView::doItemsLayout();
        return;
    }
    {
        const QScopedValueRollback guard(m_holdScroll, true);
        measureRowsNearPlace();
        QListView::doItemsLayout();
        m_lastLayoutWidth = viewport()->width();
    }
    restoreScrollPosition();
    // The rows now on screen were measured before the layout when the place was known; when it was not (or an
    // estimate far off moved other rows into view), measure them and lay out again. The anchor keeps what the
    // reader sees where it is, and the bottom stays the bottom.
    for (int pass = 0; pass < 3 && measureVisibleRows(); ++pass) {
        {
            const QScopedValueRollback guard(m_holdScroll, true);
            QListView::doItemsLayout();
        }
        restoreScrollPosition();
    }
    fetchHistoryIfAtTop();
}

QStyleOptionViewItem MessageView::measuringOption() const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = QRect(0, 0, viewport()->width(), 0);
    return option;
}

bool MessageView::measureRows(int first, int step, int pixels)
{
    const QStyleOptionViewItem option = measuringOption();
    const int rows = m_proxy->rowCount();
    bool changed = false;
    int covered = 0;
    for (int row = first; row >= 0 && row < rows && covered < pixels; row += step) {
        const QModelIndex index = indexForRow(row);
        changed |= m_delegate->measure(option, index);
        covered += m_delegate->sizeHint(option, index).height();
    }
    return changed;
}

bool MessageView::measureRowsAround(int row)
{
    const int screen = std::max(1, viewport()->height());
    const bool below = measureRows(row, 1, MeasuredScreensBelow * screen);
    const bool above = measureRows(row - 1, -1, MeasuredScreensAbove * screen);
    return below || above;
}

void MessageView::measureRowsNearPlace()
{
    // Before a layout: the rows that will be on screen (and a margin) get their exact heights, so that the layout
    // needs no second pass. Everything else is estimated.
    const int rows = m_proxy->rowCount();
    if (rows == 0 || viewport()->width() <= 0)
        return;
    if (m_followBottom)
        measureRows(rows - 1, -1, (MeasuredScreensAbove + 1) * std::max(1, viewport()->height()));
    else
        measureRowsAround(m_anchor.isValid() ? m_anchor.row() : std::max(0, indexAt(QPoint(0, 0)).row()));
}

bool MessageView::measureVisibleRows()
{
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
    if (!top.isValid())
        return false;
    const int width = viewport()->width();
    const int rows = m_proxy->rowCount();
    for (int row = top.row(); row < rows; ++row) {
        const QModelIndex index = indexForRow(row);
        if (visualRect(index).top() > viewport()->height())
            break;
        if (!m_delegate->hasExactHeight(index, width))
            return measureRowsAround(top.row());
    }
    return false;
}

bool MessageView::visibleRowsAreExact() const
{
    const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0));
    const int width = viewport()->width();
    const int rows = m_proxy->rowCount();
    for (int row = top.isValid() ? top.row() : rows; row < rows; ++row) {
        const QModelIndex index = indexForRow(row);
        if (visualRect(index).top() > viewport()->height())
            break;
        if (!m_delegate->hasExactHeight(index, width))
            return false;
    }
    return true;
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
    if (!visibleRowsAreExact())
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

MessageView::Hit MessageView::hitAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    const QStyleOptionViewItem option = itemOption(index);
    if (const QUrl link = m_delegate->linkAt(option, index, pos); !link.isEmpty())
        return {link, {}};
    if (m_delegate->hitsRetry(option, index, pos))
        return {{}, index.data(MessageModel::IdRole).toString()};
    if (const qint64 seq = m_delegate->quotedSeqAt(option, index, pos))
        return {{}, {}, seq};
    return {};
}

QStyleOptionViewItem MessageView::itemOption(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return option;
}

void MessageView::clearTextSelection()
{
    const QPersistentModelIndex selected = m_delegate->textSelection().index;
    m_delegate->setTextSelection({});
    m_selectingText = false;
    if (selected.isValid())
        update(selected);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_pressed = event->button() == Qt::LeftButton ? hitAt(pos) : Hit{};
    if (event->button() == Qt::LeftButton) {
        // A press on a message's text may start selecting part of it; any press ends the former selection.
        clearTextSelection();
        const QModelIndex index = indexAt(pos);
        const int cursor = index.isValid()
            ? m_delegate->cursorAt(itemOption(index), index, pos, MessageLayout::CursorHit::Strict)
            : -1;
        if (cursor >= 0) {
            m_delegate->setTextSelection({index, cursor, cursor});
            m_selectingText = true;
            m_pressPosition = pos;
        }
    }
    QListView::mousePressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_selectingText && (event->buttons() & Qt::LeftButton)) {
        // Selecting within one message: the list's own drag selection of rows stays out of it.
        MessageDelegate::TextSelection selection = m_delegate->textSelection();
        if (!selection.index.isValid()) {
            m_selectingText = false;
        } else if (selection.anchor != selection.position
                   || (pos - m_pressPosition).manhattanLength() >= QApplication::startDragDistance()) {
            const QModelIndex index = selection.index;
            selection.position = m_delegate->cursorAt(itemOption(index), index, pos, MessageLayout::CursorHit::Nearest);
            m_delegate->setTextSelection(selection);
            update(index);
        }
        viewport()->setCursor(Qt::IBeamCursor);
        return;
    }
    QListView::mouseMoveEvent(event);
    updateCursorShape(pos);
}

void MessageView::updateCursorShape(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!hitAt(pos).isEmpty())
        viewport()->setCursor(Qt::PointingHandCursor);
    else if (index.isValid()
             && m_delegate->cursorAt(itemOption(index), index, pos, MessageLayout::CursorHit::Strict) >= 0)
        viewport()->setCursor(Qt::IBeamCursor);
    else
        viewport()->unsetCursor();
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    m_selectingText = false;
    // Only a press and release on the same link or marker is a click: a drag that ends on one is not, nor one
    // that selected text.
    const Hit hit = hitAt(event->position().toPoint());
    const Hit pressed = std::exchange(m_pressed, Hit{});
    if (hit.isEmpty() || hit != pressed || !m_delegate->textSelection().isEmpty())
        return;
    if (!hit.link.isEmpty())
        emit linkActivated(hit.link);
    else if (hit.quotedSeq > 0)
        showMessage(hit.quotedSeq);
    else
        emit retryRequested(hit.retryId);
}

bool MessageView::showMessage(qint64 seq)
{
    const MessageModel *model = messageModel();
    const int row = model ? model->rowOfSeq(seq) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = model->index(row);
    m_followBottom = false;
    scrollTo(index, PositionAtCenter);
    setCurrentIndex(index);
    return true;
}

void MessageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QListView::mouseDoubleClickEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    // A double click on a word selects it.
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    const auto [start, end] = m_delegate->wordAt(itemOption(index), index, pos);
    if (start == end)
        return;
    clearTextSelection();
    m_delegate->setTextSelection({index, start, end});
    m_pressed = {}; // the release that follows is no click on a link
    update(index);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    const QStyleOptionViewItem option = itemOption(index);
    auto *menu = new QMenu(this);
    menu->setObjectName(u"messageMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);

    // The selected part when the selection is in this message, else the whole message.
    const MessageDelegate::TextSelection &selection = m_delegate->textSelection();
    const QString text =
        !selection.isEmpty() && selection.index == index ? m_delegate->selectedText() : messageText(index);
    connect(menu->addAction(tr("Copy Text")), &QAction::triggered, this,
            [text] { QGuiApplication::clipboard()->setText(text); });
    if (const QUrl link = m_delegate->linkAt(option, index, event->pos()); !link.isEmpty()) {
        connect(menu->addAction(tr("Copy Link")), &QAction::triggered, this,
                [link] { QGuiApplication::clipboard()->setText(link.toString()); });
    }
    if (index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Failed)) {
        const QString id = index.data(MessageModel::IdRole).toString();
        connect(menu->addAction(tr("Retry")), &QAction::triggered, this, [this, id] { emit retryRequested(id); });
        connect(menu->addAction(tr("Delete")), &QAction::triggered, this, [this, id] { emit discardRequested(id); });
    }
    const bool sent =
        index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Sent);
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    if (sent && !index.data(MessageModel::DeletedRole).toBool()) {
        QAction *replyAction = menu->addAction(tr("Reply"));
        replyAction->setObjectName(u"replyAction"_s);
        connect(replyAction, &QAction::triggered, this, [this, seq] { emit replyRequested(seq); });
    }
    if (sent && index.data(MessageModel::IsOwnRole).toBool() && !index.data(MessageModel::DeletedRole).toBool()) {
        const QString whole = index.data(MessageModel::TextRole).toString();
        menu->addSeparator();
        QAction *editAction = menu->addAction(tr("Edit"));
        editAction->setObjectName(u"editMessageAction"_s);
        connect(editAction, &QAction::triggered, this, [this, seq, whole] { emit editRequested(seq, whole); });
        QAction *deleteAction = menu->addAction(tr("Delete…"));
        deleteAction->setObjectName(u"deleteMessageAction"_s);
        connect(deleteAction, &QAction::triggered, this, [this, seq] { emit deleteRequested(seq); });
    }
    menu->popup(event->globalPos());
    event->accept();
}

void MessageView::leaveEvent(QEvent *event)
{
    viewport()->unsetCursor();
    QListView::leaveEvent(event);
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

QString MessageView::messageText(const QModelIndex &index)
{
    QString text = index.data(MessageModel::TextRole).toString();
    if (index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action))
        text = u"* "_s + index.data(MessageModel::SenderRole).toString() + u' ' + text;
    return text;
}

void MessageView::copySelection() const
{
    if (const QString selected = m_delegate->selectedText(); !selected.isEmpty()) {
        QGuiApplication::clipboard()->setText(selected);
        return;
    }
    const QModelIndexList selected = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    const QModelIndex index = selected.isEmpty() ? currentIndex() : selected.constFirst();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(messageText(index));
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
