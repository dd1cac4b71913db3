#pragma once

// A complete Natter server: listener, sessions, chat service and history store, with start and clean stop.
// It lives in whichever thread calls start(); nothing in it is shared with other threads.

#include "serverconfig.h"

#include <QObject>
#include <QSet>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace Natter {

class ChatService;
class ClientSession;
class ConnectionListener;
class HistoryStore;

class ChatServer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY sessionCountChanged)
public:
    explicit ChatServer(ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    const ServerConfig &config() const { return m_config; }

    // Opens the store and starts listening. False, with a message, if either fails.
    bool start(QString *errorMessage = nullptr);
    // Stops accepting, commits what is queued, closes every client with 1001, then emits stopped().
    void stop();
    bool isRunning() const;

    quint16 port() const;
    // ws://HOST:PORT for the listening address (loopback when listening on every interface).
    QUrl localUrl() const;
    int sessionCount() const { return static_cast<int>(m_sessions.size()); }
    HistoryStore *store() const { return m_store; }

signals:
    void sessionCountChanged(int count);
    void stopped();

private:
    void onSocketReady(QWebSocket *socket, QTcpSocket *transport);
    void onSessionClosed(ClientSession *session);
    void finishStop();

    ServerConfig m_config;
    HistoryStore *m_store;
    ChatService *m_service;
    ConnectionListener *m_listener;
    QSet<ClientSession *> m_sessions;
    bool m_stopping = false;
};

} // namespace Natter
