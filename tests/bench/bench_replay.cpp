// A client that comes back asking for everything in a room of 200,000 messages (hello.since {room: 0}) while
// another member keeps talking: how long the talker waits for its acks before and during the replay, and how long
// the replay takes. The replay goes a page at a time between everyone else's frames, so the talker's waits stay
// near their idle values. Run by hand: bench_replay [stored messages].

#include "clientmessages.h"
#include "historystore.h"
#include "servermessages.h"
#include "testclient.h"
#include "threadedserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QWebSocket>

#include <algorithm>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

QWebSocket *connectTo(const QUrl &url, const Hello &hello, const std::function<void(const QString &)> &onFrame)
{
    auto *socket = new QWebSocket;
    socket->setMaxAllowedIncomingFrameSize(64 * 1024 * 1024);
    socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    QObject::connect(socket, &QWebSocket::textMessageReceived, socket, onFrame);
    QObject::connect(socket, &QWebSocket::connected, socket, [socket, hello] {
        socket->sendTextMessage(encodeFrame(hello));
        socket->sendTextMessage(encodeFrame(Join{QStringLiteral("big")}));
    });
    QNetworkRequest request(url);
    request.setRawHeader("Sec-WebSocket-Protocol", "natter.v1");
    socket->open(request);
    return socket;
}

struct Waits
{
    QList<double> ms;
    double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size())));
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int stored = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200'000;

    QTemporaryDir dir;
    ServerConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    config.tls = ServerConfig::Tls::Off;
    config.limits.messagesPerSecond = 1000; // the talker's pace is what is measured, not the rate limit
    config.limits.burst = 1000;
    {
        HistoryStore store;
        if (!store.open(config.databasePath))
            qFatal("cannot open the history");
        store.ensureRoom(QStringLiteral("big"));
        for (int i = 0; i < stored; ++i) {
            ChatMessage message;
            message.room = QStringLiteral("big");
            message.from = QStringLiteral("archivist");
            message.id = QStringLiteral("m%1").arg(i);
            message.text = QStringLiteral("an ordinary chat message of a few words, number %1").arg(i);
            store.append(message.room, message, QStringLiteral("archivist"), HistoryStore::IdSource::Server);
            if (i % 10'000 == 9'999)
                store.flush();
        }
        store.flush();
    }

    ThreadedServer server(config);
    if (!server.start())
        qFatal("the server did not start");
    const QUrl url = server.url();

    // The talker sends one message every 10 ms and notes how long each ack takes.
    bool talkerJoined = false;
    QElapsedTimer sentAt;
    bool waiting = false;
    Waits *current = nullptr;
    QWebSocket *talker = connectTo(url, Hello{QStringLiteral("talker"), {}, {}, {}, {}}, [&](const QString &frame) {
        if (frame.contains(QLatin1StringView("\"type\":\"joined\"")))
            talkerJoined = true;
        else if (frame.contains(QLatin1StringView("\"type\":\"ack\"")) && waiting) {
            waiting = false;
            if (current)
                current->ms.append(sentAt.nsecsElapsed() / 1e6);
        }
    });
    if (!TestClient::waitUntil([&] { return talkerJoined; }, 10'000))
        qFatal("the talker did not join");
    int sent = 0;
    const auto talk = [&](Waits &waits, const std::function<bool()> &until) {
        current = &waits;
        QElapsedTimer pace;
        pace.start();
        while (!until()) {
            if (!waiting && pace.elapsed() >= 10) {
                pace.restart();
                waiting = true;
                sentAt.start();
                talker->sendTextMessage(encodeFrame(
                    Send{QStringLiteral("t%1").arg(sent++), QStringLiteral("big"), {}, QStringLiteral("hi")}));
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        TestClient::waitUntil([&] { return !waiting; }, 30'000);
        current = nullptr;
    };

    Waits idle;
    QElapsedTimer idleClock;
    idleClock.start();
    talk(idle, [&] { return idleClock.elapsed() > 2000; });

    qint64 replayed = 0;
    QElapsedTimer replayClock;
    replayClock.start();
    QWebSocket *returner = connectTo(url, Hello{QStringLiteral("returner"), {}, {}, {}, {{QStringLiteral("big"), 0}}},
                                     [&](const QString &frame) {
                                         if (frame.contains(QLatin1StringView("\"type\":\"message\""))
                                             && frame.contains(QLatin1StringView("\"from\":\"archivist\"")))
                                             ++replayed;
                                     });
    Waits during;
    talk(during, [&] { return replayed >= stored || replayClock.elapsed() > 600'000; });
    const double replayMs = replayClock.nsecsElapsed() / 1e6;

    qInfo("replay of %lld of %d stored messages: %.0f ms (%.0f messages/s)", replayed, stored, replayMs,
          replayed * 1e3 / replayMs);
    qInfo("talker's ack wait, idle:          p50 %.2f ms, p99 %.2f ms, max %.2f ms (%lld acks)", idle.percentile(0.5),
          idle.percentile(0.99), idle.percentile(1.0), qint64(idle.ms.size()));
    qInfo("talker's ack wait, during replay: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%lld acks)", during.percentile(0.5),
          during.percentile(0.99), during.percentile(1.0), qint64(during.ms.size()));
    qInfo("ratio during/idle: p50 %.2fx, max %.2fx", during.percentile(0.5) / idle.percentile(0.5),
          during.percentile(1.0) / idle.percentile(1.0));

    delete returner;
    delete talker;
    return replayed >= stored ? 0 : 1;
}
