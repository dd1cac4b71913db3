#include "scriptedserver.h"

#include "protocol.h"

#include <QWebSocket>

using namespace Natter::Protocol;

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_server(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode)
{
    m_info.name = QStringLiteral("Scripted");
    m_info.version = QStringLiteral("0");
    m_server.setSupportedSubprotocols({subprotocol()});
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            if (m_socket)
                m_socket->abort();
            m_socket = socket;
            ++m_connections;
            connect(socket, &QWebSocket::textMessageReceived, this, &ScriptedServer::onFrame);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

void ScriptedServer::send(const ServerMessage &message)
{
    if (m_socket)
        m_socket->sendTextMessage(encodeFrame(message));
}

void ScriptedServer::sendText(const QString &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(frame);
}

void ScriptedServer::onFrame(const QString &frame)
{
    const auto decoded = decodeClientFrame(frame);
    if (!decoded)
        return;
    if (const auto *hello = std::get_if<Hello>(&decoded.value())) {
        m_name = hello->name;
        send(Welcome{m_name, QStringLiteral("token"), m_info, {}});
    } else if (const auto *join = std::get_if<Join>(&decoded.value())) {
        Joined joined;
        joined.room = join->room;
        joined.members = {m_name};
        send(joined);
    }
    emit received(decoded.value());
}
