#include "searchquery.h"

namespace Natter {

namespace {

// The letters and digits FTS5's unicode61 tokenizer keeps in a token; combining marks stay with their letter.
bool isWordCharacter(char32_t ucs4)
{
    switch (QChar::category(ucs4)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
        return true;
    default:
        return false;
    }
}

// The code point at `index`, and how many UTF-16 code units it takes.
std::pair<char32_t, qsizetype> codePointAt(QStringView text, qsizetype index)
{
    const QChar c = text.at(index);
    if (c.isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text.at(index + 1)), 2};
    return {c.unicode(), 1};
}

struct Word
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// The words of `text`, as positions in UTF-16 code units.
QList<Word> wordsOf(QStringView text)
{
    QList<Word> words;
    qsizetype wordStart = -1;
    for (qsizetype position = 0; position < text.size();) {
        const auto [ucs4, width] = codePointAt(text, position);
        const bool inWord = isWordCharacter(ucs4);
        if (inWord && wordStart < 0)
            wordStart = position;
        if (!inWord && wordStart >= 0) {
            words.append({wordStart, position - wordStart});
            wordStart = -1;
        }
        position += width;
    }
    if (wordStart >= 0)
        words.append({wordStart, text.size() - wordStart});
    return words;
}

bool isLowSurrogateAt(const QString &text, qsizetype index)
{
    return index > 0 && index < text.size() && text.at(index).isLowSurrogate();
}

} // namespace

QString SearchQuery::fold(QStringView word)
{
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (qsizetype position = 0; position < decomposed.size();) {
        const auto [ucs4, width] = codePointAt(decomposed, position);
        position += width;
        const auto category = QChar::category(ucs4);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining)
            continue;
        const char32_t lower = QChar::toLower(ucs4);
        if (QChar::requiresSurrogates(lower)) {
            folded.append(QChar(QChar::highSurrogate(lower)));
            folded.append(QChar(QChar::lowSurrogate(lower)));
        } else {
            folded.append(QChar(static_cast<char16_t>(lower)));
        }
    }
    return folded;
}

std::optional<SearchQuery> SearchQuery::parse(const QString &text)
{
    SearchQuery query;
    for (const Word &word : wordsOf(text)) {
        const QString folded = fold(QStringView(text).mid(word.start, word.length));
        if (!folded.isEmpty() && !query.m_words.contains(folded))
            query.m_words.append(folded);
    }
    if (query.m_words.isEmpty() || query.m_words.size() > MaxWords)
        return std::nullopt;
    return query;
}

QString SearchQuery::matchExpression() const
{
    QStringList quoted;
    quoted.reserve(m_words.size());
    for (const QString &word : m_words)
        quoted.append(u'"' + QString(word).replace(u'"', QStringLiteral("\"\"")) + u'"');
    return quoted.join(u' ');
}

double SearchQuery::score(const QString &text) const
{
    // BM25's usual constants, and a typical chat line's length in words.
    constexpr double K1 = 1.2;
    constexpr double B = 0.75;
    constexpr double AverageWords = 10;
    const QList<Word> words = wordsOf(text);
    QList<int> counts(m_words.size(), 0);
    for (const Word &word : words) {
        const qsizetype index = m_words.indexOf(fold(QStringView(text).mid(word.start, word.length)));
        if (index >= 0)
            ++counts[index];
    }
    const double lengthNorm = K1 * (1 - B + B * double(words.size()) / AverageWords);
    double score = 0;
    for (const int count : std::as_const(counts))
        score += count * (K1 + 1) / (count + lengthNorm);
    return score;
}

Protocol::SearchHit SearchQuery::snippet(const QString &text) const
{
    QList<Word> matches;
    for (const Word &word : wordsOf(text)) {
        if (m_words.contains(fold(QStringView(text).mid(word.start, word.length))))
            matches.append(word);
    }

    qsizetype start = 0;
    if (text.size() > SnippetLength && !matches.isEmpty()) {
        start = qBound<qsizetype>(0, matches.first().start - SnippetLead, text.size() - SnippetLength);
        // Begin at a word when one starts shortly after the cut.
        if (start > 0) {
            const qsizetype space = text.indexOf(u' ', start);
            if (space >= 0 && space < matches.first().start && space - start < SnippetLead / 2)
                start = space + 1;
        }
    }
    if (isLowSurrogateAt(text, start))
        ++start;
    qsizetype end = qMin(text.size(), start + SnippetLength);
    if (isLowSurrogateAt(text, end))
        --end;

    Protocol::SearchHit hit;
    const QString lead = start > 0 ? QStringLiteral("…") : QString();
    QString middle = text.mid(start, end - start);
    // One line: a line break inside a snippet would only make the list of results uneven.
    for (QChar &c : middle) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    hit.snippet = lead + middle + (end < text.size() ? QStringLiteral("…") : QString());
    for (const Word &match : std::as_const(matches)) {
        if (match.start < start || match.start + match.length > end)
            continue;
        hit.ranges.append({static_cast<int>(match.start - start + lead.size()), static_cast<int>(match.length)});
    }
    return hit;
}

} // namespace Natter
