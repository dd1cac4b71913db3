// A search hit's snippet reads like the message: the marks the server's cut still has are gone, the matched words
// stay highlighted where they moved to, and what the marks meant comes along as spans.

#include "searchsnippet.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

// Each range as the text it covers, separated by " | ".
QString covered(const SearchSnippet &snippet)
{
    QStringList parts;
    for (const SearchRange &range : snippet.ranges)
        parts.append(snippet.text.mid(range.start, range.length));
    return parts.join(u" | "_s);
}

} // namespace

class TestSearchSnippet : public QObject
{
    Q_OBJECT

private slots:
    void readsLikeTheMessage_data()
    {
        QTest::addColumn<QString>("snippet");
        QTest::addColumn<QList<SearchRange>>("ranges");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("matches");
        QTest::newRow("bold match") << u"the **deploy** failed"_s << QList<SearchRange>{{6, 6}}
                                    << u"the deploy failed"_s << u"deploy"_s;
        QTest::newRow("after code") << u"run `make install` then deploy"_s << QList<SearchRange>{{24, 6}}
                                    << u"run make install then deploy"_s << u"deploy"_s;
        QTest::newRow("two matches") << u"*a* deploy and __b__ deploy"_s << QList<SearchRange>{{4, 6}, {21, 6}}
                                     << u"a deploy and b deploy"_s << u"deploy | deploy"_s;
        QTest::newRow("quote") << u"> deploy on friday"_s << QList<SearchRange>{{2, 6}} << u"deploy on friday"_s
                               << u"deploy"_s;
        QTest::newRow("cut mark stays") << u"…ploy** and deploy"_s << QList<SearchRange>{{12, 6}}
                                        << u"…ploy** and deploy"_s << u"deploy"_s;
        QTest::newRow("html stays text") << u"<b>deploy</b>"_s << QList<SearchRange>{{3, 6}} << u"<b>deploy</b>"_s
                                         << u"deploy"_s;
        QTest::newRow("range out of the snippet")
            << u"**deploy**"_s << QList<SearchRange>{{2, 6}, {8, 40}, {-1, 2}} << u"deploy"_s << u"deploy"_s;
    }

    void readsLikeTheMessage()
    {
        QFETCH(QString, snippet);
        QFETCH(QList<SearchRange>, ranges);
        QFETCH(QString, text);
        QFETCH(QString, matches);
        const SearchSnippet read = SearchSnippet::read(snippet, ranges);
        QCOMPARE(read.text, text);
        QCOMPARE(covered(read), matches);
    }

    void keepsWhatTheMarksMeant()
    {
        const SearchSnippet read = SearchSnippet::read(u"the **deploy** uses `make`"_s, {{6, 6}});
        QCOMPARE(read.text, u"the deploy uses make"_s);
        const auto has = [&read](MessageMarkup::Kind kind, const QString &text) {
            return std::any_of(read.spans.cbegin(), read.spans.cend(), [&](const MessageMarkup::Span &span) {
                return span.kind == kind && read.text.mid(span.start, span.length) == text;
            });
        };
        QVERIFY(has(MessageMarkup::Kind::Bold, u"deploy"_s));
        QVERIFY(has(MessageMarkup::Kind::Code, u"make"_s));
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
