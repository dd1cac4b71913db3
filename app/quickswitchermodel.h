#pragma once

// Narrows a list of conversations to those whose name a typed query matches, best match first.

#include "fuzzymatcher.h"

#include <QSortFilterProxyModel>

namespace Natter {

// Rows are ordered by match score, then rows with unread messages before the rest, then in the source's own
// order, so that with no query the list reads like the source with unread conversations lifted to the top.
// A change to a name or an unread count in the source re-filters and re-sorts (dynamicSortFilter). Every other
// role is the source's.
class QuickSwitcherModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)

public:
    enum Role {
        // QList<int>: the indexes into the name of the characters the query matched, for highlighting.
        // Far above Qt::UserRole so that it cannot shadow a role of the source.
        MatchPositionsRole = Qt::UserRole + 0x1000,
    };
    Q_ENUM(Role)

    // nameRole holds the text the query is matched against (RoomListModel::NameRole); unreadRole an int count
    // of unread messages (RoomListModel::UnreadRole).
    QuickSwitcherModel(int nameRole, int unreadRole, QObject *parent = nullptr);

    QString query() const { return m_matcher.query(); }
    void setQuery(const QString &query);

    int nameRole() const { return m_nameRole; }
    int unreadRole() const { return m_unreadRole; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void queryChanged(const QString &query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    std::optional<FuzzyMatcher::Match> matchSourceRow(const QModelIndex &sourceIndex) const;

    int m_nameRole;
    int m_unreadRole;
    FuzzyMatcher m_matcher;
};

} // namespace Natter
