// Sender names are coloured so that every colour reads on the message background of either theme, different
// people look different, and a name keeps its colour whatever its case, on every run and every machine.

#include "colorcontrast.h"
#include "namecolors.h"
#include "theme.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;

class TestNameColors : public QObject
{
    Q_OBJECT

private slots:
    void everyColourReadsOnItsTheme_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QColor>("background");
        QTest::newRow("light theme base") << false << Theme::lightPalette().color(QPalette::Base);
        QTest::newRow("white") << false << QColor(Qt::white);
        QTest::newRow("light theme alternate base") << false << Theme::lightPalette().color(QPalette::AlternateBase);
        QTest::newRow("dark theme base") << true << Theme::darkPalette().color(QPalette::Base);
        QTest::newRow("dark theme alternate base") << true << Theme::darkPalette().color(QPalette::AlternateBase);
    }

    void everyColourReadsOnItsTheme()
    {
        QFETCH(bool, dark);
        QFETCH(QColor, background);
        const QList<QColor> palette = NameColors::palette(dark);
        QCOMPARE(palette.size(), 12);
        for (const QColor &color : palette) {
            const double ratio = ColorContrast::contrastRatio(color, background);
            QVERIFY2(ratio >= NameColors::MinimumContrast,
                     qPrintable(u"%1 on %2: %3"_s.arg(color.name(), background.name()).arg(ratio)));
        }
    }

    void everyTwoColoursAreClearlyDistinct_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void everyTwoColoursAreClearlyDistinct()
    {
        QFETCH(bool, dark);
        const QList<QColor> palette = NameColors::palette(dark);
        for (qsizetype i = 0; i < palette.size(); ++i) {
            for (qsizetype j = i + 1; j < palette.size(); ++j) {
                const double distance = ColorContrast::deltaE(palette.at(i), palette.at(j));
                QVERIFY2(distance >= NameColors::MinimumDistance,
                         qPrintable(u"%1 and %2: %3"_s.arg(palette.at(i).name(), palette.at(j).name()).arg(distance)));
            }
        }
    }

    void huesGoRoundTheCircle()
    {
        // Evenly spaced hues, in order: each entry is 30° on from the one before (within what gamut
        // clipping and 8-bit rounding do to a hue).
        for (const bool dark : {false, true}) {
            const QList<QColor> palette = NameColors::palette(dark);
            for (qsizetype i = 0; i < palette.size(); ++i) {
                const double hue = ColorContrast::toOkLch(palette.at(i)).h;
                const double expected = std::fmod(20.0 + 30.0 * static_cast<double>(i), 360.0);
                const double off = std::abs(std::remainder(hue - expected, 360.0));
                QVERIFY2(off < 3.0, qPrintable(u"entry %1: hue %2, expected %3"_s.arg(i).arg(hue).arg(expected)));
            }
        }
    }

    void differentPeopleLookDifferent()
    {
        const QColor base = Theme::lightPalette().color(QPalette::Base);
        const QColor alice = NameColors::forName(u"alice"_s, base);
        const QColor bob = NameColors::forName(u"bob"_s, base);
        const QColor carol = NameColors::forName(u"carol"_s, base);
        QVERIFY(alice != bob);
        QVERIFY(bob != carol);
        QVERIFY(alice != carol);
    }

    void caseDoesNotChangeTheColour()
    {
        for (const QColor &background : {QColor(Qt::white), Theme::darkPalette().color(QPalette::Base)}) {
            QCOMPARE(NameColors::forName(u"Bob"_s, background), NameColors::forName(u"bob"_s, background));
            QCOMPARE(NameColors::forName(u"BOB"_s, background), NameColors::forName(u"bob"_s, background));
            // The same key the server uses to tell names apart: "ß" and "ss" are one name, so one colour.
            QCOMPARE(NameColors::paletteIndex(u"Strauß"_s), NameColors::paletteIndex(u"STRAUSS"_s));
        }
    }

    void aNameKeepsItsColourEverywhere()
    {
        // Fixed numbers: a change here recolours every user in every chat.
        QCOMPARE(NameColors::stableHash(u"alice"_s), 0xea14d61eU);
        QCOMPARE(NameColors::paletteIndex(u"alice"_s), 6);
        QCOMPARE(NameColors::paletteIndex(u"bob"_s), 10);
        QCOMPARE(NameColors::paletteIndex(u"carol"_s), 1);
        QCOMPARE(NameColors::forName(u"alice"_s, Qt::white), NameColors::palette(false).at(6));
        QCOMPARE(NameColors::forName(u"alice"_s, Theme::darkPalette().color(QPalette::Base)),
                 NameColors::palette(true).at(6));
    }

    void theBackgroundChoosesThePalette()
    {
        const QColor onLight = NameColors::forName(u"alice"_s, QColor(0xfa, 0xfa, 0xfa));
        const QColor onDark = NameColors::forName(u"alice"_s, QColor(0x10, 0x10, 0x10));
        QVERIFY(ColorContrast::relativeLuminance(onLight) < ColorContrast::relativeLuminance(onDark));
        QVERIFY(ColorContrast::contrastRatio(onDark, QColor(0x10, 0x10, 0x10)) >= NameColors::MinimumContrast);
    }

    void anUnusualBackgroundStillGetsReadableNames_data()
    {
        QTest::addColumn<QColor>("background");
        QTest::newRow("mid grey") << QColor(0x80, 0x80, 0x80);
        QTest::newRow("pale yellow") << QColor(0xff, 0xf0, 0xa0);
        QTest::newRow("solarized base03") << QColor(0x00, 0x2b, 0x36);
        QTest::newRow("saturated blue") << QColor(0x20, 0x40, 0xc0);
    }

    void anUnusualBackgroundStillGetsReadableNames()
    {
        QFETCH(QColor, background);
        for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"eve"_s, u"mallory"_s}) {
            const QColor color = NameColors::forName(name, background);
            QVERIFY2(ColorContrast::contrastRatio(color, background) >= NameColors::MinimumContrast,
                     qPrintable(u"%1: %2 on %3"_s.arg(name, color.name(), background.name())));
        }
    }
};

QTEST_APPLESS_MAIN(TestNameColors)
#include "tst_namecolors.moc"
