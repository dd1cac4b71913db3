#pragma once

// Everything a ChatServer can be told: where to listen, where to store history, and every limit.

#include "protocol.h"
#include "protocollimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace Natter {

struct ServerConfig
{
    // Off: plain WebSocket only. On: TLS and plain on the one port. Required: plain only from loopback.
    enum class Tls { Off, On, Required };

    QString name = QStringLiteral("Natter");
    QHostAddress bindAddress = QHostAddress(QHostAddress::Any);
    quint16 port = Protocol::DefaultPort; // 0 picks a free port
    QString databasePath; // the SQLite history file
    QString password; // empty: no password
    int maxClients = 1000;
    int maxConnectionsPerAddress = 32;
    int maxRooms = 1000; // rooms that may exist; joining a new one past this is refused
    // New rooms one key (guests: one address) and one address may make in an hour, and rooms one key or address may
    // have made that still exist (see RoomCreationGate).
    int newRoomsPerHour = 10;
    int maxRoomsPerCreator = 100;
    // A room with no members and no messages for this long is removed.
    int emptyRoomExpiryMs = 60 * 60 * 1000;
    int maxIdentities = 100'000; // keys the server remembers; a new key past this is refused with server_full
    int namesPerIdentity = 4; // names one key owns; taking another releases its least recently used one
    int handshakeTimeoutMs = 10'000;
    // A connection not signed in this long after its WebSocket handshake (no hello, an unanswered challenge, a
    // plain-text client that never gives the password) is closed with 1008: it would hold a client slot for ever.
    int signInTimeoutMs = 30'000;
    int pingIntervalMs = 30'000;
    int pingTimeoutMs = 75'000; // a peer silent for this long (no frame, no pong) is dropped
    // A client over its rate limit is read more slowly: its frames wait unread until it has tokens again. The bytes
    // it sent that wait in the server (the connection's read buffer) are capped here; a client that fills it is
    // closed with 1008. Kept at least twice the frame cap, so a frame always fits.
    int maxInputBytes = 1024 * 1024;
    // Which web pages may open a connection (a browser sends its page's origin): "default" (no Origin, "null",
    // loopback pages and this server's own host), "*" (any), or exact origins such as https://chat.example.org,
    // which may be combined with "default". See OriginPolicy.
    QStringList allowedOrigins = {QStringLiteral("default")};
    // Bytes queued for one connection that it has not read yet (messages, pongs, everything written to it). A client
    // that stops reading would otherwise grow the server's memory without bound: one that stays above this for
    // slowConsumerGraceMs, or ever goes above eight times this, is dropped. Bursts that drain are fine.
    int maxBufferedBytes = 4 * 1024 * 1024;
    int slowConsumerGraceMs = 10'000;
    // Bytes queued for all connections together; past it the connections with the most waiting are dropped, largest
    // first (see OutputBudget).
    int maxOutputBytes = 256 * 1024 * 1024;
    // Lobby joins and leaves within this window reach plain-text clients as one line (see PresenceDigest).
    int plainPresenceWindowMs = 1000;
    Tls tls = Tls::On;
    // PEM files (the certificate may be followed by its chain); empty: a self-signed certificate kept next to the
    // database (see ServerCertificate).
    QString tlsCertificatePath;
    QString tlsKeyPath;
    bool durableCommits = false; // fsync every commit (survives power loss), not only process crashes
    Protocol::Limits limits;

    static QString defaultDatabasePath();
    // "on", "off" or "required" (also true/yes, false/no); nullopt for anything else.
    static std::optional<Tls> parseTls(const QString &text);

    // Reads an INI file (keys as in docs/server.md); values it holds replace the current ones.
    bool loadFile(const QString &path, QString *errorMessage);
};

} // namespace Natter
