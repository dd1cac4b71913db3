#include "messagefonts.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

QFont smallerFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.85);
    else
        small.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    return small;
}

} // namespace

MessageFonts::MessageFonts(const QFont &font)
    : base(font)
    , name(font)
    , small(smallerFont(font))
    , action(font)
{
    name.setBold(true);
    action.setItalic(true);
    codeFamilies = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
    codeFamilies.append(u"monospace"_s);
    unit = std::max(2, QFontMetrics(font).height() / 4);
    const QFontMetrics nameMetrics(name);
    nameHeight = nameMetrics.height();
    nameAscent = nameMetrics.ascent();
    const QFontMetrics smallMetrics(small);
    smallHeight = smallMetrics.height();
    smallAscent = smallMetrics.ascent();

    const QFontMetricsF metrics(font);
    for (int code = 0; code < static_cast<int>(m_advances.size()); ++code) {
        const QChar character(static_cast<char16_t>(code));
        const bool printable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code != 0xad); // no soft hyphen
        m_advances[code] =
            printable && metrics.inFont(character) ? static_cast<float>(metrics.horizontalAdvance(character)) : -1.0F;
    }
    const QString prose =
        u"Sure, I can look at it this afternoon. Did you see the new build, or is it still failing?"_s;
    averageAdvance = std::max(1.0, metrics.horizontalAdvance(prose) / static_cast<qreal>(prose.size()));
    QTextLayout sample(u"Xg"_s, font);
    sample.beginLayout();
    QTextLine line = sample.createLine();
    line.setLineWidth(1000); // a line has a height only once laid out
    lineHeight = line.height();
    sample.endLayout();
}

bool MessageFonts::fitsOnOneLine(const QString &text, int width) const
{
    if (text.isEmpty())
        return false;
    float total = 0;
    for (const QChar character : text) {
        const char16_t code = character.unicode();
        if (code >= m_advances.size() || m_advances[code] < 0)
            return false;
        total += m_advances[code];
    }
    // The table knows no kerning, which can widen a few pairs: keep a margin.
    return total * 1.05F + 2.0F <= static_cast<float>(width);
}

} // namespace Natter
