#include "noautomaticfetchproxy.h"

namespace Natter {

void NoAutomaticFetchProxy::setSourceModel(QAbstractItemModel *model)
{
    m_source = model; // sourceModel() is a bindable property: reading it costs more than a pointer
    QIdentityProxyModel::setSourceModel(model);
}

QModelIndex NoAutomaticFetchProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || column != 0 || row < 0 || !m_source || row >= m_source->rowCount())
        return {};
    return createIndex(row, column);
}

} // namespace Natter
