#pragma once

// Estimates a message row's height without laying its text out: the heights of its bands (the "New messages" line,
// day separator, header, marker: from its presentation roles, one table per font) plus the lines its text would
// take at a width, from its length and paragraphs and the font's average character width.

#include "messageheights.h"

#include <QtGlobal>

#include <array>

class QModelIndex;

namespace Natter {

class MessageFonts;

class HeightEstimator
{
public:
    // Reads what an estimate needs from `index`, an index of the MessageModel itself (not of a proxy).
    static void readShape(MessageHeights::Row &row, const QModelIndex &index);
    int estimate(const MessageFonts &fonts, const MessageHeights::Row &row, int width);
    // The font changed: every constant learnt for the former one is forgotten.
    void forgetFont();

private:
    int fixedHeight(const MessageFonts &fonts, quint8 flags);

    std::array<int, 256> m_fixedHeights{}; // by MessageHeights::Row::flags; -1: not known for this font
    int m_width = -1;
    qreal m_charactersPerLine = 1;
};

} // namespace Natter
