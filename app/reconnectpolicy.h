#pragma once

// How long to wait before each reconnect attempt: doubling from a short first delay up to a cap, with jitter
// so that many clients of a restarted server do not all come back in the same instant.

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QRandomGenerator;
QT_END_NAMESPACE

namespace Natter {

class ReconnectPolicy
{
public:
    explicit ReconnectPolicy(int firstDelayMs = 500, int maxDelayMs = 30'000, double jitter = 0.2);

    // The delay before the next attempt; each call counts as one attempt.
    int nextDelayMs(QRandomGenerator &random);
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }
    int maximumDelayMs() const { return m_maxDelayMs; }

private:
    int m_firstDelayMs;
    int m_maxDelayMs;
    double m_jitter;
    int m_attempts = 0;
};

} // namespace Natter
