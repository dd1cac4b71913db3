// The colour arithmetic behind readable names and palettes agrees with the published WCAG and OKLab numbers,
// and out-of-gamut requests keep the lightness and hue they asked for.

#include "colorcontrast.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;
using namespace Natter::ColorContrast;

namespace {

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

int largestChannelDifference(const QColor &a, const QColor &b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

} // namespace

class TestColorContrast : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioMatchesWcag_data()
    {
        QTest::addColumn<QColor>("foreground");
        QTest::addColumn<QColor>("background");
        QTest::addColumn<double>("expected");
        QTest::newRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
        QTest::newRow("white on black") << QColor(Qt::white) << QColor(Qt::black) << 21.0;
        QTest::newRow("same colour") << QColor(0x33, 0x66, 0x99) << QColor(0x33, 0x66, 0x99) << 1.0;
        QTest::newRow("#777 on white") << QColor(0x77, 0x77, 0x77) << QColor(Qt::white) << 4.478;
        QTest::newRow("#767676 on white, the lightest AA grey")
            << QColor(0x76, 0x76, 0x76) << QColor(Qt::white) << 4.542;
        QTest::newRow("pure red on white") << QColor(Qt::red) << QColor(Qt::white) << 3.998;
        QTest::newRow("pure blue on black") << QColor(Qt::blue) << QColor(Qt::black) << 2.444;
    }

    void contrastRatioMatchesWcag()
    {
        QFETCH(QColor, foreground);
        QFETCH(QColor, background);
        QFETCH(double, expected);
        const double ratio = contrastRatio(foreground, background);
        QVERIFY2(near(ratio, expected, 0.005), qPrintable(QString::number(ratio)));
    }

    void relativeLuminanceIsLinearLight()
    {
        QCOMPARE(relativeLuminance(Qt::white), 1.0);
        QCOMPARE(relativeLuminance(Qt::black), 0.0);
        // Mid-grey in sRGB is far darker than half the light: the transfer curve is undone.
        QVERIFY(near(relativeLuminance(QColor(0x80, 0x80, 0x80)), 0.2159, 0.0005));
        QVERIFY(near(relativeLuminance(Qt::green), 0.7152, 0.0001));
    }

    void okLabMatchesReferenceValues_data()
    {
        QTest::addColumn<QColor>("color");
        QTest::addColumn<double>("l");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::newRow("white") << QColor(Qt::white) << 1.0 << 0.0 << 0.0;
        QTest::newRow("black") << QColor(Qt::black) << 0.0 << 0.0 << 0.0;
        QTest::newRow("red") << QColor(Qt::red) << 0.62796 << 0.22486 << 0.12585;
        QTest::newRow("lime") << QColor(Qt::green) << 0.86644 << -0.23389 << 0.17950;
        QTest::newRow("blue") << QColor(Qt::blue) << 0.45201 << -0.03246 << -0.31153;
    }

    void okLabMatchesReferenceValues()
    {
        QFETCH(QColor, color);
        QFETCH(double, l);
        QFETCH(double, a);
        QFETCH(double, b);
        const OkLab lab = toOkLab(color);
        QVERIFY2(near(lab.l, l, 1e-4) && near(lab.a, a, 1e-4) && near(lab.b, b, 1e-4),
                 qPrintable(u"%1 %2 %3"_s.arg(lab.l).arg(lab.a).arg(lab.b)));
    }

    void okLchIsPolarOkLab()
    {
        const OkLch red = toOkLch(Qt::red);
        QVERIFY(near(red.l, 0.62796, 1e-4));
        QVERIFY(near(red.c, 0.25768, 1e-4));
        QVERIFY(near(red.h, 29.234, 0.01));
        const OkLch blue = toOkLch(Qt::blue);
        QVERIFY(near(blue.h, 264.05, 0.01)); // negative angles come back as [0, 360)
        QVERIFY(toOkLch(QColor(0x80, 0x80, 0x80)).c < 1e-4);
    }

    void colorsSurviveTheRoundTrip_data()
    {
        QTest::addColumn<QColor>("color");
        for (const char *name : {"#ffffff", "#000000", "#ff0000", "#00ff00", "#0000ff", "#777777", "#c84a52", "#008288",
                                 "#1b1d21", "#fafa05"})
            QTest::newRow(name) << QColor::fromString(QLatin1StringView(name));
    }

    void colorsSurviveTheRoundTrip()
    {
        QFETCH(QColor, color);
        QVERIFY(largestChannelDifference(fromOkLab(toOkLab(color)), color) <= 1);
        QVERIFY(largestChannelDifference(fromOkLch(toOkLch(color)), color) <= 1);
    }

    void outOfGamutChromaIsReducedKeepingLightnessAndHue()
    {
        const OkLch wanted{0.7, 0.4, 200.0}; // far more chroma than any cyan sRGB can show
        QVERIFY(!isInGamut(wanted));
        const OkLch shown = toOkLch(fromOkLch(wanted));
        QVERIFY2(near(shown.l, wanted.l, 0.005), qPrintable(QString::number(shown.l)));
        QVERIFY2(near(shown.h, wanted.h, 1.0), qPrintable(QString::number(shown.h)));
        QVERIFY(shown.c < wanted.c);
        QVERIFY(shown.c > 0.08); // reduced only as far as needed, not to grey
        // Asking for slightly less than that maximum changes nothing.
        QVERIFY(isInGamut({wanted.l, shown.c * 0.98, wanted.h}));
    }

    void lightnessOutsideTheRangeIsClamped()
    {
        QCOMPARE(fromOkLch({1.5, 0.0, 0.0}).rgb(), QColor(Qt::white).rgb());
        QCOMPARE(fromOkLch({-0.2, 0.1, 90.0}).rgb(), QColor(Qt::black).rgb());
    }

    void deltaEIsDistanceInOkLab()
    {
        QVERIFY(near(deltaE(Qt::white, Qt::black), 1.0, 1e-4));
        QCOMPARE(deltaE(Qt::red, Qt::red), 0.0);
        QCOMPARE(deltaE(Qt::red, Qt::blue), deltaE(Qt::blue, Qt::red));
        // Two greys one step apart are closer than a just-noticeable difference; red and blue are far apart.
        QVERIFY(deltaE(QColor(0x80, 0x80, 0x80), QColor(0x81, 0x81, 0x81)) < 0.01);
        QVERIFY(deltaE(Qt::red, Qt::blue) > 0.5);
    }
};

QTEST_APPLESS_MAIN(TestColorContrast)
#include "tst_colorcontrast.moc"
