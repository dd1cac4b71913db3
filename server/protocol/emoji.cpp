#include "emoji.h"

#include <QList>
#include <QTextBoundaryFinder>

namespace Natter::Protocol {

namespace {

constexpr char32_t ZeroWidthJoiner = 0x200D;
constexpr char32_t TextSelector = 0xFE0E;
constexpr char32_t EmojiSelector = 0xFE0F;
constexpr char32_t CombiningKeycap = 0x20E3;
constexpr char32_t BlackFlag = 0x1F3F4;
constexpr char32_t CancelTag = 0xE007F;

bool isRegionalIndicator(char32_t c)
{
    return c >= 0x1F1E6 && c <= 0x1F1FF;
}

bool isSkinTone(char32_t c)
{
    return c >= 0x1F3FB && c <= 0x1F3FF;
}

bool isTagLetter(char32_t c)
{
    return c >= 0xE0020 && c <= 0xE007E;
}

// Unicode's Extended_Pictographic code points outside the supplementary emoji planes, and those planes themselves
// (U+1F000-U+1FAFF, where every emoji of the last decade was added). Regional indicators and skin tones lie in
// that range too; they are told apart above, as they may not stand where a pictograph stands.
bool isPictograph(char32_t c)
{
    struct Range
    {
        char32_t first;
        char32_t last;
    };
    static constexpr Range ranges[] = {
        {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049}, {0x2122, 0x2122}, {0x2139, 0x2139},
        {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
        {0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0},
        {0x25FB, 0x25FE}, {0x2600, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
        {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299}, {0x1F000, 0x1FAFF},
    };
    for (const Range &range : ranges) {
        if (c >= range.first && c <= range.last)
            return !isRegionalIndicator(c) && !isSkinTone(c);
    }
    return false;
}

bool isKeycapBase(char32_t c)
{
    return (c >= u'0' && c <= u'9') || c == u'#' || c == u'*';
}

bool isKeycap(const QList<char32_t> &points)
{
    if (points.size() == 2)
        return isKeycapBase(points[0]) && points[1] == CombiningKeycap;
    return points.size() == 3 && isKeycapBase(points[0]) && points[1] == EmojiSelector && points[2] == CombiningKeycap;
}

bool isTagFlag(const QList<char32_t> &points)
{
    if (points.size() < 3 || points.first() != BlackFlag || points.last() != CancelTag)
        return false;
    for (qsizetype i = 1; i + 1 < points.size(); ++i) {
        if (!isTagLetter(points[i]))
            return false;
    }
    return true;
}

// pictograph [FE0E|FE0F] [skin tone] [FE0F], then again after each ZWJ.
bool isPictographSequence(const QList<char32_t> &points)
{
    qsizetype i = 0;
    for (;;) {
        if (i >= points.size() || !isPictograph(points[i]))
            return false;
        ++i;
        if (i < points.size() && (points[i] == EmojiSelector || points[i] == TextSelector))
            ++i;
        if (i < points.size() && isSkinTone(points[i]))
            ++i;
        if (i < points.size() && points[i] == EmojiSelector)
            ++i;
        if (i == points.size())
            return true;
        if (points[i] != ZeroWidthJoiner)
            return false;
        ++i; // a joiner must be followed by another pictograph
    }
}

bool isOneGrapheme(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    return finder.toNextBoundary() == text.size();
}

} // namespace

bool isSingleEmoji(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxEmojiLength)
        return false;
    QList<char32_t> points;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points.append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else if (c.isSurrogate()) {
            return false;
        } else {
            points.append(c.unicode());
        }
    }
    if (points.size() == 2 && isRegionalIndicator(points[0]) && isRegionalIndicator(points[1]))
        return true; // Unicode's segmentation keeps a pair of regional indicators together as one flag
    const bool shaped = isKeycap(points) || isTagFlag(points) || isPictographSequence(points);
    return shaped && isOneGrapheme(text);
}

std::optional<ProtocolError> validateEmoji(const QString &emoji)
{
    if (isSingleEmoji(emoji))
        return std::nullopt;
    // The app words this error itself (ErrorText), so the server's sentence needs no translation.
    return ProtocolError{ErrorCode::EmojiInvalid, QStringLiteral("A reaction is a single emoji.")};
}

} // namespace Natter::Protocol
