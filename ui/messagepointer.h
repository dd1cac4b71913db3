#pragma once

// What the mouse does over a MessageView's messages: clicks on links, retry markers, reply quotes and Copy buttons,
// selecting part of one message's text by dragging or double-clicking, and the cursor shape that tells which is under
// it.

#include <QPoint>
#include <QString>
#include <QUrl>

class QMouseEvent;

namespace Natter {

class MessageView;

class MessagePointer
{
public:
    // What is under a point of the viewport: a link, a retry marker, a reply's quote, a code block's Copy button,
    // a reaction chip, or nothing.
    struct Hit
    {
        QUrl link;
        QString retryId;
        qint64 quotedSeq = 0; // a reply's quote: the message it answers
        int copyRow = -1; // a Copy button: the row of the view, and which of its code blocks
        int copyBlock = -1;
        qint64 reactionSeq = 0; // a reaction chip: the message, its emoji, and whether the user is among its senders
        QString reactionEmoji{};
        bool reactionMine = false;
        bool isEmpty() const
        {
            return link.isEmpty() && retryId.isEmpty() && quotedSeq == 0 && copyBlock < 0 && reactionEmoji.isEmpty();
        }
        friend bool operator==(const Hit &, const Hit &) = default;
    };

    explicit MessagePointer(MessageView *view);

    Hit hitAt(const QPoint &pos) const;
    // Any press ends the former selection; a left press may start a click, or selecting part of a message.
    void press(const QMouseEvent *event);
    // True while the press selects text: the list's own drag selection of rows stays out of it.
    bool drag(const QMouseEvent *event);
    // The left button came up: what was clicked, if the press was on the same thing and selected no text.
    Hit release(const QMouseEvent *event);
    // A double click on a word selects it.
    void doubleClick(const QMouseEvent *event);
    void updateCursorShape(const QPoint &pos);
    void clearTextSelection();

private:
    MessageView *m_view;
    Hit m_pressed;
    bool m_selectingText = false; // the left button went down on a message's text and is still down
    QPoint m_pressPosition;
};

} // namespace Natter
