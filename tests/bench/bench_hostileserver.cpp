// The app against a server that floods it: 20,000 presence joins and leaves in a room, 20,000 messages for rooms the
// user is not in, and 20,000 direct messages from different names, each sent by a scripted server on loopback to a
// real ChatClient and ChatSession. Prints how long the app took to handle each flood and the events per second.

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "scriptedserver.h"
#include "testclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

constexpr int Events = 20'000;
const ConversationId Lobby = ConversationId::room(lobbyRoom());

QString someone(int i)
{
    return u"guest%1"_s.arg(i, 5, 10, QLatin1Char('0'));
}

// Sends the frames, then a topic change, and times until the app shows the topic: every frame before it was handled.
// The frames are encoded before the clock starts; the time includes sending them over loopback in the same thread.
void measure(const char *what, ScriptedServer &server, ChatSession &session, const QList<ServerMessage> &frames)
{
    static int round = 0;
    const QString mark = u"done %1"_s.arg(++round);
    QStringList encoded;
    for (const ServerMessage &frame : frames)
        encoded.append(encodeFrame(frame));
    QElapsedTimer timer;
    timer.start();
    for (const QString &frame : std::as_const(encoded))
        server.sendText(frame);
    server.send(TopicChanged{lobbyRoom(), mark, u"server"_s});
    const bool done = TestClient::waitUntil([&] { return session.find(Lobby)->topic() == mark; }, 600'000);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-44s %6d events  %8.3f s  %10.0f events/s%s\n", what, int(frames.size()), seconds,
                double(frames.size()) / seconds, done ? "" : "  (did not finish)");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ScriptedServer server;
    if (!server.listen())
        return 1;
    ChatClient client;
    ChatSession session(&client);
    client.connectToServer(server.url(), u"me"_s);
    if (!TestClient::waitUntil([&] { return session.current() == Lobby; }, 5000)) {
        std::fprintf(stderr, "the app did not sign in\n");
        return 1;
    }
    // A direct conversation with someone in the flood, so that who is online matters.
    session.openDirect(someone(7));
    session.setCurrent(Lobby);

    QList<ServerMessage> presence;
    for (int i = 0; i < Events / 2; ++i)
        presence.append(Presence{lobbyRoom(), someone(i), PresenceChange::Joined, {}, {}});
    for (int i = 0; i < Events / 2; ++i)
        presence.append(Presence{lobbyRoom(), someone(i), PresenceChange::Left, {}, {}});
    measure("presence: joins, then leaves", server, session, presence);

    QList<ServerMessage> strangersRooms;
    for (int i = 0; i < Events; ++i) {
        ChatMessage message;
        message.room = u"room%1"_s.arg(i);
        message.from = someone(i);
        message.id = u"r%1"_s.arg(i);
        message.text = u"let me in"_s;
        message.seq = 1;
        message.ts = 1'700'000'000'000 + i;
        strangersRooms.append(MessageEvent{message});
    }
    measure("messages for rooms never joined", server, session, strangersRooms);

    QList<ServerMessage> direct;
    for (int i = 0; i < Events; ++i) {
        ChatMessage message;
        message.from = u"writer%1"_s.arg(i);
        message.to = u"me"_s;
        message.id = u"d%1"_s.arg(i);
        message.text = u"hello"_s;
        message.seq = 1;
        message.ts = 1'700'000'000'000 + i;
        direct.append(MessageEvent{message});
    }
    measure("direct messages from different names", server, session, direct);
    std::printf("conversations listed afterwards: %d\n", int(session.conversations()->rowCount()));
    return 0;
}
