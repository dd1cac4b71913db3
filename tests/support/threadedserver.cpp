#include "threadedserver.h"

#include "chatserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

using namespace Natter;

ThreadedServer::ThreadedServer(const ServerConfig &config)
    : m_server(new ChatServer(config))
{
    m_thread.start();
    m_server->moveToThread(&m_thread);
}

ThreadedServer::~ThreadedServer()
{
    bool stopped = false;
    QObject::connect(
        m_server, &ChatServer::stopped, m_server, [&stopped] { stopped = true; }, Qt::DirectConnection);
    run([this] { m_server->stop(); });
    // stop() ends in the server's thread once the closing handshakes are done; clients in this thread answer them.
    const QDeadlineTimer deadline(10'000);
    bool done = false;
    while (!done && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        run([&] { done = stopped; });
    }
    run([this] { delete m_server; });
    m_thread.quit();
    m_thread.wait();
}

bool ThreadedServer::start()
{
    bool started = false;
    run([&] { started = m_server->start(); });
    return started;
}

QUrl ThreadedServer::url() const
{
    QUrl url(QStringLiteral("ws://127.0.0.1"));
    quint16 port = 0;
    run([&] { port = m_server->port(); });
    url.setPort(port);
    return url;
}

void ThreadedServer::run(const std::function<void()> &work) const
{
    QMetaObject::invokeMethod(m_server, work, Qt::BlockingQueuedConnection);
}
