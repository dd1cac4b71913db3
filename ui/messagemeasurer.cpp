#include "messagemeasurer.h"

#include "messagedelegate.h"
#include "messageview.h"

#include <algorithm>

namespace Natter {

namespace {

// Rows measured exactly beyond the viewport, in viewport heights: where the reader is likely to scroll next.
constexpr int MeasuredScreensAbove = 2;
constexpr int MeasuredScreensBelow = 3;

} // namespace

MessageMeasurer::MessageMeasurer(MessageView *view)
    : m_view(view)
{ }

bool MessageMeasurer::measureRows(int first, int step, int pixels)
{
    QStyleOptionViewItem option = m_view->itemOption({});
    option.rect = QRect(0, 0, m_view->viewport()->width(), 0);
    MessageDelegate *delegate = m_view->messageDelegate();
    const int rows = m_view->model()->rowCount();
    bool changed = false;
    int covered = 0;
    for (int row = first; row >= 0 && row < rows && covered < pixels; row += step) {
        const QModelIndex index = m_view->indexForRow(row);
        changed |= delegate->measure(option, index);
        covered += delegate->sizeHint(option, index).height();
    }
    return changed;
}

bool MessageMeasurer::measureRowsAround(int row)
{
    const int screen = std::max(1, m_view->viewport()->height());
    const bool below = measureRows(row, 1, MeasuredScreensBelow * screen);
    const bool above = measureRows(row - 1, -1, MeasuredScreensAbove * screen);
    return below || above;
}

void MessageMeasurer::measureRowsNearPlace(bool followBottom, const QPersistentModelIndex &anchor)
{
    const int rows = m_view->model()->rowCount();
    if (rows == 0 || m_view->viewport()->width() <= 0)
        return;
    if (followBottom)
        measureRows(rows - 1, -1, (MeasuredScreensAbove + 1) * std::max(1, m_view->viewport()->height()));
    else
        measureRowsAround(anchor.isValid() ? anchor.row() : std::max(0, m_view->indexAt(QPoint(0, 0)).row()));
}

bool MessageMeasurer::measureVisibleRows()
{
    const QModelIndex top = m_view->indexAt(QPoint(m_view->viewport()->width() / 2, 0));
    if (!top.isValid())
        return false;
    const int width = m_view->viewport()->width();
    const int rows = m_view->model()->rowCount();
    for (int row = top.row(); row < rows; ++row) {
        const QModelIndex index = m_view->indexForRow(row);
        if (m_view->visualRect(index).top() > m_view->viewport()->height())
            break;
        if (!m_view->messageDelegate()->hasExactHeight(index, width))
            return measureRowsAround(top.row());
    }
    return false;
}

bool MessageMeasurer::visibleRowsAreExact() const
{
    const QModelIndex top = m_view->indexAt(QPoint(m_view->viewport()->width() / 2, 0));
    const int width = m_view->viewport()->width();
    const int rows = m_view->model()->rowCount();
    for (int row = top.isValid() ? top.row() : rows; row < rows; ++row) {
        const QModelIndex index = m_view->indexForRow(row);
        if (m_view->visualRect(index).top() > m_view->viewport()->height())
            break;
        if (!m_view->messageDelegate()->hasExactHeight(index, width))
            return false;
    }
    return true;
}

} // namespace Natter
