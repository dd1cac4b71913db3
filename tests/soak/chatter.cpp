#include "chatter.h"

#include "clientmessages.h"
#include "errorcode.h"
#include "overloaded.h"
#include "pausablewebsocket.h"
#include "soaktally.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Natter::Protocol;

namespace {

int randomBetween(int minimum, int maximum)
{
    return QRandomGenerator::global()->bounded(minimum, maximum + 1);
}

// Flooders write while the kernel takes it, up to this much waiting in the client, and keep at most this many
// sends waiting for their acks.
constexpr qint64 FloodWriteBytes = 256 * 1024;
constexpr qsizetype FloodOutbox = 4000;
constexpr int FloodFramesPerTick = 20;

} // namespace

Chatter::Chatter(const QString &name, const QStringList &rooms, Behaviour behaviour, quint16 port,
                 AckLedger &ledger, SoakTally &tally, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_rooms(rooms)
    , m_behaviour(behaviour)
    , m_port(port)
    , m_ledger(ledger)
    , m_tally(tally)
{
    m_sendTimer.setSingleShot(false);
    if (m_behaviour == Behaviour::Flooding) {
        m_sendTimer.setInterval(20);
        connect(&m_sendTimer, &QTimer::timeout, this, &Chatter::flood);
    } else {
        connect(&m_sendTimer, &QTimer::timeout, this, [this] {
            sendNew();
            m_sendTimer.setInterval(randomBetween(1000, 4000));
        });
    }
    m_behaviourTimer.setSingleShot(true);
    connect(&m_behaviourTimer, &QTimer::timeout, this, [this] {
        if (m_behaviour == Behaviour::Reconnecting)
            drop();
        else if (m_behaviour == Behaviour::SlowReading)
            pauseReading();
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Chatter::connectNow);
}

void Chatter::start()
{
    connectNow();
}

void Chatter::connectNow()
{
    if (m_leaving)
        return;
    if (m_socket)
        m_socket->deleteLater();
    auto *socket = new PausableWebSocket(this);
    m_socket = socket;
    connect(socket, &PausableWebSocket::opened, this, [this, socket] {
        if (socket == m_socket)
            onOpened();
    });
    connect(socket, &PausableWebSocket::textReceived, this, [this, socket](const QString &text) {
        if (socket == m_socket)
            onText(text);
    });
    connect(socket, &PausableWebSocket::closed, this, [this, socket](int code) {
        if (socket == m_socket)
            onClosed(code);
    });
    socket->open(m_port, false);
}

void Chatter::reconnectLater(int minimumMs, int maximumMs)
{
    if (!m_leaving)
        m_reconnectTimer.start(randomBetween(minimumMs, maximumMs));
}

void Chatter::onOpened()
{
    // The rooms joined before are rejoined with what was missed since (protocol.md 9.1).
    m_socket->sendText(encodeFrame(Hello{m_name, {}, m_token, {}, m_everWelcomed ? m_lastSeq : QHash<QString, qint64>{}}));
}

void Chatter::onText(const QString &text)
{
    auto decoded = decodeServerFrame(text);
    if (!decoded) {
        ++m_tally.undecodable;
        std::fprintf(stderr, "soak: %s could not decode %s\n", qPrintable(m_name), qPrintable(text.left(200)));
        return;
    }
    std::visit(Overloaded{
                   [this](const Welcome &welcome) { onWelcome(welcome); },
                   [this](const Joined &joined) { onJoined(joined); },
                   [this](const MessageEvent &event) { onMessage(event.message); },
                   [this](const Ack &ack) { onAck(ack); },
                   [this](const ErrorEvent &error) { onError(error); },
                   [](const auto &) {},
               },
               decoded.value());
}

void Chatter::onWelcome(const Welcome &welcome)
{
    if (m_everWelcomed)
        ++m_tally.reconnects;
    m_everWelcomed = true;
    m_welcomed = true;
    m_token = welcome.token;
    for (const QString &room : m_rooms) {
        if (!m_lastSeq.contains(room))
            m_socket->sendText(encodeFrame(Join{room}));
    }
    // Everything not acknowledged goes again, in order, with its id (protocol.md 9.2, step 5).
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Send &send : std::as_const(m_outbox)) {
        transmit(send);
        if (m_behaviour != Behaviour::Flooding)
            m_resentAtMs.insert(send.id, nowMs);
    }
    (m_behaviour == Behaviour::Flooding ? m_tally.floodResent : m_tally.resent) += m_outbox.size();
    if (!m_finishing) {
        m_sendTimer.start(m_behaviour == Behaviour::Flooding ? 20 : randomBetween(200, 3000));
        armBehaviourTimer();
    }
}

void Chatter::onJoined(const Joined &joined)
{
    if (m_lastSeq.contains(joined.room))
        return; // rejoined with hello.since: the replay follows
    qint64 newest = 0;
    for (const ChatMessage &message : joined.history)
        newest = std::max(newest, message.seq);
    m_lastSeq.insert(joined.room, newest);
}

void Chatter::onMessage(const ChatMessage &message)
{
    ++m_tally.delivered;
    const auto last = m_lastSeq.find(message.room);
    if (message.room.isEmpty() || last == m_lastSeq.end())
        return;
    if (message.seq <= *last) {
        ++m_tally.replayOverlaps;
        return;
    }
    if (message.seq > *last + 1) {
        ++m_tally.seqGaps;
        std::fprintf(stderr, "soak: %s missed %s seq %lld to %lld\n", qPrintable(m_name), qPrintable(message.room),
                     static_cast<long long>(*last + 1), static_cast<long long>(message.seq - 1));
    }
    *last = message.seq;
}

void Chatter::onAck(const Ack &ack)
{
    const auto waiting =
        std::find_if(m_outbox.begin(), m_outbox.end(), [&](const Send &send) { return send.id == ack.id; });
    if (waiting != m_outbox.end())
        m_outbox.erase(waiting);
    // An ack whose ts is older than the resend answers from the history: the server had stored the message before
    // the drop, and the resend was recognised by its id.
    if (const auto resent = m_resentAtMs.constFind(ack.id); resent != m_resentAtMs.cend()) {
        if (ack.ts < *resent)
            ++m_tally.resentAlreadyStored;
        m_resentAtMs.erase(resent);
    }
    m_ledger.record(m_name, ack.id, {ack.room, ack.seq});
}

void Chatter::onError(const ErrorEvent &error)
{
    const bool aboutSend =
        std::any_of(m_outbox.cbegin(), m_outbox.cend(), [&](const Send &send) { return send.id == error.ref; });
    if (aboutSend && error.code == ErrorCode::StorageUnavailable)
        return; // kept in the outbox; it goes again after the next reconnect
    ++(aboutSend ? m_tally.sendErrors : m_tally.otherErrors);
    std::fprintf(stderr, "soak: %s got error %s (ref %s): %s\n", qPrintable(m_name),
                 qPrintable(errorCodeWord(error.code)), qPrintable(error.ref), qPrintable(error.message));
}

void Chatter::onClosed(int code)
{
    m_welcomed = false;
    m_sendTimer.stop();
    m_behaviourTimer.stop();
    if (m_leaving)
        return;
    if (code == 1008 && m_behaviour == Behaviour::Flooding) {
        ++m_tally.floodCloses;
        reconnectLater(1000, 3000);
        return;
    }
    ++m_tally.unexpectedCloses;
    std::fprintf(stderr, "soak: %s was disconnected with %d\n", qPrintable(m_name), code);
    reconnectLater(1000, 2000);
}

void Chatter::sendNew()
{
    if (!m_welcomed || m_finishing)
        return;
    const QString id = QStringLiteral("%1-%2").arg(m_name).arg(m_nextId++);
    const QString room = m_rooms.at(randomBetween(0, int(m_rooms.size()) - 1));
    m_outbox.append(Send{id, room, {}, QStringLiteral("soak message %1").arg(id), MessageKind::Text});
    ++m_tally.sent;
    transmit(m_outbox.constLast());
}

void Chatter::flood()
{
    if (!m_welcomed || m_finishing || m_socket->bytesToWrite() > FloodWriteBytes)
        return;
    static const QString filler(300, QLatin1Char('f'));
    for (int i = 0; i < FloodFramesPerTick && m_outbox.size() < FloodOutbox; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(m_name).arg(m_nextId++);
        m_outbox.append(Send{id, m_rooms.constFirst(), {}, QStringLiteral("flood %1 %2").arg(id, filler),
                             MessageKind::Text});
        ++m_tally.sent;
        transmit(m_outbox.constLast());
    }
}

void Chatter::drop()
{
    ++m_tally.drops;
    // Half of the drops come right after sends: the server may have stored them, and acknowledged them to a
    // connection that is gone, or not have read them at all. Either way they are sent again with their ids.
    if (QRandomGenerator::global()->bounded(2) == 0) {
        for (int i = randomBetween(1, 3); i > 0; --i)
            sendNew();
        m_socket->flush();
    }
    m_leaving = true; // the abort's closed() is our own doing
    m_socket->abort();
    m_leaving = false;
    m_welcomed = false;
    m_sendTimer.stop();
    reconnectLater(200, 3000);
}

void Chatter::pauseReading()
{
    ++m_tally.pauses;
    m_socket->setReading(false);
    // Asking for the largest history pages while not reading makes the server hold output for this client, up to
    // where it stops reading it too.
    auto *asking = new QTimer(m_socket);
    connect(asking, &QTimer::timeout, m_socket, [this, socket = m_socket] {
        ++m_tally.historyAsks;
        socket->sendText(encodeFrame(HistoryRequest{m_rooms.constFirst(), {}, 0, 200, 0}));
    });
    asking->start(500);
    QTimer::singleShot(randomBetween(5000, 20000), m_socket, [this, socket = m_socket, asking] {
        delete asking;
        socket->setReading(true);
        if (socket == m_socket && m_welcomed && !m_finishing)
            armBehaviourTimer();
    });
}

void Chatter::armBehaviourTimer()
{
    if (m_behaviour == Behaviour::Reconnecting)
        m_behaviourTimer.start(randomBetween(10000, 60000));
    else if (m_behaviour == Behaviour::SlowReading)
        m_behaviourTimer.start(randomBetween(20000, 60000));
}

void Chatter::transmit(const Send &send)
{
    if (m_socket && m_socket->isOpen())
        m_socket->sendText(encodeFrame(send));
}

void Chatter::finishUp()
{
    m_finishing = true;
    m_sendTimer.stop();
    m_behaviourTimer.stop();
    if (m_socket)
        m_socket->setReading(true);
    if (m_behaviour == Behaviour::Flooding) {
        m_tally.abandoned += m_outbox.size();
        m_outbox.clear();
    }
    if ((!m_socket || m_socket->isFinished()) && !m_reconnectTimer.isActive())
        connectNow();
}

void Chatter::leave()
{
    m_leaving = true;
    m_sendTimer.stop();
    m_behaviourTimer.stop();
    m_reconnectTimer.stop();
    if (m_socket)
        m_socket->close();
}
