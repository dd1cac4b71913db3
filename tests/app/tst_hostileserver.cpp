// The app against a server that floods it or sends what no honest server would: events by the ten thousand, messages
// for rooms the user is not in, direct messages from invented names, and a frame far over the cap. How fast the
// floods go is measured by tests/bench/bench_hostileserver; here, what the app ends up showing.

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "membermodel.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "scriptedserver.h"
#include "testclient.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <numeric>
#include <random>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

const ConversationId Lobby = ConversationId::room(lobbyRoom());
constexpr int Events = 20'000;

// The app signed in to a scripted server, in #lobby.
struct App
{
    ScriptedServer server;
    ChatClient client;
    ChatSession session{&client};

    bool start()
    {
        if (!server.listen())
            return false;
        client.setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        client.connectToServer(server.url(), u"me"_s);
        return TestClient::waitUntil([this] { return session.current() == Lobby; }, 5000);
    }
    // Frames are handled in order: once the topic set last shows, everything before it was handled.
    bool settle()
    {
        static int round = 0;
        const QString mark = u"settled %1"_s.arg(++round);
        server.send(TopicChanged{lobbyRoom(), mark, u"server"_s});
        return TestClient::waitUntil([&] { return session.find(Lobby)->topic() == mark; }, 60'000);
    }
    QList<ConversationId> listed() const { return session.conversations()->conversations(); }
};

QString guest(int i)
{
    return u"guest%1"_s.arg(i, 5, 10, QLatin1Char('0'));
}

ChatMessage directFrom(const QString &from, int n, qint64 seq = 1)
{
    ChatMessage message;
    message.from = from;
    message.to = u"me"_s;
    message.id = u"m%1"_s.arg(n);
    message.text = u"hello"_s;
    message.seq = seq;
    message.ts = 1'700'000'000'000 + n;
    return message;
}

// A frame header from a server (never masked) for a payload of `length` bytes.
QByteArray frameHeader(quint8 opcode, quint64 length)
{
    QByteArray header;
    header.append(char(0x80 | opcode));
    if (length < 126) {
        header.append(char(length));
    } else if (length <= 0xFFFF) {
        header.append(char(126));
        for (int shift = 8; shift >= 0; shift -= 8)
            header.append(char((length >> shift) & 0xFF));
    } else {
        header.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            header.append(char((length >> shift) & 0xFF));
    }
    return header;
}

// Reads the client's frames (masked) from `buffer`: the close code when a close frame is complete, else 0.
quint16 closeCodeIn(QByteArray &buffer)
{
    while (buffer.size() >= 2) {
        const quint8 opcode = quint8(buffer.at(0)) & 0x0F;
        quint64 length = quint8(buffer.at(1)) & 0x7F;
        qsizetype at = 2;
        if (length == 126 || length == 127) {
            const int bytes = length == 126 ? 2 : 8;
            if (buffer.size() < at + bytes)
                return 0;
            length = 0;
            for (int i = 0; i < bytes; ++i)
                length = (length << 8) | quint8(buffer.at(at + i));
            at += bytes;
        }
        if (buffer.size() < at + 4 + qsizetype(length))
            return 0;
        const QByteArray mask = buffer.mid(at, 4);
        QByteArray payload = buffer.mid(at + 4, qsizetype(length));
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload.at(i) ^ mask.at(i % 4));
        buffer.remove(0, at + 4 + qsizetype(length));
        if (opcode == 0x8 && payload.size() >= 2)
            return quint16((quint8(payload.at(0)) << 8) | quint8(payload.at(1)));
    }
    return 0;
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void presenceFloodsKeepMembersAndOnlineRight()
    {
        App app;
        QVERIFY(app.start());
        app.session.openDirect(guest(7)); // a direct conversation with someone who will come and go
        app.session.setCurrent(Lobby);
        Conversation *withGuest = app.session.find(ConversationId::direct(guest(7)));
        QVERIFY(withGuest);
        QVERIFY(!withGuest->isPeerOnline());

        // 15,000 arrive in a shuffled order, then the first 5,000 of them leave.
        QList<int> order(15'000);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), std::mt19937(12));
        for (int i : std::as_const(order))
            app.server.send(Presence{lobbyRoom(), guest(i), PresenceChange::Joined, {}, {}});
        QVERIFY(app.settle());
        QVERIFY(withGuest->isPeerOnline());
        for (int i = 0; i < Events - 15'000; ++i)
            app.server.send(Presence{lobbyRoom(), guest(i), PresenceChange::Left, {}, {}});
        // Presence in a room the user is not in changes nothing.
        app.server.send(Presence{u"elsewhere"_s, guest(7), PresenceChange::Joined, {}, {}});
        QVERIFY(app.settle());

        const MemberModel *members = app.session.find(Lobby)->members();
        QCOMPARE(members->rowCount(), 10'000 + 1); // and the user
        QCOMPARE(app.session.find(Lobby)->memberCount(), 10'001);
        QVERIFY(!members->contains(guest(4'999)));
        QVERIFY(members->contains(guest(5'000)));
        QVERIFY(!withGuest->isPeerOnline());
        QVERIFY(!app.session.isOnline(guest(7)));
        QVERIFY(app.session.isOnline(guest(14'999)));
        const QStringList names = members->names();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(names, sorted);
        QCOMPARE(members->index(0).data(MemberModel::NameRole).toString(), guest(5'000));
        QVERIFY(app.session.find(ConversationId::room(u"elsewhere"_s)) == nullptr);
    }

    void messagesForRoomsNotJoinedAreIgnored()
    {
        App app;
        QVERIFY(app.start());
        for (int i = 0; i < Events; ++i) {
            ChatMessage message;
            message.room = u"room%1"_s.arg(i);
            message.from = guest(i);
            message.id = u"m%1"_s.arg(i);
            message.text = u"let me in"_s;
            message.seq = i + 1;
            message.ts = 1'700'000'000'000 + i;
            app.server.send(MessageEvent{message});
        }
        QVERIFY(app.settle());
        QCOMPARE(app.listed(), QList<ConversationId>{Lobby});
        QVERIFY(app.session.find(ConversationId::room(u"room0"_s)) == nullptr);
        QCOMPARE(app.client.joinedRooms(), QStringList{lobbyRoom()});
        QCOMPARE(app.session.resumePoints().size(), 1);
    }

    void directMessagesFromInventedNamesAreBounded()
    {
        App app;
        QVERIFY(app.start());
        for (int i = 0; i < Events; ++i)
            app.server.send(MessageEvent{directFrom(guest(i), i)});
        QVERIFY(app.settle());

        // Anyone may write first; a server inventing senders gets a conversation a minute's worth of times.
        const QList<ConversationId> listed = app.listed();
        QCOMPARE(listed.size(), 1 + DirectConversationBudget::PerMinute);
        for (int i = 0; i < DirectConversationBudget::PerMinute; ++i) {
            const ConversationId id = ConversationId::direct(guest(i));
            QVERIFY2(listed.contains(id), qPrintable(guest(i)));
            QCOMPARE(app.session.find(id)->unread(), 1);
        }
        // Only what is listed is asked for again after a reconnect.
        QCOMPARE(app.session.resumePoints().size(), 1 + DirectConversationBudget::PerMinute);

        // Those listed go on receiving, and a conversation the user opens is always there.
        app.server.send(MessageEvent{directFrom(guest(0), Events, 2)});
        app.session.openDirect(u"someone"_s);
        QVERIFY(app.settle());
        QCOMPARE(app.session.find(ConversationId::direct(guest(0)))->unread(), 2);
        QVERIFY(app.listed().contains(ConversationId::direct(u"someone"_s)));
    }

    void aFrameOverTheCapClosesWith1009AndReconnects()
    {
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost));
        const QByteArray welcome =
            encodeFrameUtf8(Welcome{u"me"_s, u"token"_s, ServerInfo{u"Huge"_s, u"0"_s, {}, {}}, {}});
        constexpr quint64 Huge = quint64(256) * 1024 * 1024;
        qint64 payloadWritten = 0;
        quint16 closeCode = 0;
        int connections = 0;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = raw.nextPendingConnection();
            ++connections;
            auto buffer = std::make_shared<QByteArray>();
            auto upgraded = std::make_shared<bool>(false);
            const bool flood = connections == 1;
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket, buffer, upgraded, flood] {
                buffer->append(socket->readAll());
                if (!*upgraded) {
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    QByteArray key;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        if (line.toLower().startsWith("sec-websocket-key:"))
                            key = line.mid(18).trimmed();
                    }
                    buffer->remove(0, end + 4);
                    *upgraded = true;
                    const QByteArray accept =
                        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                            .toBase64();
                    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Protocol: natter.v1\r\nSec-WebSocket-Accept: "
                                  + accept + "\r\n\r\n");
                    socket->write(frameHeader(0x1, quint64(welcome.size())) + welcome);
                    if (!flood)
                        return;
                    // Then a frame that says it holds 256 MiB, sent as long as the app reads.
                    socket->write(frameHeader(0x1, Huge));
                    const QByteArray chunk(1024 * 1024, 'a');
                    auto more = [&, socket, chunk] {
                        while (socket->state() == QAbstractSocket::ConnectedState
                               && socket->bytesToWrite() < chunk.size() && quint64(payloadWritten) < Huge) {
                            socket->write(chunk);
                            payloadWritten += chunk.size();
                        }
                    };
                    connect(socket, &QTcpSocket::bytesWritten, socket, more);
                    more();
                }
                if (const quint16 code = closeCodeIn(*buffer); code != 0 && closeCode == 0)
                    closeCode = code;
            });
        });

        ChatClient client;
        client.setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        QSignalSpy interruptions(&client, &ChatClient::interruptionChanged);
        client.connectToServer(QUrl(u"ws://127.0.0.1:%1"_s.arg(raw.serverPort())), u"me"_s);
        QTRY_COMPARE_WITH_TIMEOUT(closeCode, quint16(1009), 10'000);
        // The app stopped at the header: what it took in is the kernel's buffers, not the frame.
        QVERIFY2(payloadWritten < qint64(ServerSocket::MaxIncomingBytes), qPrintable(QString::number(payloadWritten)));
        QTRY_VERIFY(!interruptions.isEmpty());
        QCOMPARE(interruptions.first().first().value<ChatClient::Interruption>(), ChatClient::Interruption::Oversized);
        // It comes back as after any drop, and the next welcome is taken as usual.
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::State::Connected, 10'000);
        QCOMPARE(connections, 2);
        QCOMPARE(client.interruption(), ChatClient::Interruption::None);
    }

    void theCapFollowsTheAnnouncedLimitsWithinBounds()
    {
        // The defaults' largest page (200 messages of 16 KiB) fits with room to spare.
        QVERIFY(ServerSocket::incomingCapFor(Limits{}) >= quint64(2) * 200 * 2 * 16 * 1024);
        Limits limits;
        limits.maxHistoryPage = 1;
        QCOMPARE(ServerSocket::incomingCapFor(limits), ServerSocket::BeforeWelcomeBytes);
        limits.maxHistoryPage = 1'000'000;
        limits.maxTextBytes = 1'000'000;
        QCOMPARE(ServerSocket::incomingCapFor(limits), ServerSocket::MaxIncomingBytes);
    }
};

QTEST_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
