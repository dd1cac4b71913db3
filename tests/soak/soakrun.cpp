#include "soakrun.h"

#include "chatter.h"
#include "plaintextposter.h"
#include "protocol.h"

#include <algorithm>
#include <cstdio>

namespace {

constexpr int RoomCount = 8;
constexpr int DrainTimeoutMs = 120000;
// Memory is flat when the end-of-load RSS is within this of the warmed-up start (docs/server.md, Soak).
constexpr double AllowedGrowthFraction = 0.10;
constexpr qint64 AllowedGrowthFloorKiB = 16 * 1024;

// Which behaviour client i has, out of every 20: 1 plain-text, 1 flooder, 3 slow readers, 7 that drop and reconnect,
// 8 steady.
enum class Role { PlainText, Flooding, SlowReading, Reconnecting, Steady };
Role roleOf(int index)
{
    const int slot = index % 20;
    if (slot == 0)
        return Role::PlainText;
    if (slot == 1)
        return Role::Flooding;
    if (slot <= 4)
        return Role::SlowReading;
    if (slot <= 11)
        return Role::Reconnecting;
    return Role::Steady;
}

} // namespace

SoakRun::SoakRun(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    if (m_settings.serverPid > 0)
        m_memory = std::make_unique<ServerMemoryWatch>(m_settings.serverPid);
}

SoakRun::~SoakRun() = default;

void SoakRun::start()
{
    m_clock.start();
    createClients();
    connect(&m_startTimer, &QTimer::timeout, this, &SoakRun::startNextClient);
    m_startTimer.start(20);

    const int loadMs = int(m_settings.minutes * 60000);
    // The warm-up: every client connected, the rooms' first pages filled, SQLite's cache and the allocator's arenas
    // grown to their working size.
    const int warmUpMs = std::clamp(loadMs / 5, 10000, 60000);
    if (m_memory) {
        m_memory->sample(QStringLiteral("start"));
        QTimer::singleShot(warmUpMs, this, [this] {
            if (!m_memory->sample(QStringLiteral("warmed up")))
                m_serverGone = true;
        });
        connect(&m_minuteTimer, &QTimer::timeout, this, &SoakRun::sampleMinute);
        m_minuteTimer.start(60000);
        connect(&m_lookTimer, &QTimer::timeout, this, [this] {
            if (!m_memory->look()) {
                m_serverGone = true;
                std::printf("soak: the server is gone\n");
                endLoad();
            }
        });
        m_lookTimer.start(2000);
    }
    QTimer::singleShot(loadMs, this, &SoakRun::endLoad);
    std::printf("soak: %d clients on 127.0.0.1:%u for %.1f min (warm-up %d s)\n", m_settings.clients,
                unsigned(m_settings.port), m_settings.minutes, warmUpMs / 1000);
    std::fflush(stdout);
}

void SoakRun::createClients()
{
    for (int i = 0; i < m_settings.clients; ++i) {
        const Role role = roleOf(i);
        ++m_behaviourCounts[int(role)];
        if (role == Role::PlainText) {
            auto *poster = new PlainTextPoster(QString::number(i), m_settings.port, m_tally, this);
            m_posters.append(poster);
            m_startOrder.append(poster);
            continue;
        }
        const QString name = QStringLiteral("soak-%1").arg(i, 3, 10, QLatin1Char('0'));
        QStringList rooms{QStringLiteral("soak-room-%1").arg(i % RoomCount)};
        if (i % 3 == 0)
            rooms.append(Natter::Protocol::lobbyRoom());
        const auto behaviour = role == Role::Flooding       ? Chatter::Behaviour::Flooding
                               : role == Role::SlowReading  ? Chatter::Behaviour::SlowReading
                               : role == Role::Reconnecting ? Chatter::Behaviour::Reconnecting
                                                            : Chatter::Behaviour::Steady;
        auto *chatter = new Chatter(name, rooms, behaviour, m_settings.port, m_ledger, m_tally, this);
        (behaviour == Chatter::Behaviour::Flooding ? m_flooders : m_chatters).append(chatter);
        m_startOrder.append(chatter);
    }
}

void SoakRun::startNextClient()
{
    if (m_started >= m_startOrder.size()) {
        m_startTimer.stop();
        return;
    }
    QObject *client = m_startOrder.at(m_started++);
    if (auto *chatter = qobject_cast<Chatter *>(client))
        chatter->start();
    else if (auto *poster = qobject_cast<PlainTextPoster *>(client))
        poster->start();
}

void SoakRun::sampleMinute()
{
    ++m_minute;
    if (!m_memory->sample(QStringLiteral("minute %1").arg(m_minute)))
        m_serverGone = true;
}

void SoakRun::endLoad()
{
    if (m_loadEnded)
        return;
    m_loadEnded = true;
    m_startTimer.stop();
    m_minuteTimer.stop();
    if (m_memory && !m_serverGone && !m_memory->sample(QStringLiteral("end of load")))
        m_serverGone = true;
    m_lookTimer.stop();
    std::printf("soak: load over after %.1f min; draining the outboxes\n", double(m_clock.elapsed()) / 60000);
    std::fflush(stdout);
    for (Chatter *chatter : std::as_const(m_chatters))
        chatter->finishUp();
    for (Chatter *flooder : std::as_const(m_flooders))
        flooder->finishUp();
    for (PlainTextPoster *poster : std::as_const(m_posters))
        poster->finishUp();
    if (m_serverGone) {
        leaveAll();
        return;
    }
    m_drainClock.start();
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        const bool drained =
            std::all_of(m_chatters.cbegin(), m_chatters.cend(), [](const Chatter *c) { return c->isSettled(); })
            && std::all_of(m_flooders.cbegin(), m_flooders.cend(), [](const Chatter *c) { return c->isWelcomed(); });
        if (!drained && m_drainClock.elapsed() < DrainTimeoutMs)
            return;
        m_drainTimer.stop();
        for (const Chatter *chatter : std::as_const(m_chatters))
            m_undrained += chatter->pending();
        // A flooder's last acks may still be on their way.
        QTimer::singleShot(2000, this, &SoakRun::leaveAll);
    });
    m_drainTimer.start(250);
}

void SoakRun::leaveAll()
{
    for (Chatter *chatter : std::as_const(m_chatters))
        chatter->leave();
    for (Chatter *flooder : std::as_const(m_flooders))
        flooder->leave();
    for (PlainTextPoster *poster : std::as_const(m_posters))
        poster->leave();
    QTimer::singleShot(1500, this, &SoakRun::report);
}

bool SoakRun::memoryIsFlat() const
{
    if (!m_memory || m_memory->samples().size() < 2)
        return true;
    const auto &samples = m_memory->samples();
    const auto warmed = std::find_if(samples.cbegin(), samples.cend(),
                                     [](const auto &s) { return s.label == QLatin1String("warmed up"); });
    if (warmed == samples.cend())
        return true;
    const qint64 allowed = std::max<qint64>(AllowedGrowthFloorKiB, qint64(warmed->kib * AllowedGrowthFraction));
    return samples.constLast().kib - warmed->kib <= allowed;
}

void SoakRun::report()
{
    const bool written = m_ledger.writeTo(m_settings.ledgerPath);
    const auto &t = m_tally;
    std::printf("soak: %d clients: %d steady, %d dropping and reconnecting, %d slow readers, %d flooders, "
                "%d plain-text; %.1f min of load\n",
                m_settings.clients, m_behaviourCounts[int(Role::Steady)], m_behaviourCounts[int(Role::Reconnecting)],
                m_behaviourCounts[int(Role::SlowReading)], m_behaviourCounts[int(Role::Flooding)],
                m_behaviourCounts[int(Role::PlainText)], m_settings.minutes);
    std::printf("soak: %lld messages sent (%lld sent again after reconnects, %lld of which the server had stored "
                "before the drop), %lld acknowledged (%d acks received twice), %lld plain-text lines, %lld message "
                "frames delivered\n",
                t.sent, t.resent, t.resentAlreadyStored, static_cast<long long>(m_ledger.size()),
                m_ledger.repeatedAcks(), t.plainLines, t.delivered);
    std::printf("soak: %lld abrupt drops, %lld reconnects with hello.since, %lld flood closes (1008) after which "
                "flooders sent %lld sends again, %lld flood sends never acknowledged (left at the end)\n",
                t.drops, t.reconnects, t.floodCloses, t.floodResent, t.abandoned);
    std::printf("soak: %lld reading pauses with %lld history pages asked for meanwhile, %lld replayed messages "
                "already seen\n",
                t.pauses, t.historyAsks, t.replayOverlaps);
    const long long failures = t.unexpectedCloses + t.seqGaps + t.sendErrors + t.otherErrors + t.undecodable
        + m_ledger.conflictingAcks() + m_undrained + (m_serverGone ? 1 : 0) + (written ? 0 : 1);
    std::printf("soak: failures: %lld unexpected closes, %lld missed messages, %lld send errors, %lld other errors, "
                "%lld undecodable frames, %d ids acknowledged at two places, %lld sends never acknowledged, "
                "server %s, ledger %s\n",
                t.unexpectedCloses, t.seqGaps, t.sendErrors, t.otherErrors, t.undecodable, m_ledger.conflictingAcks(),
                static_cast<long long>(m_undrained), m_serverGone ? "GONE" : "running",
                written ? "written" : "NOT WRITTEN");
    bool flat = true;
    if (m_memory && m_memory->samples().size() >= 2) {
        const auto &samples = m_memory->samples();
        qint64 warmedKib = samples.constFirst().kib;
        for (const auto &s : samples) {
            if (s.label == QLatin1String("warmed up"))
                warmedKib = s.kib;
        }
        const qint64 endKib = samples.constLast().kib;
        const qint64 allowed = std::max<qint64>(AllowedGrowthFloorKiB, qint64(warmedKib * AllowedGrowthFraction));
        flat = memoryIsFlat();
        std::printf("soak: server RSS warmed up %.1f MiB, end %.1f MiB, max %.1f MiB, growth %+.1f MiB "
                    "(allowed %.1f MiB): %s\n",
                    double(warmedKib) / 1024, double(endKib) / 1024, double(m_memory->maximumKiB()) / 1024,
                    double(endKib - warmedKib) / 1024, double(allowed) / 1024, flat ? "flat" : "GROWING");
    }
    const bool passed = failures == 0 && flat;
    std::printf("soak: clients %s\n", passed ? "PASS" : "FAIL");
    std::fflush(stdout);
    emit finished(passed ? 0 : 1);
}
