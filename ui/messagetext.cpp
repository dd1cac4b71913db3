#include "messagetext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter::MessageText {

namespace {

// Starts at a word boundary, so that "xhttp://" or "awww.x" are not links; runs to whitespace or a character
// that cannot be part of a URL typed in a chat. U+2028 is the line separator layoutText() puts in.
const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(uR"(\b(?:(?:https?|wss?)://|www\.)[^\s<>"\x{2028}\x{2029}]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

qsizetype trimmedLinkLength(QStringView link)
{
    qsizetype length = link.size();
    while (length > 0) {
        const QChar last = link.at(length - 1);
        if (last == u')') {
            const QStringView body = link.first(length);
            if (body.count(u'(') >= body.count(u')'))
                break; // balanced, as in https://en.wikipedia.org/wiki/Qt_(software)
        } else if (!QStringView(u".,;:!?'\"]}*").contains(last)) {
            break;
        }
        --length;
    }
    return length;
}

double channelLuminance(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channelLuminance(rgb.redF()) + 0.7152 * channelLuminance(rgb.greenF())
        + 0.0722 * channelLuminance(rgb.blueF());
}

// The colour of this hue and saturation closest to the preferred lightness that reaches minimumContrast against
// the background: darker on a light background, lighter on a dark one.
QColor readableColor(double hue, double saturation, const QColor &background, double minimumContrast)
{
    const bool darkBackground = relativeLuminance(background) < 0.2;
    double lightness = darkBackground ? 0.62 : 0.45;
    const double step = darkBackground ? 0.02 : -0.02;
    QColor color = QColor::fromHslF(hue, saturation, lightness);
    while (contrastRatio(color, background) < minimumContrast && lightness > 0.0 && lightness < 1.0) {
        lightness = std::clamp(lightness + step, 0.0, 1.0);
        color = QColor::fromHslF(hue, saturation, lightness);
    }
    return color;
}

} // namespace

QList<Link> findLinks(const QString &text)
{
    QList<Link> links;
    auto matches = linkPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const qsizetype length = trimmedLinkLength(match.capturedView());
        const QString spelled = text.mid(match.capturedStart(), length);
        const bool bare = spelled.startsWith(u"www."_s, Qt::CaseInsensitive);
        const QUrl url(bare ? u"http://"_s + spelled : spelled, QUrl::TolerantMode);
        if (url.isValid() && !url.host().isEmpty())
            links.append(Link{match.capturedStart(), length, url});
    }
    return links;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double first = relativeLuminance(a);
    const double second = relativeLuminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

QColor senderColor(const QString &name, const QColor &background)
{
    // FNV-1a over the UTF-16 code units: qHash is seeded per process and may change between Qt versions.
    quint32 hash = 2166136261U;
    const QString folded = name.toCaseFolded();
    for (const QChar character : folded) {
        hash ^= character.unicode();
        hash *= 16777619U;
    }
    // MurmurHash3's finaliser: FNV leaves short names' low bits, which pick the hue, poorly mixed.
    hash ^= hash >> 16;
    hash *= 0x85ebca6bU;
    hash ^= hash >> 13;
    hash *= 0xc2b2ae35U;
    hash ^= hash >> 16;
    const double hue = static_cast<double>(hash % 360U) / 360.0;
    const bool darkBackground = relativeLuminance(background) < 0.2;
    // Start from a lightness that suits most hues, then move away from the background until readable.
    double lightness = darkBackground ? 0.66 : 0.40;
    const double step = darkBackground ? 0.03 : -0.03;
    QColor color = QColor::fromHslF(hue, 0.70, lightness);
    while (contrastRatio(color, background) < 4.5 && lightness > 0.0 && lightness < 1.0) {
        lightness = std::clamp(lightness + step, 0.0, 1.0);
        color = QColor::fromHslF(hue, 0.70, lightness);
    }
    return color;
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
