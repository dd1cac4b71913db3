#pragma once

// Where each part of one message row goes in a given rectangle: the single source of the geometry that the
// delegate measures, estimates, paints and hit-tests, so that they always agree.
//
// A row, top to bottom: the "New messages" line (UnreadMarkerRole), the day separator (DayChangeRole), then the
// message: its header on the first row of a group, its text, its delivery marker and its reactions.

#include "messagemarkup.h"
#include "messagerow.h"
#include "messagetext.h"
#include "reactionchips.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextLayout>

#include <functional>
#include <utility>

namespace Natter {

class MessageFonts;

class MessageLayout
{
    Q_DECLARE_TR_FUNCTIONS(Natter::MessageLayout)

public:
    // Measure: the exact height; needs no links, and skips laying out text that surely fits on one line.
    // Paint: everything, text laid out with its links. Estimate: no text at all; height is that of everything but
    // the text's lines, which a caller estimating a height adds itself.
    enum class Purpose { Measure, Paint, Estimate };
    // The colours that only painting needs, and who a mention highlights. Nothing here changes a height.
    struct Colors
    {
        QColor link;
        QColor actionName;
        QColor codeBackground; // behind inline code
        QColor quote; // the text of quote lines
        QColor mention; // behind a mention of a member of the conversation
        QColor ownMention; // behind a mention of the user: stronger
        QColor ownMentionText;
        QString ownName;
        std::function<bool(const QString &name)> isMember;
    };
    // A fenced code block as laid out: its background, the strip above its lines with the language and the
    // Copy button, and the code to copy.
    struct CodeBlock
    {
        QRect rect;
        QRect copyButton;
        QPoint languageOrigin; // baseline start of the language word
        QString language;
        QString code; // line breaks as '\n'
    };
    // How cursorAt() treats a point beside the text: Strict gives -1, Nearest the nearest position.
    enum class CursorHit { Strict, Nearest };

    MessageLayout(const MessageFonts &fonts, const QRect &rect, const MessageRow &row, Purpose purpose,
                  const Colors &colors = {});
    Q_DISABLE_COPY_MOVE(MessageLayout)

    // The width of the avatar column: every message's text starts after it, so a group's lines align.
    static int avatarColumn(const MessageFonts &fonts);

    // The link under pos (in the coordinates of rect), or an empty QUrl.
    QUrl linkAt(const QPoint &pos) const;
    // The code block under pos, or whose Copy button is under it; -1 if none.
    int codeBlockAt(const QPoint &pos) const;
    int copyButtonAt(const QPoint &pos) const;
    // The reaction chip under pos; -1 if none.
    int chipAt(const QPoint &pos) const;
    // The words on a code block's Copy button.
    static QString copyButtonText();
    // The cursor position in text.text() nearest pos: between characters, as a text cursor would stand.
    int cursorAt(const QPoint &pos, CursorHit hit) const;
    // [start, end) of the word under pos in text.text(); an empty range if pos is not on a word.
    std::pair<int, int> wordAt(const QPoint &pos) const;

    const MessageFonts &fonts;
    QRect unreadLine; // the "New messages" band; empty if none
    QRect separator; // the day separator band; empty if none
    QRect message; // the rest of the row
    bool hasHeader = false;
    QRect avatar; // the sender's avatar beside the first message of a group; empty on the others
    QPoint header; // top-left of the header line
    QRect quote; // the line quoting the message a reply answers; empty if none
    QPointF textOrigin;
    QTextLayout text; // empty when measured without laying out
    QList<MessageText::Link> links; // positions in text.text()
    QList<CodeBlock> codeBlocks;
    QList<QRect> quoteBars; // beside each run of quote lines
    QString marker; // "sending…" or "Not sent … click to retry", elided to the row; empty if none
    QString fullMarker; // the marker before eliding
    QRect markerRect;
    QList<ReactionChip> chips; // under the text and its marker
    int height = 0;

private:
    qreal layOutText(const MessageRow &row, int width, Purpose purpose, const Colors &colors);
    void addMarkupFormats(const MessageMarkup &markup, qsizetype offset, Purpose purpose, const Colors &colors,
                          QList<QTextLayout::FormatRange> &formats);
    qreal layOutLines(const MessageMarkup &markup, qsizetype offset, int width);
    int lineAt(qreal y, CursorHit hit) const;
};

} // namespace Natter
