#include "messageheights.h"

#include "messagedelegate.h"

#include <QAbstractItemModel>

#include <algorithm>

namespace Natter {

MessageHeights::MessageHeights(const QAbstractItemModel *model)
    : m_model(model)
{
    reload();
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            m_rows.insert(first, last - first + 1, Row{});
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            m_rows.remove(first, last - first + 1);
    });
    connect(model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &from, int first, int last, const QModelIndex &to, int destination) {
                if (from.isValid() || to.isValid())
                    return;
                const QList<Row> moved = m_rows.mid(first, last - first + 1);
                m_rows.remove(first, moved.size());
                // destination counts rows before the move; the moved rows no longer stand before it.
                const qsizetype target = destination > first ? destination - moved.size() : destination;
                for (qsizetype i = 0; i < moved.size(); ++i)
                    m_rows.insert(target + i, moved.at(i));
            });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (topLeft.isValid() && bottomRight.isValid() && MessageDelegate::affectsHeightRoles(roles))
                    forget(topLeft.row(), bottomRight.row());
            });
    connect(model, &QAbstractItemModel::modelReset, this, &MessageHeights::reload);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MessageHeights::reload);
}

void MessageHeights::reload()
{
    m_rows.clear();
    m_rows.resize(m_model->rowCount());
}

void MessageHeights::forgetExactHeights()
{
    for (Row &row : m_rows)
        row.exactWidth = -1;
}

void MessageHeights::forget(int first, int last)
{
    for (int row = std::max(0, first); row <= last && row < m_rows.size(); ++row)
        m_rows[row] = Row{};
}

} // namespace Natter
