#pragma once

// The font a span of light formatting is drawn in (bold, italic, monospace code), the same wherever message text
// is drawn: the message view and search hits.

#include "messagemarkup.h"

#include <QStringList>

QT_BEGIN_NAMESPACE
class QTextCharFormat;
QT_END_NAMESPACE

namespace Natter::MarkupFont {

// Sets the font properties of a span of this kind on format; other kinds leave it unchanged.
void apply(QTextCharFormat &format, MessageMarkup::Kind kind, const QStringList &codeFamilies);

} // namespace Natter::MarkupFont
