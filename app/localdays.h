#pragma once

// Turns timestamps into local calendar days quickly: converting one is slow, and consecutive messages mostly fall
// on the same day, so the day last found is kept with its bounds.

#include <QtGlobal>

namespace Natter {

class LocalDays
{
public:
    // The Julian day of `ts` (UTC milliseconds) in local time.
    qint32 dayOf(qint64 ts);

private:
    qint64 m_start = 0; // [start, end) in UTC milliseconds is local day `day`
    qint64 m_end = 0;
    qint32 m_day = 0;
};

} // namespace Natter
