#include "roomdirectoryfilter.h"

#include "roomdirectorymodel.h"

namespace Natter {

RoomDirectoryFilter::RoomDirectoryFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The directory is already in its order; the filter only hides rows.
    setDynamicSortFilter(true);
}

void RoomDirectoryFilter::setFilterText(const QString &text)
{
    QString needle = text.trimmed();
    if (needle.startsWith(u'#'))
        needle.remove(0, 1);
    if (needle == m_text)
        return;
    m_text = needle;
    invalidateFilter();
}

bool RoomDirectoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex room = sourceModel()->index(sourceRow, 0, sourceParent);
    return room.data(RoomDirectoryModel::NameRole).toString().contains(m_text, Qt::CaseInsensitive)
        || room.data(RoomDirectoryModel::TopicRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace Natter
