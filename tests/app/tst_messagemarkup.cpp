// The light formatting of messages: what is shown, what is formatted how, what stays literal, and that no text,
// however hostile, makes the parser slow or gives spans outside the text.

#include "messagemarkup.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Natter;
using namespace Qt::StringLiterals;

namespace {

QString kindName(MessageMarkup::Kind kind)
{
    switch (kind) {
    case MessageMarkup::Kind::Bold:
        return u"bold"_s;
    case MessageMarkup::Kind::Italic:
        return u"italic"_s;
    case MessageMarkup::Kind::Code:
        return u"code"_s;
    case MessageMarkup::Kind::CodeBlock:
        return u"block"_s;
    case MessageMarkup::Kind::Quote:
        return u"quote"_s;
    case MessageMarkup::Kind::Link:
        return u"link"_s;
    case MessageMarkup::Kind::Mention:
        return u"mention"_s;
    }
    return {};
}

// "kind:shown text" for each span, in order, separated by " | ".
QString describe(const MessageMarkup &markup)
{
    QStringList parts;
    for (const MessageMarkup::Span &span : markup.spans)
        parts.append(kindName(span.kind) + u':' + markup.text.mid(span.start, span.length));
    return parts.join(u" | "_s);
}

} // namespace

class TestMessageMarkup : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void keepsLinkTargetsAndLanguages();
    void unterminatedFenceRunsToTheEnd();
    void keepsLineBreaks();
    void mapsSourcePositions_data();
    void mapsSourcePositions();
    void hostileInputIsFast_data();
    void hostileInputIsFast();
    void fuzz();
};

void TestMessageMarkup::parses_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("spans");

    QTest::newRow("plain") << u"hello there"_s << u"hello there"_s << QString();
    QTest::newRow("bold") << u"a **bold** word"_s << u"a bold word"_s << u"bold:bold"_s;
    QTest::newRow("italic star") << u"an *italic* word"_s << u"an italic word"_s << u"italic:italic"_s;
    QTest::newRow("italic underscore") << u"an _italic_ word"_s << u"an italic word"_s << u"italic:italic"_s;
    QTest::newRow("bold underscore") << u"__strong__"_s << u"strong"_s << u"bold:strong"_s;
    QTest::newRow("bold and italic") << u"***both***"_s << u"both"_s << u"bold:both | italic:both"_s;
    QTest::newRow("italic inside bold") << u"**bold *and italic* too**"_s << u"bold and italic too"_s
                                        << u"bold:bold and italic too | italic:and italic"_s;
    QTest::newRow("bold inside italic") << u"*it **bo** it*"_s << u"it bo it"_s << u"italic:it bo it | bold:bo"_s;
    QTest::newRow("mixed markers nest") << u"_a **b** c_"_s << u"a b c"_s << u"italic:a b c | bold:b"_s;
    QTest::newRow("crossing pairs: the first closed wins") << u"*a _b* c_"_s << u"a _b c_"_s << u"italic:a _b"_s;
    QTest::newRow("three then two") << u"***a** b*"_s << u"a b"_s << u"italic:a b | bold:a"_s;
    QTest::newRow("arithmetic") << u"2*3*4 = 24"_s << u"2*3*4 = 24"_s << QString();
    QTest::newRow("snake case") << u"call snake_case_names now"_s << u"call snake_case_names now"_s << QString();
    QTest::newRow("intraword star") << u"a*b*c"_s << u"a*b*c"_s << QString();
    QTest::newRow("spaced stars") << u"a * b * c"_s << u"a * b * c"_s << QString();
    QTest::newRow("space inside marker") << u"** not bold**"_s << u"** not bold**"_s << QString();
    QTest::newRow("unmatched opener") << u"*still open"_s << u"*still open"_s << QString();
    QTest::newRow("unmatched closer") << u"closed*"_s << u"closed*"_s << QString();
    QTest::newRow("unmatched bold") << u"**half"_s << u"**half"_s << QString();
    QTest::newRow("four stars literal") << u"****"_s << u"****"_s << QString();
    QTest::newRow("long star run literal") << u"****x****"_s << u"****x****"_s << QString();
    QTest::newRow("punctuation beside markers") << u"(*yes*), no."_s << u"(yes), no."_s << u"italic:yes"_s;
    QTest::newRow("markers across lines stay") << u"*one\ntwo*"_s << u"*one\ntwo*"_s << QString();
    QTest::newRow("inline code") << u"run `make -j2` now"_s << u"run make -j2 now"_s << u"code:make -j2"_s;
    QTest::newRow("no formatting in code") << u"`**not bold**`"_s << u"**not bold**"_s << u"code:**not bold**"_s;
    QTest::newRow("no link in code") << u"`https://a.example`"_s << u"https://a.example"_s
                                     << u"code:https://a.example"_s;
    QTest::newRow("double backticks hold one") << u"``a ` b``"_s << u"a ` b"_s << u"code:a ` b"_s;
    QTest::newRow("lone backtick") << u"it`s"_s << u"it`s"_s << QString();
    QTest::newRow("bold code") << u"**`x`**"_s << u"x"_s << u"bold:x | code:x"_s;
    QTest::newRow("html is text") << u"<b>x</b>"_s << u"<b>x</b>"_s << QString();
    QTest::newRow("html entity is text") << u"&lt;b&gt; &amp;"_s << u"&lt;b&gt; &amp;"_s << QString();
    QTest::newRow("quote") << u"> quoted\nanswer"_s << u"quoted\nanswer"_s << u"quote:quoted"_s;
    QTest::newRow("empty quote line") << u">\n> b"_s << u"\nb"_s << u"quote: | quote:b"_s;
    QTest::newRow("quote with bold") << u"> **hi**"_s << u"hi"_s << u"quote:hi | bold:hi"_s;
    QTest::newRow("greater than is no quote") << u">not a quote\n a > b"_s << u">not a quote\n a > b"_s << QString();
    QTest::newRow("link") << u"see https://qt.io."_s << u"see https://qt.io."_s << u"link:https://qt.io"_s;
    QTest::newRow("link in parentheses") << u"(https://qt.io)"_s << u"(https://qt.io)"_s << u"link:https://qt.io"_s;
    QTest::newRow("mailto") << u"mail mailto:ada@example.org!"_s << u"mail mailto:ada@example.org!"_s
                            << u"link:mailto:ada@example.org"_s;
    QTest::newRow("link with underscores")
        << u"https://a.example/x_y_z"_s << u"https://a.example/x_y_z"_s << u"link:https://a.example/x_y_z"_s;
    QTest::newRow("link with stars") << u"https://a.example/*x*"_s << u"https://a.example/*x*"_s
                                     << u"link:https://a.example/*x"_s;
    QTest::newRow("bold link") << u"**https://qt.io**"_s << u"https://qt.io"_s
                               << u"bold:https://qt.io | link:https://qt.io"_s;
    QTest::newRow("italic link") << u"_https://qt.io_"_s << u"https://qt.io"_s
                                 << u"italic:https://qt.io | link:https://qt.io"_s;
    QTest::newRow("mention") << u"hi @ada, look"_s << u"hi @ada, look"_s << u"mention:@ada"_s;
    QTest::newRow("mention ends a sentence") << u"thanks @ada."_s << u"thanks @ada."_s << u"mention:@ada"_s;
    QTest::newRow("mention with underscore")
        << u"@bob_smith _x_"_s << u"@bob_smith x"_s << u"mention:@bob_smith | italic:x"_s;
    QTest::newRow("email is no mention") << u"ada@example.org"_s << u"ada@example.org"_s << QString();
    QTest::newRow("lone at") << u"@ alone @"_s << u"@ alone @"_s << QString();
    QTest::newRow("fenced block") << u"look:\n```\nint x = 1;\n**no**\n```\ndone"_s
                                  << u"look:\nint x = 1;\n**no**\ndone"_s << u"block:int x = 1;\n**no**"_s;
    QTest::newRow("fenced block with language")
        << u"```cpp\nauto x = `y`;\n```"_s << u"auto x = `y`;"_s << u"block:auto x = `y`;"_s;
    QTest::newRow("fence needs its own line") << u"a ```b``` c"_s << u"a b c"_s << u"code:b"_s;
    QTest::newRow("fence with words is no fence")
        << u"```not a fence```"_s << u"not a fence"_s << u"code:not a fence"_s;
    QTest::newRow("empty block") << u"a\n```\n```\nb"_s << u"a\nb"_s << QString();
    QTest::newRow("quote inside block is code") << u"```\n> x\n```"_s << u"> x"_s << u"block:> x"_s;
    QTest::newRow("crlf") << u"*a*\r\nb"_s << u"a\nb"_s << u"italic:a"_s;
}

void TestMessageMarkup::parses()
{
    QFETCH(QString, source);
    QFETCH(QString, shown);
    QFETCH(QString, spans);

    const MessageMarkup markup = MessageMarkup::parse(source);
    QCOMPARE(markup.text, shown);
    QCOMPARE(describe(markup), spans);
}

void TestMessageMarkup::keepsLinkTargetsAndLanguages()
{
    const MessageMarkup markup = MessageMarkup::parse(u"www.qt.io and https://a.example/b\n```python\nx\n```"_s);
    const QList<MessageMarkup::Span> links = markup.spansOf(MessageMarkup::Kind::Link);
    QCOMPARE(links.size(), 2);
    QCOMPARE(MessageMarkup::linkUrl(links.at(0)), QUrl(u"http://www.qt.io"_s));
    QCOMPARE(MessageMarkup::linkUrl(links.at(1)), QUrl(u"https://a.example/b"_s));
    const QList<MessageMarkup::Span> blocks = markup.spansOf(MessageMarkup::Kind::CodeBlock);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.at(0).value, u"python"_s);
    const QList<MessageMarkup::Span> mentions = MessageMarkup::parse(u"@Ada-Lovelace."_s).spans;
    QCOMPARE(mentions.size(), 1);
    QCOMPARE(mentions.at(0).value, u"Ada-Lovelace"_s);
}

void TestMessageMarkup::unterminatedFenceRunsToTheEnd()
{
    const MessageMarkup markup = MessageMarkup::parse(u"before\n```\ncode *a*\nmore `b`"_s);
    QCOMPARE(markup.text, u"before\ncode *a*\nmore `b`"_s);
    QCOMPARE(describe(markup), u"block:code *a*\nmore `b`"_s);
}

void TestMessageMarkup::keepsLineBreaks()
{
    const MessageMarkup markup = MessageMarkup::parse(u"\n\na\n\n"_s);
    QCOMPARE(markup.text, u"\n\na\n\n"_s);
    QVERIFY(MessageMarkup::parse(QString()).text.isEmpty());
}

void TestMessageMarkup::mapsSourcePositions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("start"); // a range of the source …
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("shown"); // … and the shown text it covers
    QTest::newRow("bold") << u"a **word** b"_s << 4 << 4 << u"word"_s;
    QTest::newRow("bold with its marks") << u"a **word** b"_s << 2 << 8 << u"word"_s;
    QTest::newRow("after bold") << u"**x** word"_s << 6 << 4 << u"word"_s;
    QTest::newRow("code") << u"run `make` now"_s << 5 << 4 << u"make"_s;
    QTest::newRow("quote") << u"> quoted word"_s << 9 << 4 << u"word"_s;
    QTest::newRow("second line") << u"one\n> *two* three"_s << 12 << 5 << u"three"_s;
    QTest::newRow("code block") << u"```cpp\nint word;\n```\nafter"_s << 11 << 4 << u"word"_s;
    QTest::newRow("after a code block") << u"```\nx\n```\nafter"_s << 10 << 5 << u"after"_s;
    QTest::newRow("crlf") << u"a\r\n**b** word"_s << 9 << 4 << u"word"_s;
    QTest::newRow("literal marks") << u"2*3*4 word"_s << 0 << 5 << u"2*3*4"_s;
    QTest::newRow("html stays") << u"<b>word</b>"_s << 3 << 4 << u"word"_s;
}

void TestMessageMarkup::mapsSourcePositions()
{
    QFETCH(QString, source);
    QFETCH(int, start);
    QFETCH(int, length);
    QFETCH(QString, shown);
    QList<qsizetype> positions;
    const MessageMarkup markup = MessageMarkup::parse(source, &positions);
    const MessageMarkup plain = MessageMarkup::parse(source); // the map changes nothing else
    QCOMPARE(markup.text, plain.text);
    QCOMPARE(markup.spans, plain.spans);
    QCOMPARE(positions.size(), source.size() + 1);
    QCOMPARE(positions.last(), markup.text.size());
    const qsizetype from = positions.at(start);
    QCOMPARE(markup.text.mid(from, positions.at(start + length) - from), shown);
}

void TestMessageMarkup::hostileInputIsFast_data()
{
    QTest::addColumn<QString>("source");
    const qsizetype size = 100 * 1024;
    QTest::newRow("stars") << QString(size, u'*');
    QTest::newRow("backticks") << QString(size, u'`');
    QTest::newRow("underscores") << QString(size, u'_');
    QTest::newRow("star words") << u"*a "_s.repeated(size / 3);
    QTest::newRow("open and close") << u"*a* "_s.repeated(size / 4);
    QTest::newRow("alternating openers") << u"*a _b "_s.repeated(size / 6);
    QTest::newRow("nested openers") << u"**_"_s.repeated(size / 3) + u"x"_s;
    QTest::newRow("backtick runs") << u"` `` ``` "_s.repeated(size / 9);
    QTest::newRow("growing backtick runs") << [] {
        QString text;
        for (int length = 1; text.size() < 100 * 1024; ++length)
            text += QString(length, u'`') + u'x';
        return text;
    }();
    QTest::newRow("fences") << u"```\n"_s.repeated(size / 4);
    QTest::newRow("quotes") << u"> *\n"_s.repeated(size / 4);
    QTest::newRow("mentions") << u"@a@"_s.repeated(size / 3);
    QTest::newRow("link prefixes") << u"http://"_s.repeated(size / 7);
}

void TestMessageMarkup::hostileInputIsFast()
{
    QFETCH(QString, source);
    QElapsedTimer timer;
    timer.start();
    const MessageMarkup markup = MessageMarkup::parse(source);
    // Linear time parses 100 KB in a few milliseconds; quadratic time would take seconds.
    QVERIFY2(timer.elapsed() < 500, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QVERIFY(markup.text.size() <= source.size());
}

void TestMessageMarkup::fuzz()
{
    // Random strings of markers and a few letters: spans stay inside the shown text, inline spans nest and never
    // cross, and the shown text is never longer than what was written.
    const QString alphabet = u"**__``> \n@a1.:/(h)"_s;
    QRandomGenerator random(20261203);
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 20000; ++round) {
        QString source;
        const int length = static_cast<int>(random.bounded(1, 60));
        for (int i = 0; i < length; ++i)
            source += alphabet.at(static_cast<int>(random.bounded(static_cast<int>(alphabet.size()))));
        if (round % 7 == 0)
            source.insert(static_cast<int>(random.bounded(static_cast<int>(source.size()) + 1)), u"https://x.y "_s);
        if (round % 11 == 0)
            source.insert(0, u"```\n"_s);
        QList<qsizetype> positions;
        const MessageMarkup markup = MessageMarkup::parse(source, &positions);
        const auto context = [&] { return qPrintable(u"source: "_s + source); };
        QVERIFY2(markup.text.size() <= source.size(), context());
        // Positions never go back, and a character that takes a place in the shown text is itself there.
        QVERIFY2(positions.size() == source.size() + 1 && positions.last() == markup.text.size(), context());
        for (qsizetype i = 0; i < source.size(); ++i) {
            QVERIFY2(positions.at(i) >= 0 && positions.at(i) <= positions.at(i + 1), context());
            if (positions.at(i) < positions.at(i + 1))
                QVERIFY2(markup.text.at(positions.at(i)) == source.at(i), context());
        }
        qsizetype previousStart = 0;
        for (const MessageMarkup::Span &span : markup.spans) {
            QVERIFY2(span.start >= 0 && span.length >= 0 && span.end() <= markup.text.size(), context());
            QVERIFY2(span.start >= previousStart, context()); // ordered
            previousStart = span.start;
        }
        // Inline spans (and links, mentions, code) nest or are apart; code, links and mentions never overlap.
        for (qsizetype i = 0; i < markup.spans.size(); ++i) {
            const MessageMarkup::Span &a = markup.spans.at(i);
            for (qsizetype j = i + 1; j < markup.spans.size(); ++j) {
                const MessageMarkup::Span &b = markup.spans.at(j);
                const bool apart = b.start >= a.end() || a.start >= b.end();
                const bool nested =
                    (b.start >= a.start && b.end() <= a.end()) || (a.start >= b.start && a.end() <= b.end());
                QVERIFY2(apart || nested, context());
                const auto opaque = [](MessageMarkup::Kind kind) {
                    return kind == MessageMarkup::Kind::Code || kind == MessageMarkup::Kind::Link
                        || kind == MessageMarkup::Kind::Mention || kind == MessageMarkup::Kind::CodeBlock;
                };
                if (opaque(a.kind) && opaque(b.kind) && a.length > 0 && b.length > 0)
                    QVERIFY2(apart, context());
            }
        }
    }
    QVERIFY2(timer.elapsed() < 10000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestMessageMarkup)
#include "tst_messagemarkup.moc"
