#pragma once

// Colour arithmetic for readable, distinguishable colours: WCAG 2.x contrast and the OKLab/OKLCH perceptual
// spaces, in which equal distances look about equally different whatever the hue.

#include <QColor>

namespace Natter::ColorContrast {

// OKLab: l is perceived lightness from 0 (black) to 1 (white); a runs green to red, b blue to yellow.
struct OkLab
{
    double l = 0;
    double a = 0;
    double b = 0;
};

// OKLCH: OKLab in polar form. c is chroma (0 is grey; sRGB reaches about 0.32), h the hue in degrees [0, 360).
struct OkLch
{
    double l = 0;
    double c = 0;
    double h = 0;
};

// WCAG 2.x relative luminance of an sRGB colour, from 0 (black) to 1 (white). Alpha is ignored.
double relativeLuminance(const QColor &color);

// WCAG 2.x contrast ratio, from 1 (same luminance) to 21 (black on white); the order does not matter.
double contrastRatio(const QColor &a, const QColor &b);

OkLab toOkLab(const QColor &color);
// Channels outside sRGB are clipped; use fromOkLch to keep the hue of an out-of-gamut colour instead.
QColor fromOkLab(const OkLab &lab);

OkLch toOkLch(const QColor &color);
// The colour at that lightness and hue. When sRGB cannot show the chroma asked for, it gets the most chroma
// sRGB can show there, so lightness and hue stay what was asked for.
QColor fromOkLch(const OkLch &lch);

// Whether sRGB can show the colour without clipping a channel.
bool isInGamut(const OkLch &lch);

// Euclidean distance in OKLab ("ΔE OK"): about 0.02 is just noticeable side by side; 1 is black to white.
double deltaE(const QColor &a, const QColor &b);

} // namespace Natter::ColorContrast
