// SearchQuery: what a person typed becomes quoted words, so no search syntax reaches the index; folding ignores case
// and diacritics; snippets cut long texts around the first match without splitting a character, and their ranges
// always lie inside them, whatever the text.

#include "searchquery.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Natter;
using namespace Qt::StringLiterals;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void wordsAreQuoted_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expression");
        QTest::newRow("one word") << u"Deploy"_s << u"\"deploy\""_s;
        QTest::newRow("two words") << u"deploy  Friday"_s << u"\"deploy\" \"friday\""_s;
        QTest::newRow("repeats once") << u"go GO Go"_s << u"\"go\""_s;
        QTest::newRow("quotes and operators")
            << u"\"a\" NEAR(b c) OR d*"_s << u"\"a\" \"near\" \"b\" \"c\" \"or\" \"d\""_s;
        QTest::newRow("column filter") << u"text:secret"_s << u"\"text\" \"secret\""_s;
        QTest::newRow("diacritics") << u"Ærø Café naïve"_s << u"\"ærø\" \"cafe\" \"naive\""_s;
        QTest::newRow("decomposed accent") << u"cafe\u0301"_s << u"\"cafe\""_s;
        QTest::newRow("digits and CJK") << u"v2 山田"_s << u"\"v2\" \"山田\""_s;
        QTest::newRow("emoji separate") << u"ship😀it"_s << u"\"ship\" \"it\""_s;
    }

    void wordsAreQuoted()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expression);
        const auto query = SearchQuery::parse(typed);
        QVERIFY(query);
        QCOMPARE(query->matchExpression(), expression);
    }

    void queriesWithoutWordsOrTooManyAreRefused()
    {
        QVERIFY(!SearchQuery::parse(QString()));
        QVERIFY(!SearchQuery::parse(u"*"_s));
        QVERIFY(!SearchQuery::parse(u"\" ( ) : ^ - +"_s));
        QVERIFY(!SearchQuery::parse(u"😀 🎉"_s));
        QStringList words;
        for (int i = 0; i < SearchQuery::MaxWords; ++i)
            words.append(u"w%1"_s.arg(i));
        QVERIFY(SearchQuery::parse(words.join(u' ')));
        words.append(u"one-more"_s);
        QVERIFY(!SearchQuery::parse(words.join(u' ')));
    }

    void shortTextsAreWholeWithLineBreaksAsSpaces()
    {
        const auto query = SearchQuery::parse(u"cafe"_s);
        const auto hit = query->snippet(u"Meet at the Café\nat noon, CAFÉ!"_s);
        QCOMPARE(hit.snippet, u"Meet at the Café at noon, CAFÉ!"_s);
        QCOMPARE(hit.ranges.size(), 2);
        QCOMPARE(hit.snippet.mid(hit.ranges.at(0).start, hit.ranges.at(0).length), u"Café"_s);
        QCOMPARE(hit.snippet.mid(hit.ranges.at(1).start, hit.ranges.at(1).length), u"CAFÉ"_s);
    }

    void longTextsAreCutAroundTheFirstMatch()
    {
        const auto query = SearchQuery::parse(u"needle"_s);
        const QString text = u"😀"_s.repeated(200) + u" needle "_s + u"😀"_s.repeated(200);
        const auto hit = query->snippet(text);
        QVERIFY(hit.snippet.startsWith(u"…"_s));
        QVERIFY(hit.snippet.endsWith(u"…"_s));
        QCOMPARE(hit.ranges.size(), 1);
        QCOMPARE(hit.snippet.mid(hit.ranges.first().start, hit.ranges.first().length), u"needle"_s);
        // No half of a surrogate pair at either cut.
        QVERIFY(!hit.snippet.at(1).isLowSurrogate());
        QVERIFY(!hit.snippet.at(hit.snippet.size() - 2).isHighSurrogate());
    }

    void anyTextGivesRangesInsideItsSnippet()
    {
        // Random text from a mix of letters, marks, surrogates, spaces and punctuation: the snippet is well formed
        // and every range lies in it, on a word the query holds.
        QRandomGenerator random(5);
        const QList<QString> pieces{u"a"_s,
                                    u"É"_s,
                                    u"\u0301"_s,
                                    u"😀"_s,
                                    u" "_s,
                                    u"\n"_s,
                                    u"needle"_s,
                                    u"Needlé"_s,
                                    u"."_s,
                                    u"山"_s,
                                    QString(QChar(0xD800)),
                                    QString(QChar(0xDC00)),
                                    u"\""_s};
        const auto query = SearchQuery::parse(u"needle"_s);
        for (int run = 0; run < 2000; ++run) {
            QString text;
            const int length = int(random.bounded(400));
            for (int i = 0; i < length; ++i)
                text += pieces.at(int(random.bounded(pieces.size())));
            const auto hit = query->snippet(text);
            QVERIFY(hit.snippet.size() <= SearchQuery::SnippetLength + 2);
            for (const auto &range : hit.ranges) {
                QVERIFY(range.start >= 0 && range.length > 0);
                QVERIFY(range.start + range.length <= hit.snippet.size());
                QCOMPARE(SearchQuery::fold(QStringView(hit.snippet).mid(range.start, range.length)), u"needle"_s);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
