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
