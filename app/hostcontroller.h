#pragma once

// Hosts a chat from inside the app: runs a ChatServer in its own thread, starts and stops it, and says where
// others can reach it.

#include "protocol.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Natter {

class ChatServer;

struct HostOptions
{
    QString serverName; // empty: the server's default name
    QString databasePath; // empty: ServerConfig::defaultDatabasePath()
    quint16 preferredPort = Protocol::DefaultPort; // if taken, a free port is used instead (see portFallback)
    QString password; // empty: no password
    QHostAddress bindAddress = QHostAddress(QHostAddress::Any);
};

class HostController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool hosting READ isHosting NOTIFY hostingChanged)
    Q_PROPERTY(quint16 port READ port NOTIFY hostingChanged)
    Q_PROPERTY(bool portFallback READ portFallback NOTIFY hostingChanged)
public:
    using AddressProvider = std::function<QList<QHostAddress>()>;

    explicit HostController(QObject *parent = nullptr);
    // Stops the server if it still runs; this blocks until it has stopped (at most a few seconds).
    ~HostController() override;

    // Starts the server in its own thread; false, with lastError(), if it cannot open its history or listen.
    bool start(const HostOptions &options);
    // Asks the server to close every client (1001) and flush its history; emits stopped() when it is done.
    void stop();

    bool isHosting() const { return m_hosting; }
    // Between stop() and stopped().
    bool isStopping() const { return m_stopping; }
    QString lastError() const { return m_lastError; }

    quint16 port() const { return m_port; }
    // True when the preferred port was taken and the server listens on another one; notice() says so in words.
    bool portFallback() const { return m_portFallback; }
    QString notice() const { return m_notice; }

    // The invite link for 127.0.0.1 (or the bound address), wss://127.0.0.1:PORT/#sha256=…: the URL this app's own
    // ChatClient connects to. ws://… when the server runs without TLS.
    QUrl localUrl() const { return m_localUrl; }
    // SHA-256 of the server's TLS certificate; empty without TLS.
    QString certificateFingerprint() const { return m_fingerprint; }
    // The invite links others can use: one per reachable address of this machine, the loopback one last, each
    // with the certificate's fingerprint. A server bound to one address is shared at that address only (none but
    // the loopback link for 127.0.0.1).
    QList<QUrl> shareUrls() const;
    // shareUrls() for a server bound to bindAddress and reached locally at localUrl (its fingerprint included), on
    // a machine with these addresses: IPv4 ones, then global IPv6 ones, each once.
    static QList<QUrl> shareUrlsFor(const QHostAddress &bindAddress, const QUrl &localUrl,
                                    QList<QHostAddress> addresses);
    // Where shareUrls() gets the machine's addresses; by default the up, running, non-loopback interfaces.
    void setAddressProvider(AddressProvider provider);
    static QList<QHostAddress> interfaceAddresses();

    // The thread the server runs in, null once it has been joined; for tests and diagnostics.
    QThread *serverThread() const { return m_thread.get(); }

signals:
    void hostingChanged(bool hosting);
    // The preferred port was taken; the server listens on `port` instead.
    void portFallbackUsed(quint16 preferredPort, quint16 port);
    void stopped();

private:
    ChatServer *startServer(const HostOptions &options, quint16 port, QString *errorMessage);
    // The sentence lastError() gives when the server did not start, in the user's language where the reason is one
    // the user can act on (another Natter hosting from the folder, a read-only or damaged history).
    static QString startFailureText(int failure, const QString &databasePath, const QString &error);
    void onThreadFinished();
    void releaseThread();

    std::unique_ptr<QThread> m_thread;
    QPointer<ChatServer> m_server; // lives in m_thread; only ever touched through queued calls
    AddressProvider m_addressProvider;
    QTimer m_stopTimer; // gives up waiting for stopped() and ends the thread regardless
    QHostAddress m_bindAddress;
    QUrl m_localUrl;
    QString m_fingerprint;
    QString m_lastError;
    QString m_notice;
    quint16 m_port = 0;
    int m_startFailure = 0; // ChatServer::StartFailure of the last startServer()
    bool m_hosting = false;
    bool m_stopping = false;
    bool m_portFallback = false;
};

} // namespace Natter
