// The quick switcher's matching: which names a typed query finds, which it ranks first, and which letters it
// marks.

#include "fuzzymatcher.h"

#include <QTest>

using namespace Natter;

namespace {

int scoreOf(const QString &query, const QString &candidate)
{
    const std::optional<FuzzyMatcher::Match> match = FuzzyMatcher(query).match(candidate);
    return match ? match->score : -1;
}

} // namespace

class TestFuzzyMatcher : public QObject
{
    Q_OBJECT

private slots:
    void matchesLettersInOrder_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("matches");

        QTest::newRow("skipping letters") << QStringLiteral("dv") << QStringLiteral("dev") << true;
        QTest::newRow("whole name") << QStringLiteral("dev") << QStringLiteral("dev") << true;
        QTest::newRow("wrong order") << QStringLiteral("ved") << QStringLiteral("dev") << false;
        QTest::newRow("letter missing") << QStringLiteral("dx") << QStringLiteral("dev") << false;
        QTest::newRow("longer than name") << QStringLiteral("devs") << QStringLiteral("dev") << false;
        QTest::newRow("letter used twice") << QStringLiteral("dd") << QStringLiteral("dev") << false;
        QTest::newRow("repeated letter") << QStringLiteral("dd") << QStringLiteral("daddy") << true;
        QTest::newRow("case ignored") << QStringLiteral("DEV") << QStringLiteral("dEv") << true;
        QTest::newRow("spaces in query ignored") << QStringLiteral("dev ops") << QStringLiteral("dev-ops") << true;
        QTest::newRow("accent in name") << QStringLiteral("cafe") << QStringLiteral("Café") << true;
        QTest::newRow("accent in query") << QStringLiteral("café") << QStringLiteral("cafe") << true;
        QTest::newRow("decomposed accent in name") << QStringLiteral("ee") << QStringLiteral("e\u0301te\u0301") << true;
        QTest::newRow("capital with accent") << QStringLiteral("eco") << QStringLiteral("École") << true;
        QTest::newRow("accent is not another letter") << QStringLiteral("a") << QStringLiteral("é") << false;
        QTest::newRow("other scripts") << QStringLiteral("мир") << QStringLiteral("Мир") << true;
        QTest::newRow("outside the BMP") << QStringLiteral("🚀x") << QStringLiteral("a🚀bx") << true;
        QTest::newRow("empty name") << QStringLiteral("a") << QString() << false;
    }

    void matchesLettersInOrder()
    {
        QFETCH(QString, query);
        QFETCH(QString, candidate);
        QFETCH(bool, matches);
        QCOMPARE(FuzzyMatcher(query).match(candidate).has_value(), matches);
    }

    void emptyQueryMatchesEverything()
    {
        for (const QString &query : {QString(), QStringLiteral("  ")}) {
            const FuzzyMatcher matcher(query);
            for (const QString &candidate : {QString(), QStringLiteral("dev"), QStringLiteral("Zoë")}) {
                const std::optional<FuzzyMatcher::Match> match = matcher.match(candidate);
                QVERIFY(match);
                QCOMPARE(match->score, 0);
                QVERIFY(match->positions.isEmpty());
            }
        }
    }

    void ranks_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("better");
        QTest::addColumn<QString>("worse");

        QTest::newRow("prefix beats scattered")
            << QStringLiteral("de") << QStringLiteral("dev") << QStringLiteral("random-ideas");
        QTest::newRow("prefix beats later word")
            << QStringLiteral("ops") << QStringLiteral("ops-team") << QStringLiteral("dev-ops");
        QTest::newRow("word start beats middle")
            << QStringLiteral("op") << QStringLiteral("dev-ops") << QStringLiteral("loops");
        QTest::newRow("word starts after dot and underscore")
            << QStringLiteral("rn") << QStringLiteral("release.notes") << QStringLiteral("our-ring");
        QTest::newRow("camel case starts words")
            << QStringLiteral("gs") << QStringLiteral("GameStudio") << QStringLiteral("hugs");
        QTest::newRow("run beats spread letters")
            << QStringLiteral("rat") << QStringLiteral("pirate") << QStringLiteral("bravest");
        QTest::newRow("whole name beats longer name")
            << QStringLiteral("dev") << QStringLiteral("dev") << QStringLiteral("devops");
    }

    void ranks()
    {
        QFETCH(QString, query);
        QFETCH(QString, better);
        QFETCH(QString, worse);
        const int betterScore = scoreOf(query, better);
        const int worseScore = scoreOf(query, worse);
        QVERIFY2(worseScore >= 0, "both names must match");
        QVERIFY2(
            betterScore > worseScore,
            qPrintable(
                QStringLiteral("%1 scored %2, %3 scored %4").arg(better).arg(betterScore).arg(worse).arg(worseScore)));
    }

    void accentsAndCaseDoNotChangeTheScore()
    {
        const int plain = scoreOf(QStringLiteral("ele"), QStringLiteral("elan-electric"));
        QVERIFY(plain > 0);
        QCOMPARE(scoreOf(QStringLiteral("ele"), QStringLiteral("Élan-électric")), plain);
        QCOMPARE(scoreOf(QStringLiteral("ÉLÉ"), QStringLiteral("elan-electric")), plain);
    }

    void marksMatchedCharacters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QList<int>>("positions");

        QTest::newRow("prefix") << QStringLiteral("de") << QStringLiteral("dev") << QList<int>{0, 1};
        QTest::newRow("skipping") << QStringLiteral("dv") << QStringLiteral("dev") << QList<int>{0, 2};
        // The word "ideas" is a better place for "de" than the "d" of "random".
        QTest::newRow("prefers a run") << QStringLiteral("de") << QStringLiteral("random-ideas") << QList<int>{8, 9};
        QTest::newRow("prefers word starts")
            << QStringLiteral("dm") << QStringLiteral("admin-design-meeting") << QList<int>{6, 13};
        QTest::newRow("camel case") << QStringLiteral("gs") << QStringLiteral("GameStudio") << QList<int>{0, 4};
        QTest::newRow("precomposed accent") << QStringLiteral("ee") << QStringLiteral("été") << QList<int>{0, 2};
        // Positions point at the base letters of the name as given, combining accents included in the count.
        QTest::newRow("decomposed accent")
            << QStringLiteral("ee") << QStringLiteral("e\u0301te\u0301") << QList<int>{0, 3};
        QTest::newRow("after a character outside the BMP")
            << QStringLiteral("x") << QStringLiteral("🚀x") << QList<int>{2};
        QTest::newRow("spaces in query") << QStringLiteral("d o") << QStringLiteral("dev-ops") << QList<int>{0, 4};
    }

    void marksMatchedCharacters()
    {
        QFETCH(QString, query);
        QFETCH(QString, candidate);
        QFETCH(QList<int>, positions);
        const std::optional<FuzzyMatcher::Match> match = FuzzyMatcher(query).match(candidate);
        QVERIFY(match);
        QCOMPARE(match->positions, positions);
    }
};

QTEST_APPLESS_MAIN(TestFuzzyMatcher)
#include "tst_fuzzymatcher.moc"
