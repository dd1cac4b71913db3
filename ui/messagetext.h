#pragma once

// The pure text rules behind a painted message: which parts of a plain text are links, the accent colours of
// the new-messages line and mentions, and how a time is written. Kept apart from the delegate so that they are easy to
// test and reuse.

#include "textlinks.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QUrl>

class QTime;

namespace Natter::MessageText {

using Link = TextLinks::Link;

// The links of a plain text, in order, by the rules of TextLinks::find().
QList<Link> findLinks(const QString &text);

// The accent colours of the message list, each of a fixed hue, at the lightness nearest a preferred one that reaches
// the contrast asked for against the background: the "New messages" line and its label (a red, 4.5:1, as text),
// and the bar beside a message that mentions the user (an amber, 3:1, as a graphic).
QColor newMessagesColor(const QColor &background);
QColor mentionColor(const QColor &background);

// hh:mm in the locale's short time format, without the seconds some locales (C among them) put in it.
QString shortTime(const QTime &time);

// The text as a QTextLayout lays it out: every line break (\n, \r\n, \r) becomes QChar::LineSeparator, which
// QTextLayout honours, so the user's line breaks survive. Nothing is interpreted: the text stays plain.
QString layoutText(const QString &text);

} // namespace Natter::MessageText
