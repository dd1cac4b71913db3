#pragma once

// A search hit's snippet as the message reads: the formatting marks the server's cut of the raw text still has
// (`**`, `` ` ``, `> ` …) read by MessageMarkup and gone, the matched ranges moved with the text, and the spans to
// draw it with. The server cuts the text without knowing the marks, so a mark whose partner was cut off stays as it
// was written, as any unmatched mark does.

#include "messagemarkup.h"
#include "searchmessages.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Natter {

struct SearchSnippet
{
    QString text; // as shown
    QList<Protocol::SearchRange> ranges; // the matched words, in text
    QList<MessageMarkup::Span> spans; // bold, italic, code … in text

    // `snippet` and `ranges` as the server sent them; ranges out of the snippet are dropped.
    static SearchSnippet read(const QString &snippet, const QList<Protocol::SearchRange> &ranges);
};

} // namespace Natter

Q_DECLARE_METATYPE(QList<Natter::Protocol::SearchRange>)
Q_DECLARE_METATYPE(QList<Natter::MessageMarkup::Span>)
