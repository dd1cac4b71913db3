#include "messagepointer.h"

#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"

#include <QApplication>
#include <QMouseEvent>

#include <utility>

namespace Natter {

MessagePointer::MessagePointer(MessageView *view)
    : m_view(view)
{ }

MessagePointer::Hit MessagePointer::hitAt(const QPoint &pos) const
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return {};
    const MessageDelegate *delegate = m_view->messageDelegate();
    const QStyleOptionViewItem option = m_view->itemOption(index);
    if (const QUrl link = delegate->linkAt(option, index, pos); !link.isEmpty())
        return {link, {}};
    if (delegate->hitsRetry(option, index, pos))
        return {{}, index.data(MessageModel::IdRole).toString()};
    if (const qint64 seq = delegate->quotedSeqAt(option, index, pos))
        return {{}, {}, seq};
    if (const int block = delegate->copyButtonAt(option, index, pos); block >= 0)
        return {{}, {}, 0, index.row(), block};
    if (const auto chip = delegate->reactionAt(option, index, pos))
        return {{}, {}, 0, -1, -1, index.data(MessageModel::SeqRole).toLongLong(), chip->emoji, chip->mine};
    return {};
}

void MessagePointer::clearTextSelection()
{
    MessageDelegate *delegate = m_view->messageDelegate();
    const QPersistentModelIndex selected = delegate->textSelection().index;
    delegate->setTextSelection({});
    m_selectingText = false;
    if (selected.isValid())
        m_view->update(selected);
}

void MessagePointer::press(const QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_pressed = event->button() == Qt::LeftButton ? hitAt(pos) : Hit{};
    if (event->button() != Qt::LeftButton)
        return;
    // A press on a message's text may start selecting part of it; any press ends the former selection.
    clearTextSelection();
    MessageDelegate *delegate = m_view->messageDelegate();
    const QModelIndex index = m_view->indexAt(pos);
    const int cursor = index.isValid()
        ? delegate->cursorAt(m_view->itemOption(index), index, pos, MessageLayout::CursorHit::Strict)
        : -1;
    if (cursor >= 0) {
        delegate->setTextSelection({index, cursor, cursor});
        m_selectingText = true;
        m_pressPosition = pos;
    }
}

bool MessagePointer::drag(const QMouseEvent *event)
{
    if (!m_selectingText || !(event->buttons() & Qt::LeftButton))
        return false;
    const QPoint pos = event->position().toPoint();
    MessageDelegate *delegate = m_view->messageDelegate();
    MessageDelegate::TextSelection selection = delegate->textSelection();
    if (!selection.index.isValid()) {
        m_selectingText = false;
    } else if (selection.anchor != selection.position
               || (pos - m_pressPosition).manhattanLength() >= QApplication::startDragDistance()) {
        const QModelIndex index = selection.index;
        selection.position =
            delegate->cursorAt(m_view->itemOption(index), index, pos, MessageLayout::CursorHit::Nearest);
        delegate->setTextSelection(selection);
        m_view->update(index);
    }
    m_view->viewport()->setCursor(Qt::IBeamCursor);
    return true;
}

void MessagePointer::updateCursorShape(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!hitAt(pos).isEmpty())
        m_view->viewport()->setCursor(Qt::PointingHandCursor);
    else if (index.isValid()
             && m_view->messageDelegate()->cursorAt(m_view->itemOption(index), index, pos,
                                                    MessageLayout::CursorHit::Strict)
                 >= 0)
        m_view->viewport()->setCursor(Qt::IBeamCursor);
    else
        m_view->viewport()->unsetCursor();
}

MessagePointer::Hit MessagePointer::release(const QMouseEvent *event)
{
    m_selectingText = false;
    // Only a press and release on the same link or marker is a click: a drag that ends on one is not, nor one
    // that selected text.
    const Hit hit = hitAt(event->position().toPoint());
    const Hit pressed = std::exchange(m_pressed, Hit{});
    if (hit.isEmpty() || hit != pressed || !m_view->messageDelegate()->textSelection().isEmpty())
        return {};
    return hit;
}

void MessagePointer::doubleClick(const QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    MessageDelegate *delegate = m_view->messageDelegate();
    const auto [start, end] = delegate->wordAt(m_view->itemOption(index), index, pos);
    if (start == end)
        return;
    clearTextSelection();
    delegate->setTextSelection({index, start, end});
    m_pressed = {}; // the release that follows is no click on a link
    m_view->update(index);
}

} // namespace Natter
