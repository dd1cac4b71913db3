#pragma once

// Pairs a server's refusals with the requests they answer. The server handles a connection's frames in order and
// names a refused request only by its type, so the oldest request of that type still waiting is the one refused.
// Rooms named in hello.since are answered before anything sent after the hello; a refusal names none of them,
// so the ones still waiting when a later answer comes are the refused ones.

#include "conversationid.h"
#include "servermessages.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace Natter {

class RequestLedger
{
public:
    enum class Kind { None, History, Excerpt, Join, SinceRoom, Topic, Name };

    // A history request: for the conversation's own list, or for an excerpt of it (a page around a search hit).
    struct HistoryAsk
    {
        ConversationId conversation;
        bool excerpt = false;
        friend bool operator==(const HistoryAsk &, const HistoryAsk &) = default;
    };

    // What a refusal was about: which kind of request, and for which conversation, room or name.
    struct Refused
    {
        Kind kind = Kind::None;
        ConversationId conversation; // History, Excerpt
        QString subject; // Join, Topic: the room; Name: the name asked for
    };

    void sentHistory(const ConversationId &conversation, bool excerpt = false)
    {
        m_history.append({conversation, excerpt});
    }
    void sentJoin(const QString &room) { m_joins.append(room); }
    void sentTopic(const QString &room) { m_topics.append(room); }
    void sentName(const QString &name) { m_names.append(name); }
    void awaitSinceRooms(const QSet<QString> &rooms);
    bool awaitsSinceRooms() const { return !m_sinceRooms.isEmpty(); }

    // Whether the page answers an excerpt's request: the oldest one waiting for that conversation.
    bool answeredHistory(const ConversationId &conversation);
    void answeredJoin(const QString &room);
    void answeredTopic(const QString &room) { m_topics.removeOne(room); }
    void answeredName(const QString &name) { m_names.removeOne(name); }

    // Takes the request an error refused; Kind::None if it refused none this ledger knows. A refused since
    // room is only known at settleSinceRooms().
    Refused take(const Protocol::ErrorEvent &error);
    // The since rooms that were not rejoined, each with the refusal that came for them, and forgets them.
    QList<std::pair<QString, Protocol::ErrorEvent>> settleSinceRooms();
    // The connection is gone: the history requests that will never be answered; everything is forgotten.
    QList<HistoryAsk> abandon();

private:
    QList<HistoryAsk> m_history;
    QStringList m_joins;
    QStringList m_topics;
    QStringList m_names;
    QSet<QString> m_sinceRooms;
    Protocol::ErrorEvent m_sinceRefusal;
};

} // namespace Natter
