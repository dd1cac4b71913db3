#include "roomlifecycle.h"

#include "addressgroup.h"
#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "protocol.h"
#include "roomdirectory.h"
#include "serverconfig.h"

#include <QTimerEvent>

namespace Natter {

using namespace Protocol;

RoomLifecycle::RoomLifecycle(RoomDirectory *rooms, HistoryStore *store, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
    , m_store(store)
    , m_config(config)
    , m_gate(config.newRoomsPerHour, config.maxRoomsPerCreator)
{
    m_clock.start();
}

void RoomLifecycle::load()
{
    for (const StoredRoom &room : m_store->rooms()) {
        m_rooms->ensure(room.name, room.topic);
        m_gate.add(room.name, room.creator, room.creatorAddress);
        watch(room.name);
    }
    if (m_rooms->ensure(lobbyRoom()))
        m_store->ensureRoom(lobbyRoom());
}

std::optional<ProtocolError> RoomLifecycle::create(ClientSession *session, const QString &room)
{
    if (m_rooms->count() >= m_config.maxRooms)
        return ProtocolError{ErrorCode::TooManyRooms,
                             QStringLiteral("This server has reached its limit of %1 rooms; join an existing one.")
                                 .arg(m_config.maxRooms)};
    const QString creator = session->isGuest() ? QString() : session->party();
    const QString address = addressGroup(session->peerAddress());
    if (auto refusal = m_gate.admit(creator, address, m_clock.elapsed())) {
        qCInfo(lcServer).noquote() << session->peer() << "may not make room" << room << "now:" << refusal->message;
        return refusal;
    }
    m_rooms->ensure(room);
    m_store->ensureRoom(room, creator, address);
    m_gate.add(room, creator, address);
    return std::nullopt;
}

void RoomLifecycle::memberLeft(const QString &room)
{
    watch(room);
}

void RoomLifecycle::watch(const QString &room)
{
    if (room == lobbyRoom() || !m_rooms->members(room).isEmpty() || m_store->lastSeq(room) > 0)
        return;
    m_emptySince.insert(room, m_clock.elapsed());
    if (!m_sweep.isActive())
        m_sweep.start(std::clamp(m_config.emptyRoomExpiryMs / 4, 50, 60'000), this);
}

void RoomLifecycle::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sweep.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    expire();
    if (m_emptySince.isEmpty())
        m_sweep.stop();
}

void RoomLifecycle::expire()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_emptySince.begin(); it != m_emptySince.end();) {
        const QString &room = it.key();
        // Someone came in or wrote: not empty any more (it is watched again when they leave).
        if (!m_rooms->members(room).isEmpty() || m_store->lastSeq(room) > 0) {
            it = m_emptySince.erase(it);
            continue;
        }
        if (now - it.value() < m_config.emptyRoomExpiryMs) {
            ++it;
            continue;
        }
        qCInfo(lcServer).noquote() << "room" << room << "stayed empty; removing it";
        m_store->removeEmptyRoom(room);
        m_rooms->remove(room);
        m_gate.remove(room);
        it = m_emptySince.erase(it);
    }
}

} // namespace Natter
