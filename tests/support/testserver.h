#pragma once

// A ChatServer on 127.0.0.1 and a free port, with its history in a temporary folder, for one test.

#include "chatserver.h"

#include <QTemporaryDir>

#include <memory>

class TestServer
{
public:
    // Limits are generous by default so that tests only meet the ones they set out to test.
    static Natter::ServerConfig defaultConfig();

    explicit TestServer(Natter::ServerConfig config = defaultConfig());
    ~TestServer();

    bool start();
    // Stops and waits for stopped(); the history file stays for a restart().
    bool stop();
    bool restart();
    Natter::ChatServer *server() const { return m_server.get(); }
    // ws://127.0.0.1:PORT: plain WebSocket, which every server accepts unless TLS is required.
    QUrl url() const;
    // wss://127.0.0.1:PORT/#sha256=…: the invite link, fingerprint included (empty while TLS is off).
    QUrl inviteUrl() const;
    QString databasePath() const { return m_config.databasePath; }
    Natter::ServerConfig &config() { return m_config; }

private:
    QTemporaryDir m_dir;
    Natter::ServerConfig m_config;
    std::unique_ptr<Natter::ChatServer> m_server;
};
