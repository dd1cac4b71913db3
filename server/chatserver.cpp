#include "chatserver.h"

#include "chatservice.h"
#include "clientsession.h"
#include "connectionacceptor.h"
#include "historystore.h"
#include "logging.h"
#include "outputbudget.h"
#include "requestreader.h"
#include "servercertificate.h"
#include "shareaddresses.h"

#include <QTimer>

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
    , m_certificate(std::make_unique<ServerCertificate>())
    , m_acceptor(new ConnectionAcceptor(m_config, this))
    , m_reader(new RequestReader(m_config, this))
    , m_outputBudget(new OutputBudget(m_config.maxOutputBytes, this))
{
    m_store->setDurableCommits(m_config.durableCommits);
    m_acceptor->setMaxPendingConnections(std::max(m_config.maxClients, 64));
    connect(m_acceptor, &ConnectionAcceptor::connectionAccepted, this, &ChatServer::onConnectionAccepted);
    connect(m_reader, &RequestReader::socketReady, this, &ChatServer::onSocketReady);
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
    if (m_config.databasePath.isEmpty())
        m_config.databasePath = ServerConfig::defaultDatabasePath();
    const QString &path = m_config.databasePath;
    m_startFailure = StartFailure::None;
    if (!m_store->open(path, errorMessage)) {
        switch (m_store->openFault()) {
        case StorageFault::InUse:
            m_startFailure = StartFailure::HistoryInUse;
            break;
        case StorageFault::ReadOnly:
            m_startFailure = StartFailure::HistoryReadOnly;
            break;
        case StorageFault::Damaged:
            m_startFailure = StartFailure::HistoryDamaged;
            break;
        default:
            m_startFailure = StartFailure::History;
            break;
        }
        return false;
    }
    if (m_config.tls != ServerConfig::Tls::Off) {
        if (!m_certificate->load(m_config, errorMessage)) {
            m_startFailure = StartFailure::Certificate;
            m_store->close();
            return false;
        }
        m_acceptor->setTlsConfiguration(m_certificate->configuration());
    }
    m_service->loadRooms();
    if (!m_acceptor->listen(m_config.bindAddress, m_config.port)) {
        if (errorMessage) {
            *errorMessage = QStringLiteral("cannot listen on %1 port %2: %3")
                                .arg(m_config.bindAddress.toString())
                                .arg(m_config.port)
                                .arg(m_acceptor->errorString());
        }
        m_startFailure = StartFailure::Listen;
        m_store->close();
        return false;
    }
    qCInfo(lcServer) << "listening on" << m_acceptor->serverAddress().toString() << "port" << m_acceptor->serverPort()
                     << "with history in" << path << (isTlsEnabled() ? "and TLS" : "without TLS");
    return true;
}

bool ChatServer::isRunning() const
{
    return m_acceptor->isListening();
}

quint16 ChatServer::port() const
{
    return m_acceptor->serverPort();
}

QUrl ChatServer::localUrl() const
{
    return ShareAddresses::localUrl(m_acceptor->serverAddress(), m_acceptor->serverPort(),
                                    isTlsEnabled() ? QStringLiteral("wss") : QStringLiteral("ws"));
}

QUrl ChatServer::plainLocalUrl() const
{
    return ShareAddresses::localUrl(m_acceptor->serverAddress(), m_acceptor->serverPort(), QStringLiteral("ws"));
}

bool ChatServer::isTlsEnabled() const
{
    return m_acceptor->acceptsTls();
}

QString ChatServer::certificateFingerprint() const
{
    return isTlsEnabled() ? m_certificate->fingerprint() : QString();
}

QString ChatServer::selfSignedCertificatePath() const
{
    return isTlsEnabled() && m_certificate->isSelfSigned() && m_config.tlsCertificatePath.isEmpty()
        ? ServerCertificate::selfSignedCertificatePath(m_config.databasePath)
        : QString();
}

void ChatServer::onConnectionAccepted(QTcpSocket *socket, const Admission &admission)
{
    if (m_stopping) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_reader->read(socket, admission);
}

void ChatServer::onSocketReady(QTcpSocket *socket, ClientSession::Mode mode)
{
    auto *session = new ClientSession(socket, mode, m_config, this);
    session->setOutputBudget(m_outputBudget);
    if (m_stopping) {
        connect(session, &ClientSession::closed, session, &QObject::deleteLater);
        session->closeWith(Protocol::CloseCode::GoingAway, QStringLiteral("server shutting down"));
        return;
    }
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
    m_acceptor->close();
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
    m_service->saveReadMarkers();
    m_store->close();
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

} // namespace Natter
