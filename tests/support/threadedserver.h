#pragma once

// A ChatServer in a thread of its own, as the app's host mode runs it, for tests and benchmarks: started, reached
// over loopback, and stopped and deleted in its own thread.

#include "serverconfig.h"

#include <QThread>
#include <QUrl>

#include <functional>

namespace Natter {
class ChatServer;
}

class ThreadedServer
{
public:
    explicit ThreadedServer(const Natter::ServerConfig &config);
    // Stops the server (waiting for its stopped()), deletes it in its thread and ends the thread.
    ~ThreadedServer();

    bool start();
    // ws://127.0.0.1:PORT.
    QUrl url() const;
    Natter::ChatServer *server() const { return m_server; }
    // Runs `work` in the server's thread and waits for it.
    void run(const std::function<void()> &work) const;

private:
    QThread m_thread;
    Natter::ChatServer *m_server;
};
