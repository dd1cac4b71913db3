// What a reaction, an edit and a delete cost next to a new message, in a room of 1,000 members: one run stores and
// delivers 1,000 messages, then 1,000 reactions to them, 1,000 edits of them and 1,000 deletes of them, and reports
// for each the time until every member had every frame and the server thread's CPU time, side by side. Run by hand:
// bench_reactions [members] [count].

#include "clientmessages.h"
#include "identitykey.h"
#include "identityproof.h"
#include "servermessages.h"
#include "testclient.h"
#include "threadedserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

// The CPU time of the thread that calls it, in milliseconds.
double threadCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double serverCpuMs(const ThreadedServer &server)
{
    double ms = 0;
    server.run([&ms] { ms = threadCpuMs(); });
    return ms;
}

struct Member
{
    std::unique_ptr<QWebSocket> socket;
    qint64 messages = 0;
    qint64 reactions = 0;
    qint64 edits = 0;
    qint64 deletes = 0;
    bool welcomed = false;
    bool joined = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int memberCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int count = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1000;

    QTemporaryDir dir;
    ServerConfig config;
    config.bindAddress = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.databasePath = dir.filePath(QStringLiteral("history.sqlite"));
    config.tls = ServerConfig::Tls::Off;
    config.maxClients = memberCount + 10;
    config.maxConnectionsPerAddress = memberCount + 10;
    config.limits.messagesPerSecond = 1e6;
    config.limits.burst = 1'000'000;
    config.maxBufferedBytes = 64 * 1024 * 1024;

    ThreadedServer server(config);
    if (!server.start())
        qFatal("the server did not start");
    const QUrl url = server.url();

    const IdentityKey senderKey = IdentityKey::generate();
    std::vector<Member> members(memberCount);
    for (int i = 0; i < memberCount; ++i) {
        Member &member = members[i];
        member.socket = std::make_unique<QWebSocket>();
        QWebSocket *socket = member.socket.get();
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [&member](const QString &frame) {
            // Counted by a look at the type: the members' own decoding is not what is measured.
            if (frame.contains(QLatin1StringView("\"type\":\"message\""))) {
                if (frame.contains(QLatin1StringView("\"kind\":\"edit\"")))
                    ++member.edits;
                else if (frame.contains(QLatin1StringView("\"kind\":\"delete\"")))
                    ++member.deletes;
                else
                    ++member.messages;
            } else if (frame.contains(QLatin1StringView("\"type\":\"reaction\"")))
                ++member.reactions;
            else if (frame.contains(QLatin1StringView("\"type\":\"welcome\"")))
                member.welcomed = true;
            else if (frame.contains(QLatin1StringView("\"type\":\"joined\"")))
                member.joined = true;
        });
        if (i == 0) {
            // The sender signs in with a key: only a keyed name owns its messages, to edit and delete them.
            QObject::connect(
                socket, &QWebSocket::textMessageReceived, socket, [socket, &senderKey](const QString &frame) {
                    if (!frame.contains(QLatin1StringView("\"type\":\"challenge\"")))
                        return;
                    const auto message = decodeServerFrame(frame);
                    if (const auto *challenge = message ? std::get_if<Challenge>(&message.value()) : nullptr) {
                        socket->sendTextMessage(
                            encodeFrame(Prove{senderKey.sign(loginProofPayload(challenge->nonce, {}))}));
                        socket->sendTextMessage(encodeFrame(Join{QStringLiteral("lobby")}));
                    }
                });
        }
        QObject::connect(socket, &QWebSocket::connected, socket, [socket, i, &senderKey] {
            const QByteArray key = i == 0 ? senderKey.publicKey() : QByteArray();
            socket->sendTextMessage(encodeFrame(Hello{QStringLiteral("m%1").arg(i), {}, {}, key, {}}));
            if (key.isEmpty())
                socket->sendTextMessage(encodeFrame(Join{QStringLiteral("lobby")}));
        });
        QNetworkRequest request(url);
        request.setRawHeader("Sec-WebSocket-Protocol", "natter.v1");
        socket->open(request);
        if (i % 50 == 49)
            TestClient::waitUntil([&] { return members[i].joined; }, 30'000);
    }
    if (!TestClient::waitUntil(
            [&] { return std::all_of(members.cbegin(), members.cend(), [](const Member &m) { return m.joined; }); },
            60'000))
        qFatal("not every member joined");
    // Let the join announcements die down.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    QWebSocket *sender = members.front().socket.get();
    const auto run = [&](const char *what, const std::function<void(int)> &sendOne,
                         const std::function<bool(const Member &)> &done) {
        const double cpuBefore = serverCpuMs(server);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i)
            sendOne(i);
        if (!TestClient::waitUntil([&] { return std::all_of(members.cbegin(), members.cend(), done); }, 600'000))
            qFatal("not every member received every %s", what);
        const double wallMs = timer.nsecsElapsed() / 1e6;
        const double cpuMs = serverCpuMs(server) - cpuBefore;
        qInfo("%d %s to %d members: %.0f ms until all delivered, server thread CPU %.0f ms (%.1f us per %s)", count,
              what, memberCount, wallMs, cpuMs, cpuMs * 1e3 / count, what);
        return cpuMs;
    };

    const double messageCpu = run(
        "messages",
        [&](int i) {
            sender->sendTextMessage(
                encodeFrame(Send{QStringLiteral("b-%1").arg(i), QStringLiteral("lobby"), {}, QStringLiteral("hello")}));
        },
        [&](const Member &m) { return m.messages >= count; });
    const double reactionCpu = run(
        "reactions",
        [&](int i) {
            // Different people on different messages, as in a busy room; seq i + 1 is message i.
            members[i % memberCount].socket->sendTextMessage(
                encodeFrame(React{QStringLiteral("lobby"), {}, i + 1, QStringLiteral("\U0001F44D"), true}));
        },
        [&](const Member &m) { return m.reactions >= count; });
    const double editCpu = run(
        "edits",
        [&](int i) {
            sender->sendTextMessage(encodeFrame(Send{QStringLiteral("e-%1").arg(i),
                                                     QStringLiteral("lobby"),
                                                     {},
                                                     QStringLiteral("hello again"),
                                                     MessageKind::Edit,
                                                     i + 1}));
        },
        [&](const Member &m) { return m.edits >= count; });
    const double deleteCpu = run(
        "deletes",
        [&](int i) {
            sender->sendTextMessage(encodeFrame(
                Send{QStringLiteral("d-%1").arg(i), QStringLiteral("lobby"), {}, {}, MessageKind::Delete, i + 1}));
        },
        [&](const Member &m) { return m.deletes >= count; });
    qInfo("server thread CPU per frame, in a room of %d members: new message %.1f us, reaction %.1f us (%.2fx), "
          "edit %.1f us (%.2fx), delete %.1f us (%.2fx)",
          memberCount, messageCpu * 1e3 / count, reactionCpu * 1e3 / count, reactionCpu / messageCpu,
          editCpu * 1e3 / count, editCpu / messageCpu, deleteCpu * 1e3 / count, deleteCpu / messageCpu);

    members.clear();
    return 0;
}
