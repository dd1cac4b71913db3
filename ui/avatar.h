#pragma once

// A person's avatar: a coloured disc with their initials in a colour that reads on it, and an optional dot that
// says whether they are online.

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;
class QPixmap;
class QSize;

namespace Natter::Avatar {

enum class Presence { None, Online, Offline };

// The first letter (grapheme cluster) of each of the first two words, upper-cased where that keeps it one
// letter: "Ada Lovelace" is "AL", "émile zola" "ÉZ"; an emoji or a CJK character counts as a letter. Words
// that start with punctuation give their first letter instead; "?" when nothing is left.
QString initials(const QString &name);

// Paints the avatar as a circle centred in rect (its diameter is the shorter side). The dot, when presence
// is not None, sits at the lower right with a ring in the window colour that parts it from the disc.
void paint(QPainter *painter, const QRectF &rect, const QString &name, const QColor &color,
           Presence presence = Presence::None);

// The avatar as a transparent pixmap of size (in device-independent pixels), sharp at devicePixelRatio.
QPixmap pixmap(const QSize &size, qreal devicePixelRatio, const QString &name, const QColor &color,
               Presence presence = Presence::None);

} // namespace Natter::Avatar
