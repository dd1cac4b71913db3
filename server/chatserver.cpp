#include "chatserver.h"

#include "chatservice.h"
#include "clientsession.h"
#include "connectionlistener.h"
#include "historystore.h"
#include "logging.h"
#include "shareaddresses.h"

#include <QTimer>
#include <QWebSocket>

namespace Natter {

namespace {
// How long stop() waits for clients to answer the closing handshake.
constexpr int StopGraceMs = 2000;
} // namespace

ChatServer::ChatServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_store(new HistoryStore(this))
    , m_service(new ChatService(m_store, m_config, this))
    , m_listener(new ConnectionListener(m_config, this))
{
    m_store->setDurableCommits(m_config.durableCommits);
    connect(m_listener, &ConnectionListener::socketReady, this, &ChatServer::onSocketReady);
}

ChatServer::~ChatServer()
{
    // Sessions refer to the service; make sure they go first.
    const QSet<ClientSession *> sessions = m_sessions;
    m_sessions.clear();
    for (ClientSession *session : sessions) {
        disconnect(session, nullptr, this, nullptr);
        delete session;
    }
    m_store->close();
}

bool ChatServer::start(QString *errorMessage)
{
    const QString path = m_config.databasePath.isEmpty() ? ServerConfig::defaultDatabasePath() : m_config.databasePath;
    if (!m_store->open(path, errorMessage))
        return false;
    m_service->loadRooms();
    if (!m_listener->listen(errorMessage)) {
        m_store->close();
        return false;
    }
    qCInfo(lcServer) << "listening on" << m_listener->address().toString() << "port" << m_listener->port()
                     << "with history in" << path;
    return true;
}

bool ChatServer::isRunning() const
{
    return m_listener->isListening();
}

quint16 ChatServer::port() const
{
    return m_listener->port();
}

QUrl ChatServer::localUrl() const
{
    return ShareAddresses::localUrl(m_listener->address(), m_listener->port(), QStringLiteral("ws"));
}

void ChatServer::onSocketReady(QWebSocket *socket, QTcpSocket *transport)
{
    if (m_stopping) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        socket->deleteLater();
        return;
    }
    auto *session = new ClientSession(socket, transport, m_config, this);
    m_sessions.insert(session);
    connect(session, &ClientSession::closed, this, &ChatServer::onSessionClosed);
    m_service->attach(session);
    emit sessionCountChanged(sessionCount());
}

void ChatServer::onSessionClosed(ClientSession *session)
{
    if (!m_sessions.remove(session))
        return;
    session->deleteLater();
    emit sessionCountChanged(sessionCount());
    if (m_stopping && m_sessions.isEmpty())
        finishStop();
}

void ChatServer::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "stopping: closing" << m_sessions.size() << "connections";
    m_listener->close();
    m_store->flush(); // acks and deliveries of everything queued go out before the close frames
    if (m_sessions.isEmpty()) {
        QTimer::singleShot(0, this, &ChatServer::finishStop);
        return;
    }
    for (ClientSession *session : std::as_const(m_sessions))
        session->closeWith(Protocol::CloseCode::GoingAway, QStringLiteral("server shutting down"));
    QTimer::singleShot(StopGraceMs, this, [this] {
        if (!m_stopping || m_sessions.isEmpty())
            return;
        qCWarning(lcServer) << m_sessions.size() << "clients did not answer the close; dropping them";
        const QSet<ClientSession *> sessions = m_sessions;
        for (ClientSession *session : sessions)
            session->abort();
    });
}

void ChatServer::finishStop()
{
    if (!m_stopping || !m_store->isOpen())
        return;
    m_store->close();
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

} // namespace Natter
