#include "colorcontrast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace Natter::ColorContrast {

namespace {

using Rgb = std::array<double, 3>;

double toLinear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double toEncoded(double channel)
{
    return channel <= 0.0031308 ? channel * 12.92 : 1.055 * std::pow(channel, 1.0 / 2.4) - 0.055;
}

Rgb linearRgb(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return {toLinear(rgb.redF()), toLinear(rgb.greenF()), toLinear(rgb.blueF())};
}

// The matrices are Björn Ottosson's definition of OKLab (2020), for linear sRGB with a D65 white point.
OkLab labFromLinear(const Rgb &rgb)
{
    const auto [r, g, b] = rgb;
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Rgb linearFromLab(const OkLab &lab)
{
    const double l = std::pow(lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b, 3);
    const double m = std::pow(lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b, 3);
    const double s = std::pow(lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b, 3);
    return {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
}

OkLab labFromLch(const OkLch &lch)
{
    const double radians = lch.h * std::numbers::pi / 180.0;
    return {lch.l, lch.c * std::cos(radians), lch.c * std::sin(radians)};
}

bool linearInGamut(const Rgb &rgb)
{
    constexpr double tolerance = 1e-6; // the matrices round-trip white to within about 1e-7
    return std::all_of(rgb.cbegin(), rgb.cend(),
                       [](double channel) { return channel >= -tolerance && channel <= 1.0 + tolerance; });
}

QColor colorFromLinear(const Rgb &rgb)
{
    const auto encode = [](double channel) { return static_cast<float>(toEncoded(std::clamp(channel, 0.0, 1.0))); };
    return QColor::fromRgbF(encode(rgb[0]), encode(rgb[1]), encode(rgb[2]));
}

} // namespace

double relativeLuminance(const QColor &color)
{
    const auto [r, g, b] = linearRgb(color);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double first = relativeLuminance(a);
    const double second = relativeLuminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

OkLab toOkLab(const QColor &color)
{
    return labFromLinear(linearRgb(color));
}

QColor fromOkLab(const OkLab &lab)
{
    return colorFromLinear(linearFromLab(lab));
}

OkLch toOkLch(const QColor &color)
{
    const OkLab lab = toOkLab(color);
    double hue = std::atan2(lab.b, lab.a) * 180.0 / std::numbers::pi;
    if (hue < 0)
        hue += 360.0;
    return {lab.l, std::hypot(lab.a, lab.b), hue};
}

bool isInGamut(const OkLch &lch)
{
    return linearInGamut(linearFromLab(labFromLch(lch)));
}

QColor fromOkLch(const OkLch &lch)
{
    OkLch wanted{std::clamp(lch.l, 0.0, 1.0), std::max(lch.c, 0.0), lch.h};
    if (!isInGamut(wanted)) {
        // Every grey is in gamut, so the most chroma sRGB can show lies between 0 and what was asked for.
        double inside = 0.0;
        double outside = wanted.c;
        while (outside - inside > 1e-5) {
            const double middle = (inside + outside) / 2;
            (isInGamut({wanted.l, middle, wanted.h}) ? inside : outside) = middle;
        }
        wanted.c = inside;
    }
    return fromOkLab(labFromLch(wanted));
}

double deltaE(const QColor &a, const QColor &b)
{
    const OkLab first = toOkLab(a);
    const OkLab second = toOkLab(b);
    return std::hypot(first.l - second.l, first.a - second.a, first.b - second.b);
}

} // namespace Natter::ColorContrast
