#include "messagetext.h"

#include "colorcontrast.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter::MessageText {

namespace {

// The colour of this hue and saturation closest to the preferred lightness that reaches minimumContrast against
// the background: darker on a light background, lighter on a dark one.
QColor readableColor(double hue, double saturation, const QColor &background, double minimumContrast)
{
    const bool darkBackground = ColorContrast::relativeLuminance(background) < 0.2;
    double lightness = darkBackground ? 0.62 : 0.45;
    const double step = darkBackground ? 0.02 : -0.02;
    QColor color = QColor::fromHslF(hue, saturation, lightness);
    while (ColorContrast::contrastRatio(color, background) < minimumContrast && lightness > 0.0 && lightness < 1.0) {
        lightness = std::clamp(lightness + step, 0.0, 1.0);
        color = QColor::fromHslF(hue, saturation, lightness);
    }
    return color;
}

} // namespace

QList<Link> findLinks(const QString &text)
{
    return TextLinks::find(text);
}

QColor newMessagesColor(const QColor &background)
{
    return readableColor(355.0 / 360.0, 0.80, background, 4.5);
}

QColor mentionColor(const QColor &background)
{
    return readableColor(38.0 / 360.0, 0.95, background, 3.0);
}

QString shortTime(const QTime &time)
{
    static const QRegularExpression seconds(u"[:.]?s{1,2}"_s);
    const QLocale locale;
    return locale.toString(time, locale.timeFormat(QLocale::ShortFormat).remove(seconds));
}

QString layoutText(const QString &text)
{
    QString result = text;
    if (result.contains(u'\r')) {
        result.replace(u"\r\n"_s, u"\n"_s);
        result.replace(u'\r', u'\n');
    }
    result.replace(u'\n', QChar::LineSeparator);
    return result;
}

} // namespace Natter::MessageText
