#pragma once

// Paints one laid-out message row: the "New messages" line, the day separator, the tinted band of a mention, the
// hover and selection highlight, the header with avatar, name and time, a reply's quote, the text (its code blocks on a
// background with a Copy button, its quote lines beside a bar) with the part the user selected, and the delivery
// marker. Keeps the senders' colours for the background they were picked for.

#include "messagelayout.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QStyleOptionViewItem>

#include <optional>
#include <utility>

class QPainter;

namespace Natter {

class MessagePainter
{
    Q_DECLARE_TR_FUNCTIONS(Natter::MessagePainter)

public:
    // The colours a row's layout needs: links, an action's sender, code, quotes and mentions.
    MessageLayout::Colors colorsFor(const QStyleOptionViewItem &option, const MessageRow &row) const;
    // `selected`, when set, is [start, end) of the body text to paint in the palette's Highlight colours.
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
               const MessageLayout &layout, std::optional<std::pair<int, int>> selected) const;

private:
    void paintUnreadLine(QPainter *painter, const QStyleOptionViewItem &option, const MessageLayout &layout) const;
    void paintSeparator(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                        const MessageLayout &layout) const;
    void paintQuote(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                    const MessageLayout &layout) const;
    void paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                     const MessageLayout &layout) const;
    void paintCodeBlocks(QPainter *painter, const QStyleOptionViewItem &option, const MessageLayout &layout) const;
    void paintBody(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                   const MessageLayout &layout, std::optional<std::pair<int, int>> selected) const;
    QColor nameColor(const QString &name, const QColor &background) const;

    mutable QHash<QString, QColor> m_senderColors; // for m_senderColorsBackground
    mutable QRgb m_senderColorsBackground = 0;
};

} // namespace Natter
