#include "fuzzymatcher.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

namespace Natter {

namespace {

// Scores are in points; only their order matters. A matched letter is worth much more than a skipped one
// costs, so a longer query that still matches always outranks a shorter one that merely sits tighter.
constexpr int MatchPoints = 16;
constexpr int WordStartBonus = 12;
constexpr int ConsecutiveBonus = 10;
constexpr int PrefixBonus = 16;
constexpr int WholeNameBonus = 8;
constexpr int GapPenalty = 1; // per character skipped between two matched ones
constexpr int LeadingGapPenaltyCap = 8; // characters skipped before the first match cost at most this much

constexpr int NoMatch = std::numeric_limits<int>::min() / 2;

// A text reduced to what matching compares: case folded, accents removed, each character remembering where in
// the original it came from and whether it starts a word there.
struct FoldedText
{
    QString text;
    QList<int> origin;
    QList<bool> wordStart;
};

bool isMark(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

bool isWordSeparator(char32_t codePoint)
{
    return QChar::isSpace(codePoint) || codePoint == U'-' || codePoint == U'_' || codePoint == U'.';
}

FoldedText fold(const QString &original)
{
    FoldedText folded;
    folded.text.reserve(original.size());
    std::optional<char32_t> previousBase;

    for (qsizetype i = 0; i < original.size();) {
        const qsizetype start = i;
        qsizetype length = 1;
        if (original.at(i).isHighSurrogate() && i + 1 < original.size() && original.at(i + 1).isLowSurrogate())
            length = 2;
        i += length;

        QString piece = original.mid(start, length);
        if (piece.at(0).unicode() >= 0x80)
            piece = piece.normalized(QString::NormalizationForm_D); // "é" becomes "e" and a combining accent

        for (const char32_t base : piece.toUcs4()) {
            if (isMark(base))
                continue;
            const bool startsWord = !previousBase || isWordSeparator(*previousBase)
                || (QChar::isLower(*previousBase) && QChar::isUpper(base));
            previousBase = base;
            const QString lower = QString::fromUcs4(&base, 1).toCaseFolded();
            for (qsizetype unit = 0; unit < lower.size(); ++unit) {
                folded.text.append(lower.at(unit));
                folded.origin.append(int(start));
                folded.wordStart.append(startsWord && unit == 0); // the second half of a surrogate pair starts nothing
            }
        }
    }
    return folded;
}

} // namespace

FuzzyMatcher::FuzzyMatcher(const QString &query)
    : m_query(query)
{
    const QString folded = fold(query).text;
    m_foldedQuery.reserve(folded.size());
    for (const QChar c : folded) {
        if (!c.isSpace())
            m_foldedQuery.append(c);
    }
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::match(const QString &candidate) const
{
    if (m_foldedQuery.isEmpty())
        return Match{};

    const FoldedText name = fold(candidate);
    const auto n = qsizetype(name.text.size());
    const auto m = qsizetype(m_foldedQuery.size());
    if (m > n)
        return std::nullopt;

    // best[j * n + i]: the highest score of matching query[0..j] with query[j] on name[i];
    // from[j * n + i]: where query[j - 1] sits in that best match.
    std::vector<int> best(size_t(m * n), NoMatch);
    std::vector<int> from(size_t(m * n), -1);
    const auto cell = [n](qsizetype j, qsizetype i) { return size_t(j * n + i); };
    const auto letterScore = [&name](qsizetype i) { return MatchPoints + (name.wordStart.at(i) ? WordStartBonus : 0); };

    for (qsizetype i = 0; i < n; ++i) {
        if (name.text.at(i) != m_foldedQuery.at(0))
            continue;
        const int leadingGap = int(std::min<qsizetype>(i, LeadingGapPenaltyCap));
        best[cell(0, i)] = letterScore(i) + (i == 0 ? PrefixBonus : 0) - leadingGap * GapPenalty;
    }

    for (qsizetype j = 1; j < m; ++j) {
        // The best earlier placement that leaves a gap, with the gap's cost counted from position 0, so that
        // one running maximum serves every i: cost(k → i) = (i - k - 1) * GapPenalty.
        int bestWithGap = NoMatch;
        int bestWithGapAt = -1;
        for (qsizetype i = j; i < n; ++i) {
            if (i >= 2) {
                const qsizetype k = i - 2;
                const int previous = best[cell(j - 1, k)];
                if (previous != NoMatch && previous + int(k) * GapPenalty > bestWithGap) {
                    bestWithGap = previous + int(k) * GapPenalty;
                    bestWithGapAt = int(k);
                }
            }
            if (name.text.at(i) != m_foldedQuery.at(j))
                continue;

            const int adjacent = best[cell(j - 1, i - 1)];
            const int viaAdjacent = adjacent == NoMatch ? NoMatch : adjacent + ConsecutiveBonus;
            const int viaGap = bestWithGap == NoMatch ? NoMatch : bestWithGap - int(i - 1) * GapPenalty;
            if (viaAdjacent == NoMatch && viaGap == NoMatch)
                continue;
            if (viaAdjacent >= viaGap) {
                best[cell(j, i)] = viaAdjacent + letterScore(i);
                from[cell(j, i)] = int(i - 1);
            } else {
                best[cell(j, i)] = viaGap + letterScore(i);
                from[cell(j, i)] = bestWithGapAt;
            }
        }
    }

    int end = -1;
    for (qsizetype i = m - 1; i < n; ++i) {
        if (best[cell(m - 1, i)] != NoMatch && (end < 0 || best[cell(m - 1, i)] > best[cell(m - 1, end)]))
            end = int(i);
    }
    if (end < 0)
        return std::nullopt;

    Match result;
    result.score = best[cell(m - 1, end)] + (m == n ? WholeNameBonus : 0);
    QList<int> folded(m);
    for (qsizetype j = m - 1, i = end; j >= 0; --j) {
        folded[j] = int(i);
        i = from[cell(j, i)];
    }
    for (const int i : folded) {
        const int position = name.origin.at(i);
        if (result.positions.isEmpty() || result.positions.constLast() != position)
            result.positions.append(position);
    }
    return result;
}

} // namespace Natter
