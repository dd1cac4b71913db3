#pragma once

// Where each part of one message row goes in a given rectangle: the single source of the geometry that the
// delegate measures, paints and hit-tests, so that the three always agree.

#include "messagemodel.h"
#include "messagetext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextLayout>

namespace Natter {

class MessageFonts;

// What a delegate reads of one MessageModel row.
struct MessageRow
{
    enum class Time { Skip, Read }; // reading it converts to local time: costly, and no height depends on it

    QString sender;
    QString text;
    QDateTime time;
    MessageModel::DeliveryState state = MessageModel::DeliveryState::Sent;
    bool action = false;
    bool firstOfGroup = true;
    bool dayChange = false;

    static MessageRow fromIndex(const QModelIndex &index, Time time = Time::Skip);
    // The body as laid out: the text with its line breaks as QChar::LineSeparator, after "* Name " for an
    // action. Plain text: never interpreted as markup.
    QString bodyText() const;
};

class MessageLayout
{
    Q_DECLARE_TR_FUNCTIONS(Natter::MessageLayout)

public:
    // Measuring needs no links, and skips laying out text that surely fits on one line.
    enum class Purpose { Measure, Paint };
    struct Colors
    {
        QColor link;
        QColor actionName;
    };

    MessageLayout(const MessageFonts &fonts, const QRect &rect, const MessageRow &row, Purpose purpose,
                  const Colors &colors = {});
    Q_DISABLE_COPY_MOVE(MessageLayout)

    // The link under pos (in the coordinates of rect), or an empty QUrl.
    QUrl linkAt(const QPoint &pos) const;

    const MessageFonts &fonts;
    QRect separator; // the day separator band; empty if none
    QRect message; // the rest of the row
    bool hasHeader = false;
    QPoint header; // top-left of the header line
    QPointF textOrigin;
    QTextLayout text; // empty when measured without laying out
    QList<MessageText::Link> links; // positions in text.text()
    QString marker; // "sending…" or "Not sent — click to retry"; empty if none
    QRect markerRect;
    int height = 0;

private:
    qreal layOutText(const MessageRow &row, int width, Purpose purpose, const Colors &colors);
};

} // namespace Natter
