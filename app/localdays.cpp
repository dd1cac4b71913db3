#include "localdays.h"

#include <QDateTime>

namespace Natter {

qint32 LocalDays::dayOf(qint64 ts)
{
    if (ts >= m_start && ts < m_end)
        return m_day;
    const QDate date = QDateTime::fromMSecsSinceEpoch(ts).date();
    // startOfDay() copes with days that do not begin at 00:00 because of a DST change.
    m_start = date.startOfDay().toMSecsSinceEpoch();
    m_end = date.addDays(1).startOfDay().toMSecsSinceEpoch();
    m_day = static_cast<qint32>(date.toJulianDay());
    return m_day;
}

} // namespace Natter
