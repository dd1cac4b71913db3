#pragma once

// What a person typed into search, as the words the full-text index matches, and where those words are in a text.

#include "searchmessages.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Natter {

class SearchQuery
{
public:
    static constexpr int MaxWords = 16;
    static constexpr int SnippetLength = 160; // UTF-16 code units of text around the first match
    static constexpr int SnippetLead = 40; // of them before the first match, when the text is cut

    // The words of `text`, or nullopt when it has none or more than MaxWords. Anything that is not a letter or a
    // digit separates words, so no search syntax (quotes, NEAR, *, AND) can reach the index.
    static std::optional<SearchQuery> parse(const QString &text);

    // A word as the index compares it: lower case, without diacritics.
    static QString fold(QStringView word);

    const QStringList &words() const { return m_words; }
    // The FTS5 expression: every word as a quoted string, all of them required.
    QString matchExpression() const;
    // How well `text` matches, higher is better: BM25's weight of each word's count against the text's length,
    // every word weighing the same (FTS5's own bm25() would count each word's documents over the whole index,
    // which costs as much as reading every match of a common word).
    double score(const QString &text) const;
    // The part of `text` around the first word of the query, and where the words are in it.
    Protocol::SearchHit snippet(const QString &text) const;

private:
    QStringList m_words; // folded, without repeats
};

} // namespace Natter
