#pragma once

// A server on 127.0.0.1 that says only what a test tells it to: it welcomes every hello and answers every join
// with the joiner alone in the room, and the test sends whatever frames it likes, as a hostile server would.

#include "clientmessages.h"
#include "servermessages.h"

#include <QObject>
#include <QPointer>
#include <QWebSocketServer>

class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedServer(QObject *parent = nullptr);

    bool listen();
    QUrl url() const { return m_server.serverUrl(); }
    // Sent in every welcome; the name is the one the hello asked for.
    Natter::Protocol::ServerInfo &info() { return m_info; }
    // To the newest connection.
    void send(const Natter::Protocol::ServerMessage &message);
    // A frame as it goes on the wire, encoded beforehand (or not valid at all).
    void sendText(const QString &frame);
    int connections() const { return m_connections; }

signals:
    void received(const Natter::Protocol::ClientMessage &message);

private:
    void onFrame(const QString &frame);

    QWebSocketServer m_server;
    QPointer<QWebSocket> m_socket;
    Natter::Protocol::ServerInfo m_info;
    QString m_name;
    int m_connections = 0;
};
