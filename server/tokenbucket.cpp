#include "tokenbucket.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Natter {

TokenBucket::TokenBucket(double ratePerSecond, int burst)
    : m_rate(ratePerSecond)
    , m_capacity(std::max(1, burst))
    , m_tokens(m_capacity)
{ }

double TokenBucket::available(qint64 nowMs) const
{
    if (m_lastMs < 0 || nowMs <= m_lastMs)
        return m_tokens;
    return std::min(m_capacity, m_tokens + static_cast<double>(nowMs - m_lastMs) * m_rate / 1000.0);
}

qint64 TokenBucket::msUntilToken(qint64 nowMs) const
{
    const double missing = 1.0 - available(nowMs);
    if (missing <= 1e-9)
        return 0;
    // A rate as small as a config file allows (1e-300 per second) makes a wait no qint64 holds; such a bucket
    // waits as long as one can rather than overflowing into a negative wait.
    constexpr auto Longest = static_cast<double>(std::numeric_limits<qint64>::max() / 2);
    return std::max<qint64>(1, static_cast<qint64>(std::min(std::ceil(missing * 1000.0 / m_rate), Longest)));
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    m_tokens = available(nowMs);
    m_lastMs = std::max(m_lastMs, nowMs);
    // Refills arrive in many small additions; without the tolerance, ten refills of 0.1 fall short of one token.
    constexpr double Tolerance = 1e-9;
    if (m_tokens + Tolerance < 1.0)
        return false;
    m_tokens = std::max(0.0, m_tokens - 1.0);
    return true;
}

} // namespace Natter
