#include "serverrequests.h"

#include "clientlogging.h"
#include "clientmessages.h"
#include "serversocket.h"

#include <QDateTime>

namespace Natter {

using namespace Protocol;

ServerRequests::ServerRequests(ServerSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{ }

void ServerRequests::join(const QString &room)
{
    m_ledger.sentJoin(room);
    m_socket->send(Join{room});
}

void ServerRequests::leave(const QString &room)
{
    m_socket->send(Leave{room});
}

void ServerRequests::history(const ConversationId &conversation, qint64 beforeSeq, int limit)
{
    const bool room = conversation.isRoom();
    m_ledger.sentHistory(conversation);
    m_socket->send(
        HistoryRequest{room ? conversation.name : QString(), room ? QString() : conversation.name, beforeSeq, limit});
}

void ServerRequests::excerpt(const ConversationId &conversation, qint64 beforeSeq, qint64 aroundSeq)
{
    const bool room = conversation.isRoom();
    m_ledger.sentHistory(conversation, true);
    m_socket->send(HistoryRequest{room ? conversation.name : QString(), room ? QString() : conversation.name, beforeSeq,
                                  0, aroundSeq});
}

void ServerRequests::typing(const ConversationId &conversation)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 &last = m_lastTypingMs[conversation];
    if (last != 0 && now - last < m_typingIntervalMs)
        return;
    last = now;
    const bool room = conversation.isRoom();
    m_socket->send(Typing{room ? conversation.name : QString(), room ? QString() : conversation.name});
}

void ServerRequests::setTopic(const QString &room, const QString &topic)
{
    m_ledger.sentTopic(room);
    m_socket->send(SetTopic{room, topic});
}

void ServerRequests::changeName(const QString &name)
{
    m_ledger.sentName(name);
    m_socket->send(Nick{name});
}

void ServerRequests::listRooms()
{
    m_socket->send(RoomsRequest{});
}

void ServerRequests::search(const SearchRequest &request)
{
    ++m_searchesWaiting;
    m_socket->send(request);
}

void ServerRequests::react(const ConversationId &conversation, qint64 seq, const QString &emoji, bool on)
{
    React request;
    (conversation.isRoom() ? request.room : request.to) = conversation.name;
    request.seq = seq;
    request.emoji = emoji;
    request.on = on;
    m_socket->send(request);
}

void ServerRequests::reactors(const ConversationId &conversation, qint64 seq, const QString &emoji)
{
    ReactorsRequest request;
    (conversation.isRoom() ? request.room : request.to) = conversation.name;
    request.seq = seq;
    request.emoji = emoji;
    m_socket->send(request);
}

void ServerRequests::askAfterSinceRooms()
{
    // The server handles a connection's frames in order, so this answer comes after every room named in `since`
    // was rejoined or refused; a refusal names no room, so the rooms still waiting then are the refused ones.
    if (m_ledger.awaitsSinceRooms())
        listRooms();
}

void ServerRequests::settleSinceRooms()
{
    for (const auto &[room, error] : m_ledger.settleSinceRooms())
        emit sinceRoomRefused(room, error);
}

void ServerRequests::abandon()
{
    // Requests sent on a connection that is gone will never be answered; whoever waits for them must know.
    for (const RequestLedger::HistoryAsk &ask : m_ledger.abandon()) {
        if (ask.excerpt)
            emit excerptFailed(ask.conversation, {});
        else
            emit historyFailed(ask.conversation, {});
    }
    for (; m_searchesWaiting > 0; --m_searchesWaiting)
        emit searchFailed({});
}

void ServerRequests::refuse(const ErrorEvent &error)
{
    qCInfo(lcClient) << "server error:" << errorCodeWord(error.code) << error.ref << error.message;
    const RequestLedger::Refused refused = m_ledger.take(error);
    switch (refused.kind) {
    case RequestLedger::Kind::History:
        emit historyFailed(refused.conversation, error);
        return;
    case RequestLedger::Kind::Excerpt:
        emit excerptFailed(refused.conversation, error);
        return;
    case RequestLedger::Kind::Join:
        emit joinFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::SinceRoom:
        return; // told at settleSinceRooms()
    case RequestLedger::Kind::Topic:
        emit topicFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::Name:
        emit nameChangeFailed(refused.subject, error);
        return;
    case RequestLedger::Kind::None:
        break;
    }
    if (error.ref == SearchRequest::Type && m_searchesWaiting > 0) {
        --m_searchesWaiting;
        emit searchFailed(error);
        return;
    }
    if (error.ref == React::Type || error.ref == ReactorsRequest::Type) {
        emit reactionFailed(error);
        return;
    }
    if (error.code == ErrorCode::HelloRequired)
        return; // a request sent behind a hello the server refused
    if (error.ref == Typing::Type)
        return; // the person left before the typing notice arrived: nothing anyone needs to see
    emit errorReceived(error);
}

} // namespace Natter
