#include "avatar.h"

#include "colorcontrast.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QTextBoundaryFinder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Natter::Avatar {

namespace {

constexpr int MaximumInitials = 2;
constexpr QColor OnlineGreen(0x23, 0x86, 0x36); // 3:1 or more against the window of either theme

// Whether a grapheme cluster can stand for a word: its first code point is a letter, a digit or a symbol (emoji
// are symbols); punctuation, marks without a base and invisible characters are not.
bool standsForAWord(QStringView cluster)
{
    const char32_t first = cluster.toUcs4().value(0);
    switch (QChar::category(first)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

// The first cluster of a word that can stand for it, or an empty string.
QString initialOf(const QString &word)
{
    QTextBoundaryFinder clusters(QTextBoundaryFinder::Grapheme, word);
    qsizetype start = 0;
    for (qsizetype end = clusters.toNextBoundary(); end != -1; end = clusters.toNextBoundary()) {
        const QStringView cluster = QStringView(word).sliced(start, end - start);
        if (standsForAWord(cluster)) {
            // "ß" upper-cases to "SS" and some ligatures split likewise: an initial stays one letter.
            const QString upper = cluster.toString().toUpper();
            QTextBoundaryFinder upperClusters(QTextBoundaryFinder::Grapheme, upper);
            return upperClusters.toNextBoundary() == upper.size() ? upper : cluster.toString();
        }
        start = end;
    }
    return {};
}

QColor textColorOn(const QColor &fill)
{
    const QColor nearBlack(0x1b, 0x1d, 0x21);
    return ColorContrast::contrastRatio(Qt::white, fill) >= ColorContrast::contrastRatio(nearBlack, fill)
        ? QColor(Qt::white)
        : nearBlack;
}

void paintPresence(QPainter *painter, const QRectF &disc, Presence presence)
{
    const qreal diameter = disc.width();
    const QPalette palette = QGuiApplication::palette();
    const qreal outer = std::max(diameter * 0.16, 3.5);
    const qreal ringWidth = std::max(diameter * 0.05, 1.5);
    const qreal inner = outer - ringWidth;
    // On the disc's edge at 45°, pulled in where the dot would cross the avatar's rectangle.
    const qreal offset = std::min(diameter * 0.3536, diameter / 2 - outer);
    const QPointF centre = disc.center() + QPointF(offset, offset);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Window)); // parts the dot from the disc, whatever its colour
    painter->drawEllipse(centre, outer, outer);
    if (presence == Presence::Online) {
        painter->setBrush(OnlineGreen);
        painter->drawEllipse(centre, inner, inner);
    } else {
        // Hollow, so that "offline" does not rely on telling grey from green.
        const qreal stroke = std::max(inner * 0.45, 1.0);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(palette.color(QPalette::Disabled, QPalette::WindowText), stroke));
        painter->drawEllipse(centre, inner - stroke / 2, inner - stroke / 2);
    }
}

} // namespace

QString initials(const QString &name)
{
    QString result;
    int found = 0;
    for (const QString &word : name.simplified().split(u' ', Qt::SkipEmptyParts)) {
        const QString initial = initialOf(word);
        if (initial.isEmpty())
            continue;
        result += initial;
        if (++found == MaximumInitials)
            break;
    }
    return result.isEmpty() ? u"?"_s : result;
}

void paint(QPainter *painter, const QRectF &rect, const QString &name, const QColor &color, Presence presence)
{
    const qreal diameter = std::min(rect.width(), rect.height());
    if (!painter || diameter <= 0)
        return;
    const QRectF disc(rect.center() - QPointF(diameter / 2, diameter / 2), QSizeF(diameter, diameter));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(disc);

    const QString text = initials(name);
    QFont font = painter->font();
    font.setWeight(QFont::DemiBold);
    font.setPixelSize(std::max(1, qRound(diameter * 0.4)));
    // Two wide letters (CJK, emoji) would reach the edge of the disc at that size.
    const qreal room = diameter * 0.7;
    if (const qreal width = QFontMetricsF(font).horizontalAdvance(text); width > room)
        font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * room / width)));
    painter->setFont(font);
    painter->setPen(textColorOn(color));
    painter->drawText(disc, Qt::AlignCenter, text);

    if (presence != Presence::None)
        paintPresence(painter, disc, presence);
    painter->restore();
}

QPixmap pixmap(const QSize &size, qreal devicePixelRatio, const QString &name, const QColor &color, Presence presence)
{
    QPixmap result(size * devicePixelRatio);
    result.setDevicePixelRatio(devicePixelRatio);
    result.fill(Qt::transparent);
    QPainter painter(&result);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(size)), name, color, presence);
    return result;
}

} // namespace Natter::Avatar
