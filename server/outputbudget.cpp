#include "outputbudget.h"

#include "clientsession.h"
#include "logging.h"

namespace Natter {

OutputBudget::OutputBudget(qint64 limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{ }

void OutputBudget::add(ClientSession *session)
{
    m_sessions.insert(session);
}

void OutputBudget::remove(ClientSession *session)
{
    m_sessions.remove(session);
}

void OutputBudget::adjust(qint64 delta)
{
    m_total += delta;
    if (m_total <= m_limit || m_dropScheduled)
        return;
    m_dropScheduled = true;
    QMetaObject::invokeMethod(this, &OutputBudget::dropSlowest, Qt::QueuedConnection);
}

void OutputBudget::dropSlowest()
{
    m_dropScheduled = false;
    while (m_total > m_limit) {
        ClientSession *slowest = nullptr;
        for (ClientSession *session : std::as_const(m_sessions)) {
            if (!slowest || session->reportedBytes() > slowest->reportedBytes())
                slowest = session;
        }
        if (!slowest || slowest->reportedBytes() == 0)
            return;
        qCWarning(lcSession) << slowest->peer() << "had" << slowest->reportedBytes()
                             << "bytes waiting when the server's output reached" << m_total << "of its" << m_limit
                             << "budget; dropping it";
        // Aborted, not closed: its close frame would only wait behind everything else it does not read.
        m_sessions.remove(slowest);
        m_total -= slowest->reportedBytes();
        slowest->dropForOutputBudget();
    }
}

} // namespace Natter
