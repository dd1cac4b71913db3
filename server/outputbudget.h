#pragma once

// The bytes waiting to be sent to all of a server's connections together, held to one budget (max-output-bytes).
// Each connection reports how much it has queued; once the sum passes the budget, the connections with the most
// waiting (the slowest readers) are dropped, largest first, until it is back under. Together with each
// connection's own caps this bounds the server's memory whatever its clients do (docs/server.md).

#include <QObject>
#include <QSet>

namespace Natter {

class ClientSession;

class OutputBudget : public QObject
{
    Q_OBJECT
public:
    explicit OutputBudget(qint64 limit, QObject *parent = nullptr);

    qint64 limit() const { return m_limit; }
    qint64 total() const { return m_total; }

    void add(ClientSession *session);
    void remove(ClientSession *session);
    // A connection's queued bytes changed by delta. Over the budget, the drop happens on the next event-loop turn,
    // never in the middle of a broadcast.
    void adjust(qint64 delta);

private:
    void dropSlowest();

    const qint64 m_limit;
    qint64 m_total = 0;
    bool m_dropScheduled = false;
    QSet<ClientSession *> m_sessions;
};

} // namespace Natter
