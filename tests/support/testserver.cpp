#include "testserver.h"

#include "invitelink.h"
#include "testclient.h"

#include <QSignalSpy>

using namespace Natter;

ServerConfig TestServer::defaultConfig()
{
    ServerConfig config;
    config.name = QStringLiteral("Test Server");
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.maxClients = 2000;
    config.maxConnectionsPerAddress = 1000;
    config.limits.messagesPerSecond = 10000;
    config.limits.burst = 10000;
    config.newRoomsPerHour = 10000;
    config.maxRoomsPerCreator = 10000;
    return config;
}

TestServer::TestServer(ServerConfig config)
    : m_config(std::move(config))
{
    if (m_config.databasePath.isEmpty())
        m_config.databasePath = m_dir.filePath(QStringLiteral("history.sqlite"));
}

TestServer::~TestServer() = default;

bool TestServer::start()
{
    m_server = std::make_unique<ChatServer>(m_config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << "test server did not start:" << error;
        return false;
    }
    // Restarts come back on the same port, as a real server would.
    m_config.port = m_server->port();
    return true;
}

bool TestServer::stop()
{
    if (!m_server)
        return true;
    QSignalSpy stopped(m_server.get(), &ChatServer::stopped);
    m_server->stop();
    const bool ok = TestClient::waitUntil([&] { return stopped.count() > 0; }, 10000);
    m_server.reset();
    return ok;
}

bool TestServer::restart()
{
    return stop() && start();
}

QUrl TestServer::url() const
{
    return m_server ? m_server->plainLocalUrl() : QUrl();
}

QUrl TestServer::inviteUrl() const
{
    if (!m_server || !m_server->isTlsEnabled())
        return {};
    return Protocol::InviteLink::make(m_server->localUrl(), m_server->certificateFingerprint());
}
