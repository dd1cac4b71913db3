#include "requestledger.h"

#include "clientmessages.h"

#include <algorithm>

namespace Natter {

using namespace Protocol;

void RequestLedger::awaitSinceRooms(const QSet<QString> &rooms)
{
    m_sinceRooms = rooms;
    m_sinceRefusal = {};
}

void RequestLedger::answeredJoin(const QString &room)
{
    m_joins.removeOne(room);
    m_sinceRooms.remove(room);
}

bool RequestLedger::answeredHistory(const ConversationId &conversation)
{
    const auto found = std::find_if(m_history.begin(), m_history.end(),
                                    [&](const HistoryAsk &ask) { return ask.conversation == conversation; });
    if (found == m_history.end())
        return false;
    const bool excerpt = found->excerpt;
    m_history.erase(found);
    return excerpt;
}

RequestLedger::Refused RequestLedger::take(const ErrorEvent &error)
{
    if (error.ref == HistoryRequest::Type && !m_history.isEmpty()) {
        const HistoryAsk ask = m_history.takeFirst();
        return {ask.excerpt ? Kind::Excerpt : Kind::History, ask.conversation, {}};
    }
    if (error.ref == Join::Type && !m_sinceRooms.isEmpty()) {
        m_sinceRefusal = error; // which room it was is known once a later answer comes
        return {Kind::SinceRoom, {}, {}};
    }
    if (error.ref == Join::Type && !m_joins.isEmpty())
        return {Kind::Join, {}, m_joins.takeFirst()};
    if (error.ref == SetTopic::Type && !m_topics.isEmpty())
        return {Kind::Topic, {}, m_topics.takeFirst()};
    if (error.ref == Nick::Type && !m_names.isEmpty())
        return {Kind::Name, {}, m_names.takeFirst()};
    return {};
}

QList<std::pair<QString, ErrorEvent>> RequestLedger::settleSinceRooms()
{
    QList<std::pair<QString, ErrorEvent>> refused;
    ErrorEvent error = m_sinceRefusal;
    if (error.message.isEmpty())
        error = {ErrorCode::TooManyRooms, QStringLiteral("The room could not be rejoined."), Join::Type.toString()};
    for (const QString &room : std::exchange(m_sinceRooms, {}))
        refused.append({room, error});
    return refused;
}

QList<RequestLedger::HistoryAsk> RequestLedger::abandon()
{
    m_joins.clear();
    m_topics.clear();
    m_names.clear();
    m_sinceRooms.clear();
    return std::exchange(m_history, {});
}

} // namespace Natter
