#include "namecolors.h"

#include "colorcontrast.h"
#include "theme.h"
#include "validation.h"

#include <cmath>

namespace Natter {

using namespace ColorContrast;

namespace {

constexpr int HueCount = 12;
constexpr double FirstHue = 20.0; // a red; this start spaces the palette's closest pair furthest apart
constexpr double Chroma = 0.16; // more than sRGB shows for most hues at these lightnesses: each gets its most
constexpr double ContrastTarget = 4.6; // a little over 4.5, so that rounding to 8 bits cannot undercut it
constexpr double LightnessStep = 0.005;
// Every other hue is moved this much further from the background. Hues alone cannot keep twelve colours
// apart where sRGB is narrow (the greens and cyans at these lightnesses); alternating lightness doubles the
// distance between neighbours there, at the cost of some names standing out a little more than others.
constexpr double AlternateLightnessShift = 0.08;

bool readable(const QColor &color, const QList<QColor> &backgrounds, double target)
{
    for (const QColor &background : backgrounds) {
        if (contrastRatio(color, background) < target)
            return false;
    }
    return true;
}

// The lightest colour of that hue readable on light backgrounds, or the darkest readable on dark ones: the
// colour nearest the background keeps the most chroma sRGB allows and so the most hue.
OkLch readableNearBackground(double hue, bool dark, const QList<QColor> &backgrounds, double target)
{
    const double step = dark ? LightnessStep : -LightnessStep;
    OkLch lch{dark ? 0.0 : 1.0, Chroma, hue};
    while (lch.l >= 0.0 && lch.l <= 1.0 && !readable(fromOkLch(lch), backgrounds, target))
        lch.l += step;
    lch.l = std::clamp(lch.l, 0.0, 1.0);
    return lch;
}

QList<QColor> makePalette(bool dark)
{
    // Names are drawn on the theme's base, on its alternate base in lists with banded rows, and in the light
    // theme possibly on plain white (a light desktop's own palette).
    const QPalette theme = dark ? Theme::darkPalette() : Theme::lightPalette();
    QList<QColor> backgrounds{theme.color(QPalette::Base), theme.color(QPalette::AlternateBase)};
    if (!dark)
        backgrounds.append(Qt::white);
    QList<QColor> colors;
    for (int i = 0; i < HueCount; ++i) {
        OkLch lch = readableNearBackground(FirstHue + 360.0 * i / HueCount, dark, backgrounds, ContrastTarget);
        if (i % 2 == 1)
            lch.l = std::clamp(lch.l + (dark ? AlternateLightnessShift : -AlternateLightnessShift), 0.0, 1.0);
        colors.append(fromOkLch(lch));
    }
    return colors;
}

} // namespace

QList<QColor> NameColors::palette(bool dark)
{
    static const QList<QColor> light = makePalette(false);
    static const QList<QColor> darkColors = makePalette(true);
    return dark ? darkColors : light;
}

quint32 NameColors::stableHash(const QString &name)
{
    quint32 hash = 2166136261U;
    for (const QChar character : Protocol::nameKey(name)) {
        hash ^= character.unicode();
        hash *= 16777619U;
    }
    // FNV-1a leaves the low bits of short names poorly mixed, and the index is taken modulo a small number.
    hash ^= hash >> 16;
    hash *= 0x85ebca6bU;
    hash ^= hash >> 13;
    hash *= 0xc2b2ae35U;
    hash ^= hash >> 16;
    return hash;
}

int NameColors::paletteIndex(const QString &name)
{
    return static_cast<int>(stableHash(name) % HueCount);
}

QColor NameColors::forName(const QString &name, const QColor &background)
{
    // Dark when white text would read better on it than black text.
    const bool dark = contrastRatio(Qt::white, background) > contrastRatio(Qt::black, background);
    const QColor color = palette(dark).at(paletteIndex(name));
    if (contrastRatio(color, background) >= MinimumContrast)
        return color;
    const OkLch hue = toOkLch(color);
    return fromOkLch(readableNearBackground(hue.h, dark, {background}, ContrastTarget));
}

} // namespace Natter
