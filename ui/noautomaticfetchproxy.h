#pragma once

// Shows a model unchanged but hides its fetchMore() from QAbstractItemView, which would call it at the wrong end
// of a list whose older rows load at the top (see MessageView).

#include <QIdentityProxyModel>

namespace Natter {

class NoAutomaticFetchProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override { }
    void setSourceModel(QAbstractItemModel *model) override;
    // QListView asks for each row's index several times on every layout pass; a list's indexes need none of the
    // general mapping QIdentityProxyModel does. Same indexes as the base class makes (no internal pointer).
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;

private:
    QAbstractItemModel *m_source = nullptr;
};

} // namespace Natter
