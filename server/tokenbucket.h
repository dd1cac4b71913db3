#pragma once

// A token-bucket rate limiter: up to `burst` events at once, then `ratePerSecond` on average.

#include <QtGlobal>

namespace Natter {

class TokenBucket
{
public:
    TokenBucket(double ratePerSecond, int burst);

    // Takes one token if there is one at time nowMs (any monotonic clock in milliseconds).
    bool tryTake(qint64 nowMs);
    double available(qint64 nowMs) const;
    // How long from nowMs until a token is there (0 if one is there now).
    qint64 msUntilToken(qint64 nowMs) const;

private:
    double m_rate;
    double m_capacity;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace Natter
