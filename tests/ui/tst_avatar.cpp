// Avatars show who someone is at a glance: the right initials for names in any script, a round disc of the
// person's colour with readable initials, and a presence dot only when there is a presence to show.

#include "avatar.h"
#include "colorcontrast.h"
#include "theme.h"

#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;

namespace {

constexpr int Size = 64;
const QColor blue(0x33, 0x66, 0xcc);
const QColor paleYellow(0xff, 0xd7, 0x5e);
const QColor online(0x23, 0x86, 0x36);

QImage render(const QColor &color, Avatar::Presence presence, const QString &name = u"Ada Lovelace"_s)
{
    QImage image(Size, Size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    Avatar::paint(&painter, QRectF(0, 0, Size, Size), name, color, presence);
    painter.end();
    return image;
}

bool close(const QColor &a, const QColor &b, int tolerance = 8)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance && a.alpha() == 255;
}

int countPixels(const QImage &image, const QRect &area, const QColor &color)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += close(image.pixelColor(x, y), color) ? 1 : 0;
    }
    return count;
}

// The corner square where the dot goes, outside the part of the disc that holds the initials.
const QRect dotArea(Size * 3 / 4, Size * 3 / 4, Size / 4, Size / 4);

} // namespace

class TestAvatar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Theme::apply(Theme::Mode::Light); }

    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("two words") << u"Ada Lovelace"_s << u"AL"_s;
        QTest::newRow("one word, lower case") << u"bob"_s << u"B"_s;
        QTest::newRow("three words take two") << u"Jean Paul Sartre"_s << u"JP"_s;
        QTest::newRow("blank") << u"  "_s << u"?"_s;
        QTest::newRow("empty") << QString() << u"?"_s;
        QTest::newRow("only punctuation") << u"-- ..."_s << u"?"_s;
        QTest::newRow("accented, precomposed") << u"émile zola"_s << u"ÉZ"_s;
        QTest::newRow("accented, combining mark") << u"e\u0301mile zola"_s << u"E\u0301Z"_s;
        QTest::newRow("stacked combining marks") << u"a\u0308\u0301bc"_s << u"A\u0308\u0301"_s;
        QTest::newRow("leading punctuation skipped") << u"(bob) smith"_s << u"BS"_s;
        QTest::newRow("emoji") << u"🦊 fox"_s << u"🦊F"_s;
        QTest::newRow("emoji with skin tone") << u"👋🏽 wave"_s << u"👋🏽W"_s;
        QTest::newRow("flag") << u"🇫🇷 paris"_s << u"🇫🇷P"_s;
        QTest::newRow("CJK") << u"李小龙"_s << u"李"_s;
        QTest::newRow("CJK, two words") << u"山田 太郎"_s << u"山太"_s;
        QTest::newRow("Cyrillic") << u"лев толстой"_s << u"ЛТ"_s;
        QTest::newRow("sharp s stays one letter") << u"ßtraße"_s << u"ß"_s;
        QTest::newRow("tab and newline are spaces") << u"ada\t\nlovelace"_s << u"AL"_s;
        QTest::newRow("digits") << u"42 things"_s << u"4T"_s;
    }

    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(Avatar::initials(name), expected);
    }

    void discIsFilledRoundAndTransparentOutside()
    {
        const QImage image = render(blue, Avatar::Presence::None);
        // Left of the initials, inside the disc.
        for (const QPoint point : {QPoint(6, Size / 2), QPoint(10, Size / 2 - 6), QPoint(10, Size / 2 + 6)})
            QVERIFY2(close(image.pixelColor(point), blue, 0), qPrintable(image.pixelColor(point).name()));
        for (const QPoint corner :
             {QPoint(0, 0), QPoint(Size - 1, 0), QPoint(0, Size - 1), QPoint(Size - 1, Size - 1), QPoint(4, 4)})
            QCOMPARE(image.pixelColor(corner).alpha(), 0);
        // Antialiased: the edge has pixels that are neither transparent nor opaque.
        int partial = 0;
        for (int x = 0; x < Size; ++x) {
            const int alpha = image.pixelColor(x, 10).alpha();
            partial += (alpha > 0 && alpha < 255) ? 1 : 0;
        }
        QVERIFY(partial > 0);
    }

    void initialsReadOnTheDisc_data()
    {
        QTest::addColumn<QColor>("fill");
        QTest::addColumn<QColor>("text");
        QTest::newRow("white on blue") << blue << QColor(Qt::white);
        QTest::newRow("near-black on pale yellow") << paleYellow << QColor(0x1b, 0x1d, 0x21);
    }

    void initialsReadOnTheDisc()
    {
        QFETCH(QColor, fill);
        QFETCH(QColor, text);
        QVERIFY(ColorContrast::contrastRatio(fill, text) >= 4.5);
        const QImage image = render(fill, Avatar::Presence::None, u"Mm Ww"_s);
        const QRect middle(Size / 4, Size / 4, Size / 2, Size / 2);
        QVERIFY2(countPixels(image, middle, text) > 20, "the initials are drawn in the readable colour");
    }

    void aDotOnlyWithAPresence()
    {
        const QImage none = render(blue, Avatar::Presence::None);
        const QImage onlineImage = render(blue, Avatar::Presence::Online);
        const QImage offline = render(blue, Avatar::Presence::Offline);
        const QColor window = QGuiApplication::palette().color(QPalette::Window);
        const QColor grey = QGuiApplication::palette().color(QPalette::Disabled, QPalette::WindowText);

        QCOMPARE(countPixels(none, dotArea, online), 0);
        QCOMPARE(countPixels(none, dotArea, window), 0);
        QCOMPARE(countPixels(none, dotArea, grey), 0);

        QVERIFY(countPixels(onlineImage, dotArea, online) > 10);
        QVERIFY(countPixels(onlineImage, dotArea, window) > 5); // the ring that parts it from the disc

        QCOMPARE(countPixels(offline, dotArea, online), 0);
        QVERIFY(countPixels(offline, dotArea, grey) > 10);
        QVERIFY(countPixels(offline, dotArea, window) > 5); // hollow

        // The rest of the avatar is untouched by the dot.
        const QRect topLeft(0, 0, Size / 2, Size / 2);
        QCOMPARE(onlineImage.copy(topLeft), none.copy(topLeft));
        QCOMPARE(offline.copy(topLeft), none.copy(topLeft));
    }

    void pixmapIsSharpAtTheDeviceRatio()
    {
        const QPixmap pixmap = Avatar::pixmap(QSize(32, 32), 2.0, u"Ada"_s, blue);
        QCOMPARE(pixmap.size(), QSize(64, 64));
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        const QImage image = pixmap.toImage();
        QVERIFY(close(image.pixelColor(6, 32), blue, 0));
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
    }

    void nothingIsPaintedIntoAnEmptyRect()
    {
        QImage image(8, 8, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        Avatar::paint(&painter, QRectF(2, 2, 0, 5), u"Ada"_s, blue, Avatar::Presence::Online);
        painter.end();
        QImage empty(8, 8, QImage::Format_ARGB32_Premultiplied);
        empty.fill(Qt::transparent);
        QCOMPARE(image, empty);
    }
};

QTEST_MAIN(TestAvatar)
#include "tst_avatar.moc"
