#pragma once

// How many direct conversations others may start in this app without the user opening them: at most
// PerMinute new ones in any minute and Unopened waiting at once. A server that invents senders by the thousand
// adds a few conversations, not thousands; each check is O(1).

#include "conversationid.h"

#include <QElapsedTimer>
#include <QSet>

namespace Natter {

class DirectConversationBudget
{
public:
    static constexpr int PerMinute = 30;
    static constexpr int Unopened = 200;
    static constexpr qint64 WindowMs = 60'000;

    // Someone the app lists no conversation with wrote to the user: whether it may be listed. `nowMs` is a
    // monotonic clock's reading (the budget's own when negative).
    bool admit(const ConversationId &direct, qint64 nowMs = -1);
    // Counts a listed conversation the user has never opened (remembered from an earlier run) as waiting.
    void noteUnopened(const ConversationId &direct);
    // The user opened it, wrote there or closed it: it no longer waits.
    void settled(const ConversationId &direct) { m_unopened.remove(direct); }
    int unopened() const { return int(m_unopened.size()); }
    void clear();

private:
    QElapsedTimer m_clock;
    qint64 m_windowStart = -1;
    int m_admittedInWindow = 0;
    QSet<ConversationId> m_unopened;
};

} // namespace Natter
