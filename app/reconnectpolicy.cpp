#include "reconnectpolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace Natter {

ReconnectPolicy::ReconnectPolicy(int firstDelayMs, int maxDelayMs, double jitter)
    : m_firstDelayMs(std::max(1, firstDelayMs))
    , m_maxDelayMs(std::max(m_firstDelayMs, maxDelayMs))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
{ }

int ReconnectPolicy::nextDelayMs(QRandomGenerator &random)
{
    const int doublings = std::min(m_attempts, 30);
    ++m_attempts;
    const double base = std::min<double>(m_maxDelayMs, m_firstDelayMs * std::pow(2.0, doublings));
    const double spread = base * m_jitter;
    const double delay = base - spread + random.bounded(2.0 * spread + 1e-9);
    return static_cast<int>(std::clamp(delay, 1.0, static_cast<double>(m_maxDelayMs)));
}

} // namespace Natter
