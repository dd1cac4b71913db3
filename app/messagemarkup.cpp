#include "messagemarkup.h"

#include "textlinks.h"

#include <QHash>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

using Kind = MessageMarkup::Kind;
using Span = MessageMarkup::Span;

constexpr qsizetype MinimumFence = 3;
constexpr qsizetype LongestEmphasisRun = 3; // "***": bold and italic; longer runs are literal

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'_';
}

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'_' || c == u'-' || c == u'.';
}

// "```" or more backticks, then nothing or one word (the language); the count of backticks, else 0.
qsizetype fenceOpening(QStringView line, QString *language)
{
    const QStringView trimmed = line.trimmed();
    qsizetype ticks = 0;
    while (ticks < trimmed.size() && trimmed.at(ticks) == u'`')
        ++ticks;
    if (ticks < MinimumFence)
        return 0;
    const QStringView rest = trimmed.sliced(ticks).trimmed();
    const bool oneWord = std::all_of(rest.begin(), rest.end(),
                                     [](QChar c) { return c.isLetterOrNumber() || QStringView(u"_+#.-").contains(c); });
    if (!oneWord)
        return 0;
    *language = rest.toString();
    return ticks;
}

bool closesFence(QStringView line, qsizetype ticks)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.size() >= ticks && std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c == u'`'; });
}

// One line outside code blocks: code spans, links, mentions and emphasis, appended to `out` without markers.
class InlineParser
{
public:
    // `positions`, when set, receives each character's position in `out` (see MessageMarkup::parse).
    InlineParser(QStringView line, QString &out, QList<Span> &spans, qsizetype *positions = nullptr)
        : m_line(line)
        , m_out(out)
        , m_spans(spans)
        , m_positions(positions)
        , m_removed(static_cast<std::size_t>(line.size()), false)
        , m_opaque(static_cast<std::size_t>(line.size()), false)
    { }

    void run()
    {
        findCodeSpans();
        findLinksAndMentions();
        findEmphasis();
        appendKept();
    }

private:
    void markOpaque(qsizetype start, qsizetype end)
    {
        std::fill(m_opaque.begin() + start, m_opaque.begin() + end, true);
    }
    void remove(qsizetype start, qsizetype end) { std::fill(m_removed.begin() + start, m_removed.begin() + end, true); }

    // A run of n backticks opens a code span that the next run of exactly n backticks closes. The next run of
    // each length is found from the right in one pass, so a line of backticks costs no more than its length.
    void findCodeSpans()
    {
        struct Run
        {
            qsizetype start;
            qsizetype length;
            qsizetype nextSame; // index of the next run of this length; -1: none
        };
        std::vector<Run> runs;
        for (qsizetype i = 0; i < m_line.size();) {
            if (m_line.at(i) != u'`') {
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < m_line.size() && m_line.at(end) == u'`')
                ++end;
            runs.push_back({i, end - i, -1});
            i = end;
        }
        QHash<qsizetype, qsizetype> lastOfLength;
        for (auto i = static_cast<qsizetype>(runs.size()) - 1; i >= 0; --i) {
            Run &run = runs[static_cast<std::size_t>(i)];
            run.nextSame = lastOfLength.value(run.length, -1);
            lastOfLength.insert(run.length, i);
        }
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const Run &open = runs[i];
            if (open.nextSame < 0)
                continue; // literal backticks
            const Run &close = runs[static_cast<std::size_t>(open.nextSame)];
            remove(open.start, open.start + open.length);
            remove(close.start, close.start + close.length);
            markOpaque(open.start, close.start + close.length);
            m_found.append({Kind::Code, open.start + open.length, close.start - open.start - open.length, {}});
            i = static_cast<std::size_t>(open.nextSame); // the loop steps past the closing run
        }
    }

    void findLinksAndMentions()
    {
        // Links in each stretch between code spans, so that a link never runs into code.
        for (qsizetype start = 0; start < m_line.size();) {
            if (m_opaque[start]) {
                ++start;
                continue;
            }
            qsizetype end = start;
            while (end < m_line.size() && !m_opaque[end])
                ++end;
            const QString stretch = m_line.sliced(start, end - start).toString();
            for (const TextLinks::Link &link : TextLinks::find(stretch)) {
                m_found.append({Kind::Link, start + link.start, link.length, stretch.mid(link.start, link.length)});
                markOpaque(start + link.start, start + link.start + link.length);
            }
            start = end;
        }
        // "@name" at the start of a word, the name up to a character no name token has; a final '.' or '-' is
        // punctuation ("thanks @ada.").
        for (qsizetype i = 0; i + 1 < m_line.size(); ++i) {
            if (m_line.at(i) != u'@' || m_opaque[i] || (i > 0 && isWordCharacter(m_line.at(i - 1))))
                continue;
            qsizetype end = i + 1;
            while (end < m_line.size() && !m_opaque[end] && isNameCharacter(m_line.at(end)))
                ++end;
            while (end > i + 1 && (m_line.at(end - 1) == u'.' || m_line.at(end - 1) == u'-'))
                --end;
            if (end == i + 1)
                continue;
            m_found.append({Kind::Mention, i, end - i, m_line.sliced(i + 1, end - i - 1).toString()});
            markOpaque(i, end);
            i = end - 1;
        }
    }

    // What a marker run sees beside it: code, links and mentions count as letters, so "*`x`*" is italic code.
    bool isWordAt(qsizetype i) const { return m_opaque[i] || isWordCharacter(m_line.at(i)); }
    bool isSpaceAt(qsizetype i) const { return !m_opaque[i] && m_line.at(i).isSpace(); }

    // Markers count only at word boundaries: an opening run is not preceded by a letter or digit and is followed by
    // something other than a space; a closing run the other way round. Each closing run takes the nearest open run of
    // its character; the open runs of the other character inside the pair are dropped (they stay literal), so spans
    // nest and never cross. Every run is pushed and popped at most once: linear.
    void findEmphasis()
    {
        struct Open
        {
            qsizetype start;
            qsizetype length; // the markers not used yet, at the start of the run
        };
        std::vector<Open> stars;
        std::vector<Open> underscores;
        for (qsizetype i = 0; i < m_line.size();) {
            const QChar c = m_line.at(i);
            if (m_opaque[i] || (c != u'*' && c != u'_')) {
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < m_line.size() && !m_opaque[end] && m_line.at(end) == c)
                ++end;
            qsizetype start = i;
            qsizetype length = end - i;
            i = end;
            if (length > LongestEmphasisRun)
                continue;
            const bool afterSpace = start == 0 || isSpaceAt(start - 1);
            const bool afterWord = start > 0 && isWordAt(start - 1);
            const bool beforeSpace = end == m_line.size() || isSpaceAt(end);
            const bool beforeWord = end < m_line.size() && isWordAt(end);
            const bool canOpen = !afterWord && !beforeSpace;
            const bool canClose = !afterSpace && !beforeWord;
            std::vector<Open> &same = c == u'*' ? stars : underscores;
            std::vector<Open> &other = c == u'*' ? underscores : stars;
            while (canClose && length > 0 && !same.empty()) {
                Open &open = same.back();
                while (!other.empty() && other.back().start > open.start)
                    other.pop_back();
                const qsizetype used = std::min(open.length, length);
                const qsizetype contentStart = open.start + open.length;
                remove(contentStart - used, contentStart);
                remove(start, start + used);
                if (used != 2)
                    m_found.append({Kind::Italic, contentStart, start - contentStart, {}});
                if (used >= 2)
                    m_found.append({Kind::Bold, contentStart, start - contentStart, {}});
                open.length -= used;
                if (open.length == 0)
                    same.pop_back();
                start += used;
                length -= used;
            }
            if (length > 0 && canOpen)
                same.push_back({start, length});
        }
    }

    // Appends the kept characters and moves every span from line positions to positions in `out`.
    void appendKept()
    {
        std::vector<qsizetype> position(static_cast<std::size_t>(m_line.size()) + 1);
        for (qsizetype i = 0; i < m_line.size(); ++i) {
            position[static_cast<std::size_t>(i)] = m_out.size();
            if (!m_removed[static_cast<std::size_t>(i)])
                m_out.append(m_line.at(i));
        }
        position[static_cast<std::size_t>(m_line.size())] = m_out.size();
        if (m_positions)
            std::copy(position.cbegin(), position.cend() - 1, m_positions);
        for (Span span : std::as_const(m_found)) {
            const qsizetype start = position[static_cast<std::size_t>(span.start)];
            span.length = position[static_cast<std::size_t>(span.end())] - start;
            span.start = start;
            if (span.length > 0 || span.kind == Kind::Code)
                m_spans.append(span);
        }
    }

    QStringView m_line;
    QString &m_out;
    QList<Span> &m_spans;
    qsizetype *m_positions;
    std::vector<bool> m_removed;
    std::vector<bool> m_opaque; // code, links, mentions: no markers inside
    QList<Span> m_found; // in line positions
};

} // namespace

MessageMarkup MessageMarkup::parse(const QString &source)
{
    return parse(source, nullptr);
}

MessageMarkup MessageMarkup::parse(const QString &source, QList<qsizetype> *positions)
{
    MessageMarkup markup;
    QString normalized = source;
    if (normalized.contains(u'\r')) {
        normalized.replace(u"\r\n"_s, u"\n"_s);
        normalized.replace(u'\r', u'\n');
    }
    markup.text.reserve(normalized.size());
    // Where each character of the normalized source went; -1 until known (a mark, a fence line: the next shown).
    QList<qsizetype> shownAt;
    if (positions)
        shownAt.fill(-1, normalized.size() + 1);
    const auto lineOffset = [&normalized](QStringView line) { return qsizetype(line.data() - normalized.constData()); };

    qsizetype fenceTicks = 0; // inside a code block: the opening fence's backticks
    qsizetype blockStart = -1; // where the block's first line went in text; -1 before it has one
    QString language;
    bool firstLine = true;
    const auto closeBlock = [&] {
        if (blockStart >= 0)
            markup.spans.append({Kind::CodeBlock, blockStart, markup.text.size() - blockStart, language});
        fenceTicks = 0;
        blockStart = -1;
    };
    const auto startLine = [&](QStringView line) {
        if (!firstLine) {
            if (positions)
                shownAt[lineOffset(line) - 1] = markup.text.size(); // the line break before it
            markup.text.append(u'\n');
        }
        firstLine = false;
    };

    for (const QStringView line : QStringView(normalized).tokenize(u'\n')) {
        if (fenceTicks > 0) {
            if (closesFence(line, fenceTicks)) {
                closeBlock();
                continue;
            }
            startLine(line);
            if (blockStart < 0)
                blockStart = markup.text.size();
            if (positions) {
                for (qsizetype i = 0; i < line.size(); ++i)
                    shownAt[lineOffset(line) + i] = markup.text.size() + i;
            }
            markup.text.append(line); // code: verbatim
            continue;
        }
        if (const qsizetype ticks = fenceOpening(line, &language); ticks > 0) {
            fenceTicks = ticks;
            continue;
        }
        startLine(line);
        const auto inlineLine = [&](QStringView part) {
            InlineParser(part, markup.text, markup.spans, positions ? shownAt.data() + lineOffset(part) : nullptr)
                .run();
        };
        if (line.startsWith(u'>') && (line.size() == 1 || line.at(1) == u' ')) {
            const qsizetype quoteStart = markup.text.size();
            const qsizetype spanIndex = markup.spans.size();
            inlineLine(line.sliced(std::min<qsizetype>(2, line.size())));
            markup.spans.insert(spanIndex, {Kind::Quote, quoteStart, markup.text.size() - quoteStart, {}});
        } else {
            inlineLine(line);
        }
    }
    if (fenceTicks > 0)
        closeBlock(); // an unterminated fence runs to the end
    if (positions) {
        // Marks and fence lines show as the next character shown.
        shownAt[normalized.size()] = markup.text.size();
        for (qsizetype i = normalized.size() - 1; i >= 0; --i) {
            if (shownAt[i] < 0)
                shownAt[i] = shownAt[i + 1];
        }
        // Back from the normalized source to the source: a "\r\n" shows where its "\n" does.
        positions->resize(source.size() + 1);
        qsizetype at = 0;
        for (qsizetype i = 0; i < source.size(); ++i) {
            (*positions)[i] = shownAt[at];
            if (!(source.at(i) == u'\r' && i + 1 < source.size() && source.at(i + 1) == u'\n'))
                ++at;
        }
        (*positions)[source.size()] = markup.text.size();
    }
    std::stable_sort(markup.spans.begin(), markup.spans.end(), [](const Span &a, const Span &b) {
        // The enclosing span first, so that a reader meets spans as they open.
        if (a.start != b.start)
            return a.start < b.start;
        if (a.length != b.length)
            return a.length > b.length;
        return a.kind < b.kind;
    });
    return markup;
}

QList<MessageMarkup::Span> MessageMarkup::spansOf(Kind kind) const
{
    QList<Span> found;
    for (const Span &span : spans) {
        if (span.kind == kind)
            found.append(span);
    }
    return found;
}

QUrl MessageMarkup::linkUrl(const Span &span)
{
    const bool bare = span.value.startsWith(u"www."_s, Qt::CaseInsensitive);
    return QUrl(bare ? u"http://"_s + span.value : span.value, QUrl::TolerantMode);
}

} // namespace Natter
