#include "presencedigest.h"

#include "clientsession.h"
#include "plaintextmode.h"
#include "roomdirectory.h"
#include "websocketframe.h"

namespace Natter {

using namespace Protocol;

PresenceDigest::PresenceDigest(RoomDirectory *rooms, int windowMs, QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
{
    m_window.setSingleShot(true);
    m_window.setInterval(windowMs);
    connect(&m_window, &QTimer::timeout, this, [this] {
        if (m_joined.isEmpty() && m_left.isEmpty())
            return; // a quiet window: the next change goes out at once again
        flush();
        m_window.start();
    });
}

void PresenceDigest::add(PresenceChange change, const QString &name)
{
    if (change != PresenceChange::Joined && change != PresenceChange::Left)
        return;
    if (!m_window.isActive()) {
        // A window only opens when someone heard this one; with no plain-text client there is nothing to fold.
        if (sendToPlainMembers(PlainTextMode::presenceLine(change, {name})) > 0)
            m_window.start();
        return;
    }
    // Someone who came and goes again (or went and comes back) within one window: what is pending is told
    // first, so the lines keep the order of events. Dropping both would hide an arrival whose words are
    // still on their way (a message is delivered only once it is stored).
    if ((change == PresenceChange::Joined ? m_left : m_joined).contains(name))
        flush();
    (change == PresenceChange::Joined ? m_joined : m_left).append(name);
}

void PresenceDigest::flush()
{
    if (!m_joined.isEmpty())
        sendToPlainMembers(PlainTextMode::presenceLine(PresenceChange::Joined, std::exchange(m_joined, {})));
    if (!m_left.isEmpty())
        sendToPlainMembers(PlainTextMode::presenceLine(PresenceChange::Left, std::exchange(m_left, {})));
}

int PresenceDigest::sendToPlainMembers(const QString &line)
{
    const QByteArray frame = WebSocketFrame::text(line.toUtf8());
    int told = 0;
    for (ClientSession *member : m_rooms->members(lobbyRoom())) {
        if (member->mode() == ClientSession::Mode::PlainText) {
            member->sendFrame(frame);
            ++told;
        }
    }
    return told;
}

} // namespace Natter
