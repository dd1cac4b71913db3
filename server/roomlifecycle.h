#pragma once

// Rooms coming and going: makes a new room when its maker may (the server's room cap, then RoomCreationGate),
// records who made it, and removes a room that stayed empty (no members, no messages) for
// `empty-room-expiry-ms`. Rooms with messages are kept for good; lobby always exists.

#include "errorcode.h"
#include "roomcreationgate.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <optional>

namespace Natter {

class ClientSession;
class HistoryStore;
class RoomDirectory;
struct ServerConfig;

class RoomLifecycle : public QObject
{
    Q_OBJECT
public:
    RoomLifecycle(RoomDirectory *rooms, HistoryStore *store, const ServerConfig &config, QObject *parent = nullptr);

    // The stored rooms (empty ones start their expiry now) and lobby.
    void load();
    // Makes the room, which does not exist yet, for the session; else says why it may not.
    std::optional<Protocol::ProtocolError> create(ClientSession *session, const QString &room);
    // A member left the room: once it is empty and has no messages, its expiry starts.
    void memberLeft(const QString &room);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void watch(const QString &room);
    void expire();

    RoomDirectory *m_rooms;
    HistoryStore *m_store;
    const ServerConfig &m_config;
    RoomCreationGate m_gate;
    QHash<QString, qint64> m_emptySince; // room -> when it was last seen empty, on m_clock
    QElapsedTimer m_clock;
    QBasicTimer m_sweep;
};

} // namespace Natter
