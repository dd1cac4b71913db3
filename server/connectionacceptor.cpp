#include "connectionacceptor.h"

#include "logging.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTimer>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace Natter {

using Protocol::CloseCode;

namespace {

constexpr int TlsHandshakeByte = 0x16;

QHostAddress peerAddressOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(static_cast<int>(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    // An IPv4 client of a dual-stack socket arrives as ::ffff:a.b.c.d; counted and shown as a.b.c.d.
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4) : address;
}

} // namespace

// One connection's place in the counts, held for as long as the connection lives: first a child of the wait for
// its first byte, then of its socket. The destructor gives the place back, whoever deletes the socket.
class ConnectionAcceptor::Slot : public QObject
{
public:
    Slot(QObject *holder, ConnectionAcceptor *acceptor, QString address)
        : QObject(holder)
        , m_acceptor(acceptor)
        , m_address(std::move(address))
    { }
    ~Slot() override
    {
        if (m_acceptor)
            m_acceptor->release(m_address);
    }

private:
    QPointer<ConnectionAcceptor> m_acceptor;
    QString m_address;
};

// Waits, without reading anything, until a new connection has sent its first byte, and peeks at it. No Qt socket
// exists yet: the byte decides which kind to make, and the kernel still holds everything the client sent.
class ConnectionAcceptor::FirstByte : public QObject
{
public:
    FirstByte(qintptr descriptor, Admission admission, ConnectionAcceptor *acceptor)
        : QObject(acceptor)
        , m_descriptor(descriptor)
        , m_admission(std::move(admission))
        , m_notifier(descriptor, QSocketNotifier::Read, this)
    {
        QObject::connect(&m_notifier, &QSocketNotifier::activated, this, [this, acceptor] {
            unsigned char byte = 0;
            const ssize_t peeked = ::recv(static_cast<int>(m_descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                return;
            m_notifier.setEnabled(false);
            acceptor->onFirstByte(this, peeked == 1 ? byte : -1);
        });
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, this, [this] {
            qCInfo(lcServer) << "a connection sent nothing before the handshake timeout";
            delete this;
        });
        timer->start(m_admission.deadline.remainingTime());
    }
    ~FirstByte() override
    {
        if (m_descriptor >= 0) {
            m_notifier.setEnabled(false);
            ::close(static_cast<int>(m_descriptor));
        }
    }

    // The socket now owns the descriptor.
    qintptr take()
    {
        m_notifier.setEnabled(false);
        return std::exchange(m_descriptor, -1);
    }
    const Admission &admission() const { return m_admission; }
    // The connection's place in the counts, a child of this wait until the socket takes it.
    Slot *slot() const { return m_slot; }
    void setSlot(Slot *slot) { m_slot = slot; }

private:
    Slot *m_slot = nullptr;
    qintptr m_descriptor;
    Admission m_admission;
    QSocketNotifier m_notifier;
};

ConnectionAcceptor::ConnectionAcceptor(const ServerConfig &config, QObject *parent)
    : QTcpServer(parent)
    , m_config(config)
{ }

// Connections still waiting are children; their slots find the acceptor gone (QPointer) and leave the counts be.
ConnectionAcceptor::~ConnectionAcceptor() = default;

void ConnectionAcceptor::incomingConnection(qintptr descriptor)
{
    const QHostAddress peer = peerAddressOf(descriptor);
    const QString address = peer.toString();
    const int fromAddress = m_perAddress.value(address);
    // Far past a cap, the handshake is not worth its cost: drop at once.
    if (fromAddress >= 2 * m_config.maxConnectionsPerAddress || m_total >= 2 * m_config.maxClients) {
        qCWarning(lcServer) << "refusing a connection from" << address << "at the TCP level: over the caps";
        ::close(static_cast<int>(descriptor));
        return;
    }
    ++m_total;
    ++m_perAddress[address];

    Admission admission;
    admission.deadline = QDeadlineTimer(m_config.handshakeTimeoutMs);
    if (fromAddress >= m_config.maxConnectionsPerAddress) {
        admission.rejectCode = static_cast<quint16>(CloseCode::PolicyViolation);
        admission.rejectReason = QStringLiteral("too many connections from your address");
    } else if (m_total > m_config.maxClients) {
        admission.rejectCode = static_cast<quint16>(CloseCode::ServerFull);
        admission.rejectReason = QStringLiteral("the server is full");
    }
    // Every client speaks first (a TLS hello or an HTTP request), so waiting for its first byte costs nobody.
    auto *wait = new FirstByte(descriptor, std::move(admission), this);
    wait->setSlot(new Slot(wait, this, address));
}

void ConnectionAcceptor::onFirstByte(FirstByte *wait, int byte)
{
    if (byte < 0) { // closed, or reset, before sending anything
        delete wait;
        return;
    }
    Admission admission = wait->admission();
    QTcpSocket *socket = nullptr;
    if (byte == TlsHandshakeByte && acceptsTls()) {
        auto *tlsSocket = new QSslSocket(this);
        tlsSocket->setSslConfiguration(m_tls);
        socket = tlsSocket;
        admission.encrypted = true;
    } else {
        socket = new QTcpSocket(this);
    }
    wait->slot()->setParent(socket);
    const qintptr descriptor = wait->take();
    delete wait;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcServer) << "cannot take over an accepted connection:" << socket->errorString();
        ::close(static_cast<int>(descriptor));
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (admission.encrypted) {
        auto *tlsSocket = static_cast<QSslSocket *>(socket);
        connect(tlsSocket, &QSslSocket::handshakeInterruptedOnError, tlsSocket,
                [tlsSocket] { qCInfo(lcServer) << tlsSocket->peerAddress().toString() << "failed its TLS handshake"; });
        tlsSocket->startServerEncryption();
    } else if (m_config.tls == ServerConfig::Tls::Required && !admission.isRejected()
               && !socket->peerAddress().isLoopback()) {
        admission.rejectCode = static_cast<quint16>(CloseCode::PolicyViolation);
        admission.rejectReason =
            QStringLiteral("this server accepts encrypted connections only: use its wss:// address");
        admission.rejectError = Protocol::ErrorCode::TlsRequired;
    }
    emit connectionAccepted(socket, admission);
}

void ConnectionAcceptor::release(const QString &address)
{
    --m_total;
    if (--m_perAddress[address] <= 0)
        m_perAddress.remove(address);
}

} // namespace Natter
