#pragma once

// Decides whether a typed query picks out a name, as letters of the name in order, and scores how well.

#include <QList>
#include <QString>

#include <optional>

namespace Natter {

// Matching ignores case and accents ("e" finds "é") and skips the query's spaces. A match scores higher when its
// letters start words ("dm" in "design-meeting", "gs" in "GameStudio"), follow one another, and begin the name;
// gaps between them cost a little.
class FuzzyMatcher
{
public:
    struct Match
    {
        int score = 0;
        QList<int> positions; // indexes into the candidate of the characters the query matched, ascending
    };

    explicit FuzzyMatcher(const QString &query = {});

    QString query() const { return m_query; }
    // An empty query matches every candidate with score 0 and no positions.
    std::optional<Match> match(const QString &candidate) const;

private:
    QString m_query;
    QString m_foldedQuery;
};

} // namespace Natter
