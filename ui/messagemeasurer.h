#pragma once

// Measures a MessageView's rows exactly where the reader is, or is likely to scroll next, and leaves the
// delegate's estimates for every other row.

#include <QPersistentModelIndex>

namespace Natter {

class MessageView;

class MessageMeasurer
{
public:
    explicit MessageMeasurer(MessageView *view);

    // Measures rows exactly from first on, by step (1 or -1), until they cover pixels. Returns whether a height
    // changed from the one the last layout used.
    bool measureRows(int first, int step, int pixels);
    // The rows around `row`: a few screens below it and above it.
    bool measureRowsAround(int row);
    // Before a layout: the rows that will be on screen (the newest ones when following the bottom, else those
    // around the anchor), and a margin, so that the layout needs no second pass.
    void measureRowsNearPlace(bool followBottom, const QPersistentModelIndex &anchor);
    // After a layout: measures the rows around the ones on screen if any of those is still an estimate.
    bool measureVisibleRows();
    bool visibleRowsAreExact() const;

private:
    MessageView *m_view;
};

} // namespace Natter
