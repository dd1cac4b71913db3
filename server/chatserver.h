#pragma once

// A complete Natter server: listener, sessions, chat service and history store, with start and clean stop.
// It lives in whichever thread calls start(); nothing in it is shared with other threads.

#include "clientsession.h"
#include "serverconfig.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Natter {

class ChatService;
class ConnectionAcceptor;
class HistoryStore;
class OutputBudget;
class RequestReader;
class ServerCertificate;
struct Admission;

class ChatServer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY sessionCountChanged)
public:
    explicit ChatServer(ServerConfig config, QObject *parent = nullptr);
    ~ChatServer() override;

    // What stopped start(), for exit codes and for the words the app shows.
    enum class StartFailure {
        None,
        HistoryInUse, // another server holds the history file's lock
        HistoryReadOnly, // the history file or its folder cannot be written
        HistoryDamaged, // the history file is corrupt or not an SQLite database
        History, // any other reason the history cannot be opened
        Certificate, // the TLS certificate cannot be loaded or made
        Listen, // the address or port cannot be bound
    };
    Q_ENUM(StartFailure)

    const ServerConfig &config() const { return m_config; }

    // Opens the store, loads or makes the TLS certificate (unless TLS is off) and starts listening. False, with a
    // message and startFailure(), if any of them fails.
    bool start(QString *errorMessage = nullptr);
    StartFailure startFailure() const { return m_startFailure; }
    // Stops accepting, commits what is queued, closes every client with 1001, then emits stopped().
    void stop();
    bool isRunning() const;

    quint16 port() const;
    // The URL this machine reaches the server at (loopback when it listens on every interface): wss:// while TLS
    // is on, else ws://.
    QUrl localUrl() const;
    // The same address for plain WebSocket clients: ws://HOST:PORT.
    QUrl plainLocalUrl() const;
    bool isTlsEnabled() const;
    // SHA-256 of the server's certificate (64 lower-case hex digits); empty while TLS is off.
    QString certificateFingerprint() const;
    // The certificate's files, when the server made it itself; empty otherwise.
    QString selfSignedCertificatePath() const;
    int sessionCount() const { return static_cast<int>(m_sessions.size()); }
    HistoryStore *store() const { return m_store; }

signals:
    void sessionCountChanged(int count);
    void stopped();

private:
    void onSocketReady(QTcpSocket *socket, Natter::ClientSession::Mode mode);
    void onConnectionAccepted(QTcpSocket *socket, const Admission &admission);
    void onSessionClosed(ClientSession *session);
    void finishStop();

    ServerConfig m_config;
    HistoryStore *m_store;
    ChatService *m_service;
    std::unique_ptr<ServerCertificate> m_certificate;
    ConnectionAcceptor *m_acceptor;
    RequestReader *m_reader;
    OutputBudget *m_outputBudget;
    QSet<ClientSession *> m_sessions;
    bool m_stopping = false;
    StartFailure m_startFailure = StartFailure::None;
};

} // namespace Natter
