#pragma once

// Reads the light formatting of a chat message's plain text (bold, italic, code, fenced code blocks, quote lines,
// links and @mentions) into the text to show and the spans to format it with. Nothing is ever interpreted as
// HTML: "<b>" stays the three characters it is. The rules are in docs/formatting.md.

#include <QList>
#include <QString>
#include <QUrl>

namespace Natter {

class MessageMarkup
{
public:
    // Block kinds first: of two spans over the same text, the block's comes first.
    enum class Kind {
        CodeBlock, // the lines of a fenced block, without the fences
        Quote, // one quote line, without its "> "
        Bold,
        Italic,
        Code, // inline code
        Link,
        Mention, // "@name": the span covers the @ too
    };

    struct Span
    {
        Kind kind = Kind::Bold;
        qsizetype start = 0; // in text
        qsizetype length = 0;
        QString value; // Link: the URL as written; CodeBlock: the language word, if any; Mention: the name

        qsizetype end() const { return start + length; }
        friend bool operator==(const Span &, const Span &) = default;
    };

    // Parses in time linear in the text's length, without recursion, whatever the text.
    static MessageMarkup parse(const QString &source);
    // The same, and where each character of `source` went in text: (*positions)[i] is the index in text of source's
    // character i, or of the next character shown after it when i is a mark; (*positions)[source.size()] is
    // text.size(). A range of source [a, b) shows as [(*positions)[a], (*positions)[b]).
    static MessageMarkup parse(const QString &source, QList<qsizetype> *positions);

    // The spans of one kind, in order.
    QList<Span> spansOf(Kind kind) const;
    // The URL of a Link span.
    static QUrl linkUrl(const Span &span);

    QString text; // what is shown: the markers gone, line breaks as '\n'
    QList<Span> spans; // ordered by start; inline spans nest and never cross
};

} // namespace Natter
