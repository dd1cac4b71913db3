#pragma once

// The colour of a sender's name: one of a dozen hues, readable on the theme's message background, the same
// for a name on every run and every machine.

#include <QColor>
#include <QList>
#include <QString>

namespace Natter {

class NameColors
{
public:
    // Twelve hues evenly spaced in OKLCH, each at least 4.5:1 against the theme's Base and AlternateBase (and
    // against white in the light theme), and every two of them at least MinimumDistance apart in OKLab.
    static QList<QColor> palette(bool dark);

    // The colour for a name on a background: the dark or light palette by which text colour the background
    // suits, the entry by paletteIndex(). On a background neither theme has, the colour's lightness is moved
    // until it reads at 4.5:1 again.
    static QColor forName(const QString &name, const QColor &background);

    // Which palette entry a name gets: a hash of its name key (Protocol::nameKey), so "Bob" and "bob" match.
    static int paletteIndex(const QString &name);

    // FNV-1a over the UTF-16 of the name key, mixed: stable across processes, unlike qHash, which is seeded.
    static quint32 stableHash(const QString &name);

    // OKLab ΔE. About 0.02 is a just-noticeable difference between colours side by side; names are seen a
    // line or more apart and in small type, so neighbouring hues are kept four of those apart.
    static constexpr double MinimumDistance = 0.08;
    static constexpr double MinimumContrast = 4.5;
};

} // namespace Natter
