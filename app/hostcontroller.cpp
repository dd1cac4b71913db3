#include "hostcontroller.h"

#include "chatserver.h"
#include "clientlogging.h"
#include "invitelink.h"
#include "shareaddresses.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace Natter {

namespace {
// Longer than ChatServer's grace for closing handshakes, so a server that stops at all stops within it.
constexpr int StopTimeoutMs = 5000;
} // namespace

HostController::HostController(QObject *parent)
    : QObject(parent)
    , m_addressProvider(&HostController::interfaceAddresses)
{
    m_stopTimer.setSingleShot(true);
    m_stopTimer.setInterval(StopTimeoutMs);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        if (!m_thread)
            return;
        qCWarning(lcHost) << "the server did not report stopping in time; ending its thread";
        m_thread->quit();
    });
}

HostController::~HostController()
{
    if (!m_thread)
        return;
    disconnect(m_thread.get(), nullptr, this, nullptr);
    if (!m_stopping && m_server) {
        qCInfo(lcHost) << "stopping the server before the app lets go of it";
        QMetaObject::invokeMethod(m_server.data(), &ChatServer::stop, Qt::QueuedConnection);
    }
    // The server quits its thread once it has stopped; clients in this thread cannot answer the closing
    // handshake while we wait, so this takes the server's grace period when any are still connected.
    if (!m_thread->wait(QDeadlineTimer(StopTimeoutMs))) {
        qCWarning(lcHost) << "the server did not stop in time; ending its thread";
        m_thread->quit();
        if (!m_thread->wait(QDeadlineTimer(StopTimeoutMs))) {
            qCCritical(lcHost) << "the server thread is stuck; leaving it behind";
            (void)m_thread.release(); // deleting a running QThread would abort the app
        }
    }
}

bool HostController::start(const HostOptions &options)
{
    if (m_thread) {
        m_lastError = m_stopping ? tr("The previous server is still stopping.") : tr("A chat is already hosted.");
        return false;
    }
    m_lastError.clear();
    m_notice.clear();
    m_portFallback = false;

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("natter-host"));
    QThread *thread = m_thread.get();
    connect(thread, &QThread::finished, this, [this, thread] {
        if (thread == m_thread.get())
            onThreadFinished();
    });
    m_thread->start();

    QString error;
    ChatServer *server = startServer(options, options.preferredPort, &error);
    if (!server && options.preferredPort != 0 && m_startFailure == int(ChatServer::StartFailure::Listen)) {
        // Most likely the port is taken (another Natter, another program). A free port still lets people
        // join. A history that cannot be used fails the same way on every port, so that is not retried.
        qCInfo(lcHost).noquote() << QStringLiteral("could not start on port %1 (%2); trying any free port")
                                        .arg(options.preferredPort)
                                        .arg(error);
        server = startServer(options, 0, &error);
        if (server) {
            m_portFallback = true;
            m_notice = tr("Port %1 was not available, so this chat uses port %2 instead.")
                           .arg(options.preferredPort)
                           .arg(m_port);
        }
    }
    if (!server) {
        m_lastError = startFailureText(
            m_startFailure, options.databasePath.isEmpty() ? ServerConfig::defaultDatabasePath() : options.databasePath,
            error);
        qCWarning(lcHost).noquote() << m_lastError;
        releaseThread();
        return false;
    }

    m_server = server;
    m_bindAddress = options.bindAddress;
    m_hosting = true;
    qCInfo(lcHost).noquote() << "hosting at" << m_localUrl.toString();
    if (m_portFallback)
        emit portFallbackUsed(options.preferredPort, m_port);
    emit hostingChanged(true);
    return true;
}

ChatServer *HostController::startServer(const HostOptions &options, quint16 port, QString *errorMessage)
{
    ServerConfig config;
    if (!options.serverName.isEmpty())
        config.name = options.serverName;
    config.bindAddress = options.bindAddress;
    config.port = port;
    config.databasePath = options.databasePath;
    config.password = options.password;

    auto *server = new ChatServer(config);
    server->moveToThread(m_thread.get());
    // Both run in the server's thread: it ends its thread once stopped, and is deleted as the thread ends.
    connect(server, &ChatServer::stopped, m_thread.get(), &QThread::quit, Qt::DirectConnection);
    connect(m_thread.get(), &QThread::finished, server, &QObject::deleteLater);

    // Opening the store and listening take milliseconds; everything slow (stopping) is asynchronous.
    bool started = false;
    QMetaObject::invokeMethod(
        server,
        [&] {
            started = server->start(errorMessage);
            m_startFailure = int(server->startFailure());
            if (started) {
                m_port = server->port();
                m_fingerprint = server->certificateFingerprint();
                m_localUrl = m_fingerprint.isEmpty() ? server->localUrl()
                                                     : Protocol::InviteLink::make(server->localUrl(), m_fingerprint);
            }
        },
        Qt::BlockingQueuedConnection);
    if (started)
        return server;
    server->deleteLater();
    return nullptr;
}

QString HostController::startFailureText(int failure, const QString &databasePath, const QString &error)
{
    const QString folder = QFileInfo(databasePath).absolutePath();
    switch (ChatServer::StartFailure(failure)) {
    case ChatServer::StartFailure::HistoryInUse:
        return tr("Could not start hosting: another Natter is already hosting from this folder (%1). Use the chat "
                  "it hosts, or stop it first.")
            .arg(folder);
    case ChatServer::StartFailure::HistoryReadOnly:
        return tr("Could not start hosting: the chat history %1 is read-only. Make the file and its folder writable.")
            .arg(databasePath);
    case ChatServer::StartFailure::HistoryDamaged:
        return tr("Could not start hosting: the chat history %1 is damaged. Restore it from a backup, or move it "
                  "away to start with an empty history.")
            .arg(databasePath);
    default:
        return tr("Could not start hosting: %1").arg(error);
    }
}

void HostController::stop()
{
    if (!m_thread || m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcHost) << "stopping the server";
    m_stopTimer.start();
    if (m_server)
        QMetaObject::invokeMethod(m_server.data(), &ChatServer::stop, Qt::QueuedConnection);
    else
        m_thread->quit();
}

void HostController::onThreadFinished()
{
    m_stopTimer.stop();
    m_thread->wait(); // finished() comes just before the thread's last deferred deletions
    m_thread.reset();
    m_server.clear();
    const bool wasHosting = m_hosting;
    m_hosting = false;
    m_stopping = false;
    m_portFallback = false;
    m_notice.clear();
    m_port = 0;
    m_localUrl.clear();
    m_fingerprint.clear();
    qCInfo(lcHost) << "the server has stopped";
    if (wasHosting)
        emit hostingChanged(false);
    emit stopped();
}

void HostController::releaseThread()
{
    disconnect(m_thread.get(), nullptr, this, nullptr);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_port = 0;
    m_localUrl.clear();
    m_fingerprint.clear();
}

QList<QUrl> HostController::shareUrls() const
{
    if (!m_hosting)
        return {};
    const bool everyInterface = m_bindAddress == QHostAddress(QHostAddress::Any)
        || m_bindAddress == QHostAddress(QHostAddress::AnyIPv4) || m_bindAddress == QHostAddress(QHostAddress::AnyIPv6);
    const QList<QHostAddress> addresses =
        everyInterface && m_addressProvider ? m_addressProvider() : QList<QHostAddress>();
    return shareUrlsFor(m_bindAddress, m_localUrl, addresses);
}

QList<QUrl> HostController::shareUrlsFor(const QHostAddress &bindAddress, const QUrl &localUrl,
                                         QList<QHostAddress> addresses)
{
    const QString pin = Protocol::InviteLink::pin(localUrl);
    QList<QUrl> urls =
        ShareAddresses::forMachine(bindAddress, Protocol::InviteLink::address(localUrl), std::move(addresses));
    if (!pin.isEmpty()) {
        for (QUrl &url : urls)
            url = Protocol::InviteLink::make(url, pin);
    }
    return urls;
}

void HostController::setAddressProvider(AddressProvider provider)
{
    m_addressProvider = std::move(provider);
}

QList<QHostAddress> HostController::interfaceAddresses()
{
    return ShareAddresses::interfaceAddresses();
}

} // namespace Natter
