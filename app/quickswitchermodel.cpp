#include "quickswitchermodel.h"

namespace Natter {

QuickSwitcherModel::QuickSwitcherModel(int nameRole, int unreadRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_nameRole(nameRole)
    , m_unreadRole(unreadRole)
{
    sort(0, Qt::AscendingOrder); // lessThan() decides the real order; this switches sorting on
}

void QuickSwitcherModel::setQuery(const QString &query)
{
    if (query == m_matcher.query())
        return;
    m_matcher = FuzzyMatcher(query);
    // Both the rows and their order depend on the query.
    invalidate();
    emit queryChanged(query);
}

std::optional<FuzzyMatcher::Match> QuickSwitcherModel::matchSourceRow(const QModelIndex &sourceIndex) const
{
    // Matching again instead of caching: a user is in tens of conversations and a name is a few dozen characters.
    return m_matcher.match(sourceIndex.data(m_nameRole).toString());
}

bool QuickSwitcherModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return matchSourceRow(sourceModel()->index(sourceRow, 0, sourceParent)).has_value();
}

bool QuickSwitcherModel::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    const int leftScore = matchSourceRow(sourceLeft).value_or(FuzzyMatcher::Match{}).score;
    const int rightScore = matchSourceRow(sourceRight).value_or(FuzzyMatcher::Match{}).score;
    if (leftScore != rightScore)
        return leftScore > rightScore;
    const bool leftUnread = sourceLeft.data(m_unreadRole).toInt() > 0;
    const bool rightUnread = sourceRight.data(m_unreadRole).toInt() > 0;
    if (leftUnread != rightUnread)
        return leftUnread;
    return sourceLeft.row() < sourceRight.row();
}

QVariant QuickSwitcherModel::data(const QModelIndex &index, int role) const
{
    if (role != MatchPositionsRole)
        return QSortFilterProxyModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const std::optional<FuzzyMatcher::Match> match = matchSourceRow(mapToSource(index));
    return QVariant::fromValue(match ? match->positions : QList<int>());
}

QHash<int, QByteArray> QuickSwitcherModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert(MatchPositionsRole, QByteArrayLiteral("matchPositions"));
    return names;
}

} // namespace Natter
