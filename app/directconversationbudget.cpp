#include "directconversationbudget.h"

namespace Natter {

bool DirectConversationBudget::admit(const ConversationId &direct, qint64 nowMs)
{
    if (nowMs < 0) {
        if (!m_clock.isValid())
            m_clock.start();
        nowMs = m_clock.elapsed();
    }
    if (m_windowStart < 0 || nowMs - m_windowStart >= WindowMs) {
        m_windowStart = nowMs;
        m_admittedInWindow = 0;
    }
    if (m_admittedInWindow >= PerMinute || m_unopened.size() >= Unopened)
        return false;
    ++m_admittedInWindow;
    m_unopened.insert(direct);
    return true;
}

void DirectConversationBudget::noteUnopened(const ConversationId &direct)
{
    m_unopened.insert(direct);
}

void DirectConversationBudget::clear()
{
    m_windowStart = -1;
    m_admittedInWindow = 0;
    m_unopened.clear();
}

} // namespace Natter
