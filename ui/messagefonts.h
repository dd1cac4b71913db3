#pragma once

// The fonts and metrics a message row is measured and drawn with, made once per view font, and a quick test
// of whether a text fits on one line without laying it out.

#include <QFont>
#include <QString>
#include <QStringList>

#include <array>

namespace Natter {

class MessageFonts
{
public:
    explicit MessageFonts(const QFont &font);

    QFont base;
    QFont name; // bold
    QFont small; // time, markers and day separators
    QFont action; // italic
    QStringList codeFamilies; // the system's fixed-pitch font, for code
    int unit = 0; // a quarter of a line: the grain of every margin
    int nameHeight = 0;
    int nameAscent = 0;
    int smallHeight = 0;
    int smallAscent = 0;
    qreal lineHeight = 0; // of one line of plain text in the base font, as QTextLayout lays it out
    qreal averageAdvance = 1; // of a character of ordinary chat text in the base font, for estimating wrapped lines

    // Whether text surely fits on one line of this width in the base font, judged from a table of advances
    // instead of a QTextLayout (ten times faster; measuring is most of the cost of opening a long conversation).
    // Only for Latin-1 text the font has glyphs for: other scripts need shaping, and fallback fonts change a
    // line's height. False means "lay it out to know".
    bool fitsOnOneLine(const QString &text, int width) const;

private:
    std::array<float, 256> m_advances{}; // negative: a character fitsOnOneLine() cannot judge
};

} // namespace Natter
