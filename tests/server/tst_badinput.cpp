// Bad input of every kind gets its documented answer, the server stays up, and everyone else carries on.

#include "chatserver.h"
#include "connectionacceptor.h"
#include "historystore.h"
#include "protocol.h"
#include "rawpeer.h"
#include "testclient.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocketHandshakeOptions>
#include <QtEndian>

#include <array>
#include <memory>
#include <optional>
#include <vector>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

// Ends the calling test function when a helper that verifies something has failed.
#define CHECK(call)                                                                                                    \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

namespace {

constexpr int WaitMs = 5000;

// Frames are written out by hand so that they can be wrong; values marked Json go in as JSON string contents.
QString helloFrame(const QString &nameJson)
{
    return uR"({"type":"hello","name":"%1"})"_s.arg(nameJson);
}

QString sendFrame(const QString &id, const QString &room, const QString &textJson)
{
    return uR"({"type":"send","id":"%1","room":"%2","text":"%3"})"_s.arg(id, room, textJson);
}

void openNatter(TestClient &client, const QUrl &url)
{
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({subprotocol()});
    client.socket().open(url, options);
}

ConnectionAcceptor *listenerOf(const TestServer &server)
{
    return server.server()->findChild<ConnectionAcceptor *>();
}

int closeCodeOf(const TestClient &client)
{
    return static_cast<int>(client.closeCode());
}

template<typename T, typename Predicate> int countFrames(const TestClient &client, Predicate matches)
{
    const QList<ServerMessage> frames = client.frames();
    return static_cast<int>(std::count_if(frames.cbegin(), frames.cend(), [&](const ServerMessage &frame) {
        const T *value = std::get_if<T>(&frame);
        return value && matches(*value);
    }));
}

// The next error frame has this code and, when one is given, this ref.
void verifyError(TestClient &client, const QString &code, const QString &ref = {})
{
    const auto error = client.waitFor<ErrorEvent>();
    QVERIFY2(error, qPrintable(u"no error frame arrived; expected %1"_s.arg(code)));
    QCOMPARE(errorCodeWord(error->code), code);
    if (!ref.isEmpty())
        QCOMPARE(error->ref, ref);
    QVERIFY2(!error->message.isEmpty(), "an error must explain itself to people");
}

// Says hello and joins #lobby without waiting in between (each wait costs event-loop turns).
void signInAndJoin(TestClient &client, const QString &name, const QString &password = {})
{
    client.send(Hello{name, password, {}, {}, {}});
    client.send(Join{lobbyRoom()});
    const auto welcome = client.waitFor<Welcome>();
    QVERIFY2(welcome, qPrintable(u"%1 was not welcomed: %2"_s.arg(name, errorCodeWord(client.lastError().code))));
    QCOMPARE(welcome->name, name);
    QVERIFY2(client.waitFor<Joined>(), qPrintable(u"%1 could not join #lobby"_s.arg(name)));
}

// A natter.v1 connection that was answered with an error is still usable: it signs in (if a name is given),
// joins #lobby and gets a message through.
void verifyStillUsable(TestClient &client, const QString &signInAs = {})
{
    QVERIFY2(client.isConnected(), "the server closed a connection that only sent a bad frame");
    if (!signInAs.isEmpty())
        client.send(Hello{signInAs, {}, {}, {}, {}});
    client.send(Join{lobbyRoom()});
    const QString id = u"still-usable"_s;
    client.send(Send{id, lobbyRoom(), {}, u"I am still here"_s, MessageKind::Text});
    if (!signInAs.isEmpty()) {
        const auto welcome = client.waitFor<Welcome>();
        QVERIFY2(welcome,
                 qPrintable(u"no welcome after the bad frame: %1"_s.arg(errorCodeWord(client.lastError().code))));
        QCOMPARE(welcome->name, signInAs);
    }
    QVERIFY2(client.waitFor<Joined>(), "could not join #lobby after the bad frame");
    QVERIFY2(client.waitFor<Ack>([&](const Ack &ack) { return ack.id == id; }), "no ack after the bad frame");
}

// Waits until the server counts exactly this many open TCP connections (no leak in its bookkeeping).
void verifyConnectionCount(const TestServer &server, int expected)
{
    ConnectionAcceptor *listener = listenerOf(server);
    QVERIFY(listener);
    TestClient::waitUntil([&] { return listener->connectionCount() == expected; }, WaitMs);
    QCOMPARE(listener->connectionCount(), expected);
}

qint64 storedMessages(const TestServer &server)
{
    HistoryStore *store = server.server()->store();
    TestClient::waitUntil([store] { return store->pendingCount() == 0; }, WaitMs);
    return store->messageCount();
}

// Two signed-in users in #lobby who have nothing to do with the bad input: after it, they still talk.
class Bystanders
{
public:
    static constexpr int Count = 2;

    // Opens the bystanders' connections and the given others together (the handshakes are the slow part), then
    // signs the bystanders in and puts them in #lobby.
    void setUp(const QUrl &url, const QString &password = {}, const QList<TestClient *> &others = {})
    {
        const QList<TestClient *> clients = QList<TestClient *>{&m_ann, &m_ben} + others;
        for (TestClient *client : clients)
            openNatter(*client, url);
        QVERIFY(TestClient::waitUntil(
            [&] { return std::all_of(clients.cbegin(), clients.cend(), [](auto *c) { return c->isConnected(); }); },
            WaitMs));
        // Both say hello and join at once, without waiting in between.
        m_ann.send(Hello{u"ann"_s, password, {}, {}, {}});
        m_ben.send(Hello{u"ben"_s, password, {}, {}, {}});
        m_ann.send(Join{lobbyRoom()});
        m_ben.send(Join{lobbyRoom()});
        for (TestClient *client : {&m_ann, &m_ben}) {
            QVERIFY2(client->waitFor<Welcome>(), "a bystander was not welcomed");
            QVERIFY2(client->waitFor<Joined>(), "a bystander could not join #lobby");
        }
    }

    // Each says something in #lobby, is acknowledged, and the other hears it.
    void verifyUnaffected()
    {
        ++m_round;
        const QString annText = u"ann is still here (%1)"_s.arg(m_round);
        const QString benText = u"ben is still here (%1)"_s.arg(m_round);
        QVERIFY2(m_ann.isConnected() && m_ben.isConnected(), "a bystander was disconnected");
        m_ann.send(Send{u"ann-check-%1"_s.arg(m_round), lobbyRoom(), {}, annText, MessageKind::Text});
        m_ben.send(Send{u"ben-check-%1"_s.arg(m_round), lobbyRoom(), {}, benText, MessageKind::Text});
        CHECK(verifyHeard(m_ann, m_ben, u"ann-check-%1"_s.arg(m_round), annText));
        CHECK(verifyHeard(m_ben, m_ann, u"ben-check-%1"_s.arg(m_round), benText));
    }

    // How many messages verifyUnaffected() has stored so far.
    int messagesSent() const { return m_round * Count; }

    TestClient &ann() { return m_ann; }
    TestClient &ben() { return m_ben; }

private:
    // The id starts with the sender's name.
    static void verifyHeard(TestClient &from, TestClient &to, const QString &id, const QString &text)
    {
        const auto ack = from.waitFor<Ack>([&](const Ack &a) { return a.id == id; });
        QVERIFY2(ack, qPrintable(u"%1 got no ack"_s.arg(id)));
        const auto heard = to.waitFor<MessageEvent>([&](const MessageEvent &e) { return e.message.text == text; });
        QVERIFY2(heard, qPrintable(u"%1 was not delivered"_s.arg(id)));
        QCOMPARE(heard->message.from, id.section(u'-', 0, 0));
        QCOMPARE(heard->message.seq, ack->seq);
    }

    TestClient m_ann;
    TestClient m_ben;
    int m_round = 0;
};

// Many natter.v1 connections opened at once, without waiting for each in turn.
class Crowd
{
public:
    explicit Crowd(QString namePrefix)
        : m_namePrefix(std::move(namePrefix))
    { }
    Crowd(const Crowd &) = delete;
    Crowd &operator=(const Crowd &) = delete;

    // Opens `count` connections in waves that start together. (The listen backlog holds about 50 connections;
    // beyond it the kernel drops connection attempts and the clients retry only after a second or more.)
    void open(const QUrl &url, int count, int wave = 40)
    {
        for (int first = 0; first < count; first += wave) {
            const qsizetype begin = static_cast<qsizetype>(m_clients.size());
            for (int i = first; i < std::min(count, first + wave); ++i) {
                auto client = std::make_unique<TestClient>();
                TestClient *raw = client.get();
                QObject::connect(&raw->socket(), &QWebSocket::connected, raw, [this, raw] { m_handshook.insert(raw); });
                openNatter(*raw, url);
                m_clients.push_back(std::move(client));
            }
            TestClient::waitUntil([&] { return settled(begin); }, WaitMs);
        }
    }

    // Every connection (from the index on) has either finished its handshake or failed.
    bool settled(qsizetype from = 0) const
    {
        return std::none_of(m_clients.cbegin() + from, m_clients.cend(), [](const auto &client) {
            return client->socket().state() == QAbstractSocket::ConnectingState
                || client->socket().state() == QAbstractSocket::HostLookupState;
        });
    }
    QList<TestClient *> openClients() const
    {
        QList<TestClient *> open;
        for (const auto &client : m_clients) {
            if (client->isConnected())
                open.append(client.get());
        }
        return open;
    }
    bool handshook(TestClient *client) const { return m_handshook.contains(client); }
    QList<TestClient *> all() const
    {
        QList<TestClient *> clients;
        for (const auto &client : m_clients)
            clients.append(client.get());
        return clients;
    }

    // Says hello on every open connection at once, then checks that each one was welcomed.
    void signInOpenClients()
    {
        const QList<TestClient *> open = openClients();
        for (qsizetype i = 0; i < open.size(); ++i)
            open[i]->send(Hello{u"%1-%2"_s.arg(m_namePrefix).arg(i), {}, {}, {}, {}});
        for (TestClient *client : open)
            QVERIFY2(client->waitFor<Welcome>(), "a connection the server kept open was not welcomed");
    }

    void closeAll()
    {
        for (const auto &client : m_clients)
            client->socket().close();
    }

private:
    QString m_namePrefix;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    QSet<TestClient *> m_handshook;
};

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    // natter.v1 frames: an error frame with the code, and the connection stays open.
    void answersMalformedFrames_data();
    void answersMalformedFrames();
    void rejectsInvalidRoomNames_data();
    void rejectsInvalidRoomNames();
    void requiresHelloFirst_data();
    void requiresHelloFirst();
    void rejectsSecondHello_data();
    void rejectsSecondHello();
    void rejectsInvalidNames_data();
    void rejectsInvalidNames();
    void rejectsTakenNames_data();
    void rejectsTakenNames();
    void rejectsInvalidRenames_data();
    void rejectsInvalidRenames();
    void rejectsInvalidText_data();
    void rejectsInvalidText();
    void rejectsTooLargeText_data();
    void rejectsTooLargeText();
    void rejectsRequestsOutsideJoinedRooms_data();
    void rejectsRequestsOutsideJoinedRooms();
    void rejectsDirectMessagesToOfflineUsers_data();
    void rejectsDirectMessagesToOfflineUsers();
    void rejectsInvalidTopics_data();
    void rejectsInvalidTopics();
    void rejectsTooManyRooms();
    void capsRoomsOnTheServer();

    // Transport: the connection is closed with the documented code.
    void closesOnBinaryFrames_data();
    void closesOnBinaryFrames();
    void closesOnOversizedFrames_data();
    void closesOnOversizedFrames();
    void closesOnInvalidUtf8_data();
    void closesOnInvalidUtf8();

    // Abuse and resource limits.
    void capsConnectionsPerAddress();
    void capsTotalClients();
    void releasesConnectionSlots_data();
    void releasesConnectionSlots();
    void dropsStalledHandshakes_data();
    void dropsStalledHandshakes();
    void dropsPeersThatIgnorePings();
    void keepsPeersThatAnswerPings();
    void requiresPassword_data();
    void requiresPassword();
};

void TestBadInput::answersMalformedFrames_data()
{
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");

    const QString badRequest = u"bad_request"_s;
    QTest::newRow("truncated JSON") << false << uR"({"type":"hello","name":)"_s << badRequest;
    QTest::newRow("not JSON") << false << u"hello there"_s << badRequest;
    QTest::newRow("empty frame") << false << QString() << badRequest;
    QTest::newRow("trailing garbage") << true << uR"({"type":"rooms"} {"type":"rooms"})"_s << badRequest;
    QTest::newRow("JSON array") << false << uR"([{"type":"hello","name":"victim"}])"_s << badRequest;
    QTest::newRow("JSON string") << false << uR"("hello")"_s << badRequest;
    QTest::newRow("JSON number") << true << u"42"_s << badRequest;
    QTest::newRow("JSON null") << true << u"null"_s << badRequest;
    QTest::newRow("no type") << false << uR"({"name":"victim"})"_s << badRequest;
    QTest::newRow("type is a number") << false << uR"({"type":7})"_s << badRequest;
    QTest::newRow("type is empty") << true << uR"({"type":""})"_s << badRequest;
    QTest::newRow("unknown type before hello") << false << uR"({"type":"shout","text":"hi"})"_s << u"unknown_type"_s;
    QTest::newRow("unknown type after hello") << true << uR"({"type":"shout","text":"hi"})"_s << u"unknown_type"_s;
    QTest::newRow("type in capitals") << false << uR"({"type":"HELLO","name":"victim"})"_s << u"unknown_type"_s;
    QTest::newRow("hello name is a number") << false << uR"({"type":"hello","name":42})"_s << badRequest;
    QTest::newRow("hello without name") << false << uR"({"type":"hello"})"_s << badRequest;
    QTest::newRow("hello password is a number")
        << false << uR"({"type":"hello","name":"victim","password":1234})"_s << badRequest;
    QTest::newRow("hello since is an array")
        << false << uR"({"type":"hello","name":"victim","since":[1]})"_s << badRequest;
    QTest::newRow("hello since has a negative seq")
        << false << uR"({"type":"hello","name":"victim","since":{"lobby":-1}})"_s << badRequest;
    QTest::newRow("send without id") << true << uR"({"type":"send","room":"lobby","text":"hi"})"_s << badRequest;
    QTest::newRow("send with empty id") << true << uR"({"type":"send","id":"","room":"lobby","text":"hi"})"_s
                                        << badRequest;
    QTest::newRow("send text is a number")
        << true << uR"({"type":"send","id":"m1","room":"lobby","text":5})"_s << badRequest;
    QTest::newRow("send without text") << true << uR"({"type":"send","id":"m1","room":"lobby"})"_s << badRequest;
    QTest::newRow("send to room and user")
        << true << uR"({"type":"send","id":"m1","room":"lobby","to":"ann","text":"hi"})"_s << badRequest;
    QTest::newRow("send to nobody") << true << uR"({"type":"send","id":"m1","text":"hi"})"_s << badRequest;
    QTest::newRow("send of unknown kind")
        << true << uR"({"type":"send","id":"m1","room":"lobby","text":"hi","kind":"shout"})"_s << badRequest;
    QTest::newRow("join room is a number") << true << uR"({"type":"join","room":7})"_s << badRequest;
    QTest::newRow("join without room") << true << uR"({"type":"join"})"_s << badRequest;
    QTest::newRow("history with negative limit")
        << true << uR"({"type":"history","room":"lobby","limit":-5})"_s << badRequest;
    QTest::newRow("history limit is a string")
        << true << uR"({"type":"history","room":"lobby","limit":"all"})"_s << badRequest;
    QTest::newRow("history before is a fraction")
        << true << uR"({"type":"history","room":"lobby","before":1.5})"_s << badRequest;
    QTest::newRow("topic without topic") << true << uR"({"type":"topic","room":"lobby"})"_s << badRequest;
    QTest::newRow("topic is a number") << true << uR"({"type":"topic","room":"lobby","topic":5})"_s << badRequest;
}

void TestBadInput::answersMalformedFrames()
{
    QFETCH(bool, afterHello);
    QFETCH(QString, frame);
    QFETCH(QString, code);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    if (afterHello)
        victim.send(Hello{u"victim"_s, {}, {}, {}, {}});
    victim.sendText(frame);
    if (afterHello)
        QVERIFY(victim.waitFor<Welcome>());
    CHECK(verifyError(victim, code));
    QCOMPARE(storedMessages(server), storedBefore);

    CHECK(verifyStillUsable(victim, afterHello ? QString() : u"victim"_s));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::rejectsInvalidRoomNames_data()
{
    QTest::addColumn<QString>("frame");

    const QString join = uR"({"type":"join","room":"%1"})"_s;
    QTest::newRow("capitals") << join.arg(u"Lobby"_s);
    QTest::newRow("space") << join.arg(u"two words"_s);
    QTest::newRow("leading dash") << join.arg(u"-dash"_s);
    QTest::newRow("leading underscore") << join.arg(u"_under"_s);
    QTest::newRow("empty") << join.arg(QString());
    QTest::newRow("33 characters") << join.arg(QString(33, u'a'));
    QTest::newRow("non-ASCII letter") << join.arg(u"caf\u00e9"_s);
    QTest::newRow("trailing newline") << join.arg(u"lobby\\n"_s);
    QTest::newRow("path") << join.arg(u"../lobby"_s);
    QTest::newRow("send to an invalid room") << sendFrame(u"m1"_s, u"Lobby"_s, u"hi"_s);
    QTest::newRow("leave an invalid room") << uR"({"type":"leave","room":"#lobby"})"_s;
    QTest::newRow("topic of an invalid room") << uR"({"type":"topic","room":"LOBBY","topic":"x"})"_s;
    QTest::newRow("history of an invalid room") << uR"({"type":"history","room":"lob by"})"_s;
}

void TestBadInput::rejectsInvalidRoomNames()
{
    QFETCH(QString, frame);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    victim.send(Hello{u"victim"_s, {}, {}, {}, {}});
    victim.sendText(frame);
    QVERIFY(victim.waitFor<Welcome>());
    CHECK(verifyError(victim, u"room_invalid"_s));
    QCOMPARE(storedMessages(server), storedBefore);

    // No room was made from the bad name.
    victim.send(RoomsRequest{});
    const auto rooms = victim.waitFor<RoomList>();
    QVERIFY(rooms);
    QCOMPARE(rooms->rooms.size(), 1);
    QCOMPARE(rooms->rooms.first().name, lobbyRoom());

    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::requiresHelloFirst_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("type");

    QTest::newRow("join") << uR"({"type":"join","room":"lobby"})"_s << u"join"_s;
    QTest::newRow("leave") << uR"({"type":"leave","room":"lobby"})"_s << u"leave"_s;
    QTest::newRow("send to a room") << sendFrame(u"early-1"_s, lobbyRoom(), u"sneaky"_s) << u"send"_s;
    QTest::newRow("send to a user") << uR"({"type":"send","id":"early-2","to":"ann","text":"sneaky"})"_s << u"send"_s;
    QTest::newRow("history") << uR"({"type":"history","room":"lobby"})"_s << u"history"_s;
    QTest::newRow("typing") << uR"({"type":"typing","room":"lobby"})"_s << u"typing"_s;
    QTest::newRow("rooms") << uR"({"type":"rooms"})"_s << u"rooms"_s;
    QTest::newRow("topic") << uR"({"type":"topic","room":"lobby","topic":"hijacked"})"_s << u"topic"_s;
    QTest::newRow("nick") << uR"({"type":"nick","name":"mallory"})"_s << u"nick"_s;
}

void TestBadInput::requiresHelloFirst()
{
    QFETCH(QString, frame);
    QFETCH(QString, type);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    victim.sendText(frame);
    CHECK(verifyError(victim, u"hello_required"_s, type));
    QCOMPARE(victim.frames().size(), 0); // nothing else was answered

    CHECK(verifyStillUsable(victim, u"victim"_s));
    CHECK(bystanders.verifyUnaffected());
    // The early request had no effect on anyone.
    QCOMPARE(storedMessages(server), storedBefore + 1 + bystanders.messagesSent());
    QCOMPARE(countFrames<TopicChanged>(bystanders.ben(), [](const auto &) { return true; }), 0);
    QCOMPARE(countFrames<TypingEvent>(bystanders.ann(), [](const auto &) { return true; }), 0);
    QCOMPARE(countFrames<MessageEvent>(bystanders.ann(), [](const auto &e) { return e.message.text == u"sneaky"; }), 0);
}

void TestBadInput::rejectsSecondHello_data()
{
    QTest::addColumn<QString>("secondName");

    QTest::newRow("same name") << u"victim"_s;
    QTest::newRow("another name") << u"mallory"_s;
    QTest::newRow("a bystander's name") << u"ann"_s;
}

void TestBadInput::rejectsSecondHello()
{
    QFETCH(QString, secondName);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.send(Hello{secondName, {}, {}, {}, {}});
    CHECK(verifyError(victim, u"already_welcomed"_s, u"hello"_s));
    QVERIFY(victim.isConnected());

    // The first name still stands, and the bystander holding a name was not displaced.
    const QString text = u"who am I"_s;
    QVERIFY(victim.say(lobbyRoom(), text) > 0);
    const auto heard =
        bystanders.ben().waitFor<MessageEvent>([&](const MessageEvent &e) { return e.message.text == text; });
    QVERIFY(heard);
    QCOMPARE(heard->message.from, u"victim"_s);
    CHECK(bystanders.verifyUnaffected());
    QCOMPARE(countFrames<Presence>(bystanders.ben(), [](const Presence &p) { return p.name != u"victim"; }), 0);
}

void TestBadInput::rejectsInvalidNames_data()
{
    QTest::addColumn<QString>("nameJson");

    QTest::newRow("bidi override, escaped") << u"\\u202Eevil"_s;
    QTest::newRow("bidi override, raw") << u"\u202Eevil"_s;
    QTest::newRow("right-to-left isolate") << u"\\u2067evil"_s;
    QTest::newRow("left-to-right mark") << u"ev\\u200Eil"_s;
    QTest::newRow("zero-width space") << u"ev\\u200Bil"_s;
    QTest::newRow("zero-width joiner") << u"ev\\u200Dil"_s;
    QTest::newRow("byte order mark") << u"\\uFEFFevil"_s;
    QTest::newRow("bell") << u"ev\\u0007il"_s;
    QTest::newRow("NUL") << u"ev\\u0000il"_s;
    QTest::newRow("escape") << u"\\u001B[31mevil"_s;
    QTest::newRow("delete") << u"ev\\u007Fil"_s;
    QTest::newRow("C1 control") << u"ev\\u0085il"_s;
    QTest::newRow("newline") << u"ev\\nil"_s;
    QTest::newRow("tab") << u"ev\\til"_s;
    QTest::newRow("line separator") << u"ev\\u2028il"_s;
    QTest::newRow("lone high surrogate") << u"\\ud800"_s;
    QTest::newRow("lone low surrogate") << u"ev\\udc00il"_s;
    QTest::newRow("surrogates in the wrong order") << u"\\udc00\\ud800"_s;
    QTest::newRow("noncharacter") << u"ev\\uFFFFil"_s;
    QTest::newRow("unassigned code point") << u"ev\\u0378il"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << u"   "_s;
    QTest::newRow("leading space") << u" evil"_s;
    QTest::newRow("trailing space") << u"evil "_s;
    QTest::newRow("33 characters") << QString(33, u'e');
    QTest::newRow("no-break space") << u"ev\\u00A0il"_s;
}

void TestBadInput::rejectsInvalidNames()
{
    QFETCH(QString, nameJson);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    victim.sendText(helloFrame(nameJson));
    CHECK(verifyError(victim, u"name_invalid"_s));
    QCOMPARE(victim.frames().size(), 0); // no welcome

    CHECK(verifyStillUsable(victim, u"victim"_s));
    CHECK(bystanders.verifyUnaffected());
    // Nobody heard of a user with the bad name.
    QCOMPARE(countFrames<Presence>(bystanders.ann(),
                                   [](const Presence &p) { return p.name != u"ben" && p.name != u"victim"; }),
             0);
}

void TestBadInput::rejectsTakenNames_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<QString>("token");

    QTest::newRow("same name") << u"alice"_s << u"alice"_s << QString();
    QTest::newRow("capitals") << u"alice"_s << u"ALICE"_s << QString();
    QTest::newRow("mixed case") << u"ALICE"_s << u"aLiCe"_s << QString();
    QTest::newRow("full-width letters") << u"alice"_s << u"\uFF41\uFF4C\uFF49\uFF43\uFF45"_s << QString();
    QTest::newRow("ligature") << u"fiona"_s << u"\uFB01ona"_s << QString();
    QTest::newRow("made-up token") << u"alice"_s << u"alice"_s << u"0123456789abcdef0123456789abcdef"_s;
}

void TestBadInput::rejectsTakenNames()
{
    QFETCH(QString, holder);
    QFETCH(QString, attempt);
    QFETCH(QString, token);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient owner;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&owner, &victim}));
    CHECK(signInAndJoin(owner, holder));

    // (Not signIn(): it would wait out its whole timeout for a welcome that never comes.)
    victim.send(Hello{attempt, {}, token, {}, {}});
    CHECK(verifyError(victim, u"name_taken"_s, u"hello"_s));

    // The connection is still usable with another name, and the owner keeps its name and connection.
    CHECK(verifyStillUsable(victim, u"carol"_s));
    QVERIFY(owner.isConnected());
    const QString text = u"still mine"_s;
    QVERIFY(owner.say(lobbyRoom(), text) > 0);
    const auto heard = victim.waitFor<MessageEvent>([&](const MessageEvent &e) { return e.message.text == text; });
    QVERIFY(heard);
    QCOMPARE(heard->message.from, holder);
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::rejectsInvalidRenames_data()
{
    QTest::addColumn<QString>("nameJson");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("ref");

    QTest::newRow("bidi override") << u"\\u202Eevil"_s << u"name_invalid"_s << QString();
    QTest::newRow("zero-width space") << u"ev\\u200Bil"_s << u"name_invalid"_s << QString();
    QTest::newRow("lone surrogate") << u"\\udbff"_s << u"name_invalid"_s << QString();
    QTest::newRow("empty") << QString() << u"name_invalid"_s << QString();
    QTest::newRow("a bystander's name") << u"ann"_s << u"name_taken"_s << u"nick"_s;
    QTest::newRow("a bystander's name in capitals") << u"BEN"_s << u"name_taken"_s << u"nick"_s;
}

void TestBadInput::rejectsInvalidRenames()
{
    QFETCH(QString, nameJson);
    QFETCH(QString, code);
    QFETCH(QString, ref);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.sendText(uR"({"type":"nick","name":"%1"})"_s.arg(nameJson));
    CHECK(verifyError(victim, code, ref));

    // The name did not change: messages still come from "victim", and nobody saw a rename.
    const QString text = u"same old me"_s;
    QVERIFY(victim.say(lobbyRoom(), text) > 0);
    const auto heard =
        bystanders.ann().waitFor<MessageEvent>([&](const MessageEvent &e) { return e.message.text == text; });
    QVERIFY(heard);
    QCOMPARE(heard->message.from, u"victim"_s);
    CHECK(bystanders.verifyUnaffected());
    for (TestClient *client : {&victim, &bystanders.ann(), &bystanders.ben()}) {
        QCOMPARE(countFrames<Presence>(*client, [](const Presence &p) { return p.event == PresenceChange::Renamed; }),
                 0);
    }
}

void TestBadInput::rejectsInvalidText_data()
{
    QTest::addColumn<QString>("textJson");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("line breaks and tabs only") << u"\\n\\t\\n"_s;
    QTest::newRow("NUL") << u"a\\u0000b"_s;
    QTest::newRow("bell") << u"ding\\u0007"_s;
    QTest::newRow("escape sequence") << u"\\u001B[2Jgone"_s;
    QTest::newRow("form feed") << u"page\\fbreak"_s;
    QTest::newRow("vertical tab") << u"down\\u000Bwards"_s;
    QTest::newRow("lone high surrogate") << u"half \\ud83d"_s;
    QTest::newRow("lone low surrogate") << u"\\ude00 half"_s;
}

void TestBadInput::rejectsInvalidText()
{
    QFETCH(QString, textJson);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.sendText(sendFrame(u"bad-text-1"_s, lobbyRoom(), textJson));
    CHECK(verifyError(victim, u"text_invalid"_s, u"bad-text-1"_s));
    QCOMPARE(storedMessages(server), storedBefore);

    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
    QCOMPARE(countFrames<MessageEvent>(bystanders.ann(), [](const auto &e) { return e.message.id == u"bad-text-1"; }),
             0);
}

void TestBadInput::rejectsTooLargeText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");

    // The limit is 100 UTF-8 bytes, not 100 characters.
    QTest::newRow("100 ASCII bytes") << QString(100, u'a') << true;
    QTest::newRow("101 ASCII bytes") << QString(101, u'a') << false;
    QTest::newRow("33 euro signs, 99 bytes") << QString(33, u'\u20ac') << true;
    QTest::newRow("34 euro signs, 102 bytes") << QString(34, u'\u20ac') << false;
    QTest::newRow("25 emoji, 100 bytes") << u"\U0001F600"_s.repeated(25) << true;
    QTest::newRow("26 emoji, 104 bytes") << u"\U0001F600"_s.repeated(26) << false;
    QTest::newRow("3000 bytes") << QString(3000, u'z') << false;
}

void TestBadInput::rejectsTooLargeText()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);

    ServerConfig config = TestServer::defaultConfig();
    config.limits.maxTextBytes = 100;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    CHECK(signInAndJoin(victim, u"victim"_s));
    const QString id = u"big-1"_s;
    victim.send(Send{id, lobbyRoom(), {}, text, MessageKind::Text});
    if (accepted) {
        QVERIFY(victim.waitFor<Ack>([&](const Ack &ack) { return ack.id == id; }));
        const auto heard = bystanders.ben().waitFor<MessageEvent>([&](const auto &e) { return e.message.id == id; });
        QVERIFY(heard);
        QCOMPARE(heard->message.text, text);
        QCOMPARE(storedMessages(server), storedBefore + 1);
    } else {
        CHECK(verifyError(victim, u"too_large"_s, id));
        QCOMPARE(storedMessages(server), storedBefore);
        QVERIFY(victim.isConnected());
    }

    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
    QCOMPARE(countFrames<MessageEvent>(bystanders.ann(), [&](const auto &e) { return e.message.id == id; }),
             accepted ? 1 : 0);
}

void TestBadInput::rejectsRequestsOutsideJoinedRooms_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("ref");

    QTest::newRow("send to a room with others in it")
        << sendFrame(u"out-1"_s, lobbyRoom(), u"let me in"_s) << u"out-1"_s;
    QTest::newRow("send to a room nobody made") << sendFrame(u"out-2"_s, u"nowhere"_s, u"hello?"_s) << u"out-2"_s;
    QTest::newRow("leave") << uR"({"type":"leave","room":"lobby"})"_s << u"leave"_s;
    QTest::newRow("history") << uR"({"type":"history","room":"lobby"})"_s << u"history"_s;
    QTest::newRow("typing") << uR"({"type":"typing","room":"lobby"})"_s << u"typing"_s;
    QTest::newRow("topic") << uR"({"type":"topic","room":"lobby","topic":"mine now"})"_s << u"topic"_s;
}

void TestBadInput::rejectsRequestsOutsideJoinedRooms()
{
    QFETCH(QString, frame);
    QFETCH(QString, ref);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    QVERIFY(victim.signIn(u"victim"_s)); // and joins nothing
    victim.sendText(frame);
    CHECK(verifyError(victim, u"not_in_room"_s, ref));
    QCOMPARE(countFrames<HistoryPage>(victim, [](const auto &) { return true; }), 0);

    CHECK(bystanders.verifyUnaffected());
    QCOMPARE(storedMessages(server), storedBefore + bystanders.messagesSent());
    for (TestClient *client : {&bystanders.ann(), &bystanders.ben()}) {
        QCOMPARE(countFrames<MessageEvent>(*client, [](const auto &e) { return e.message.from == u"victim"; }), 0);
        QCOMPARE(countFrames<TypingEvent>(*client, [](const auto &) { return true; }), 0);
        QCOMPARE(countFrames<TopicChanged>(*client, [](const auto &) { return true; }), 0);
        QCOMPARE(countFrames<Presence>(*client, [](const auto &p) { return p.name == u"victim"; }), 0);
    }
    CHECK(verifyStillUsable(victim));
}

void TestBadInput::rejectsDirectMessagesToOfflineUsers_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("ref");

    QTest::newRow("never connected") << uR"({"type":"send","id":"dm-1","to":"nobody","text":"psst"})"_s
                                     << u"recipient_offline"_s << u"dm-1"_s;
    QTest::newRow("signed out") << uR"({"type":"send","id":"dm-2","to":"gone","text":"psst"})"_s
                                << u"recipient_offline"_s << u"dm-2"_s;
    QTest::newRow("signed out, other case")
        << uR"({"type":"send","id":"dm-3","to":"GONE","text":"psst"})"_s << u"recipient_offline"_s << u"dm-3"_s;
    QTest::newRow("typing to a signed-out user")
        << uR"({"type":"typing","to":"gone"})"_s << u"user_unknown"_s << u"typing"_s;
    QTest::newRow("invalid name") << uR"({"type":"send","id":"dm-4","to":"\u202Egone","text":"psst"})"_s
                                  << u"name_invalid"_s << QString();
}

void TestBadInput::rejectsDirectMessagesToOfflineUsers()
{
    QFETCH(QString, frame);
    QFETCH(QString, code);
    QFETCH(QString, ref);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient gone;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&gone, &victim}));
    QVERIFY(gone.signIn(u"gone"_s));
    gone.socket().close();
    QVERIFY(gone.waitForDisconnect());
    QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count + 1);
    const qint64 storedBefore = storedMessages(server);
    QVERIFY(victim.signIn(u"victim"_s));
    victim.sendText(frame);
    CHECK(verifyError(victim, code, ref));
    QCOMPARE(storedMessages(server), storedBefore);

    // A direct message to someone online still works.
    victim.send(Send{u"dm-ok"_s, {}, u"ann"_s, u"psst"_s, MessageKind::Text});
    QVERIFY(victim.waitFor<Ack>([](const Ack &ack) { return ack.id == u"dm-ok"; }));
    QVERIFY(bystanders.ann().waitFor<MessageEvent>([](const auto &e) { return e.message.id == u"dm-ok"; }));
    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::rejectsInvalidTopics_data()
{
    QTest::addColumn<QString>("topicJson");
    QTest::addColumn<bool>("accepted");

    // The limit is 20 characters.
    QTest::newRow("20 characters") << QString(20, u't') << true;
    QTest::newRow("20 emoji") << u"\\ud83d\\ude00"_s.repeated(20) << true;
    QTest::newRow("21 characters") << QString(21, u't') << false;
    QTest::newRow("21 emoji") << u"\\ud83d\\ude00"_s.repeated(21) << false;
    QTest::newRow("newline") << u"two\\nlines"_s << false;
    QTest::newRow("bell") << u"ding\\u0007"_s << false;
    QTest::newRow("lone surrogate") << u"half \\ud83d"_s << false;
}

void TestBadInput::rejectsInvalidTopics()
{
    QFETCH(QString, topicJson);
    QFETCH(bool, accepted);

    ServerConfig config = TestServer::defaultConfig();
    config.limits.maxTopicLength = 20;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.sendText(uR"({"type":"topic","room":"lobby","topic":"%1"})"_s.arg(topicJson));
    if (accepted) {
        QVERIFY(bystanders.ben().waitFor<TopicChanged>());
    } else {
        CHECK(verifyError(victim, u"topic_invalid"_s, u"topic"_s));
    }

    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
    if (!accepted) {
        QCOMPARE(countFrames<TopicChanged>(bystanders.ben(), [](const auto &) { return true; }), 0);
        victim.send(RoomsRequest{});
        const auto rooms = victim.waitFor<RoomList>();
        QVERIFY(rooms);
        QCOMPARE(rooms->rooms.first().topic, QString());
    }
}

void TestBadInput::rejectsTooManyRooms()
{
    ServerConfig config = TestServer::defaultConfig();
    config.limits.maxRoomsPerSession = 3;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.send(Join{u"second"_s});
    victim.send(Join{u"third"_s});
    QVERIFY(victim.waitFor<Joined>([](const Joined &j) { return j.room == u"second"; }));
    QVERIFY(victim.waitFor<Joined>([](const Joined &j) { return j.room == u"third"; }));

    victim.send(Join{u"fourth"_s});
    CHECK(verifyError(victim, u"too_many_rooms"_s, u"join"_s));
    QCOMPARE(countFrames<Joined>(victim, [](const auto &) { return true; }), 0);
    // The room it asked for was not made.
    victim.send(RoomsRequest{});
    const auto rooms = victim.waitFor<RoomList>();
    QVERIFY(rooms);
    QVERIFY(std::none_of(rooms->rooms.cbegin(), rooms->rooms.cend(),
                         [](const RoomSummary &room) { return room.name == u"fourth"; }));

    // Joining a room it is already in is not a new room; leaving one makes space for another.
    QVERIFY(victim.joinRoom(u"second"_s));
    victim.send(Leave{u"third"_s});
    QVERIFY(victim.joinRoom(u"fourth"_s));
    QVERIFY(victim.say(u"fourth"_s, u"made it"_s) > 0);

    CHECK(verifyStillUsable(victim));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::capsRoomsOnTheServer()
{
    // #lobby and two more may exist.
    ServerConfig config = TestServer::defaultConfig();
    config.maxRooms = 3;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    CHECK(signInAndJoin(victim, u"victim"_s));
    victim.send(Join{u"second"_s});
    victim.send(Join{u"third"_s});
    victim.send(Join{u"fourth"_s});
    QVERIFY(victim.waitFor<Joined>([](const Joined &j) { return j.room == u"second"; }));
    QVERIFY(victim.waitFor<Joined>([](const Joined &j) { return j.room == u"third"; }));
    CHECK(verifyError(victim, u"too_many_rooms"_s, u"join"_s));
    QCOMPARE(countFrames<Joined>(victim, [](const auto &) { return true; }), 0);

    // No room was made, and the rooms that exist can still be joined by others.
    victim.send(RoomsRequest{});
    const auto rooms = victim.waitFor<RoomList>();
    QVERIFY(rooms);
    QCOMPARE(rooms->rooms.size(), 3);
    bystanders.ann().send(Join{u"third"_s});
    QVERIFY(bystanders.ann().waitFor<Joined>([](const Joined &j) { return j.room == u"third"; }));
    QVERIFY(victim.say(u"third"_s, u"still room in here"_s) > 0);
    QVERIFY(bystanders.ann().waitFor<MessageEvent>([](const auto &e) { return e.message.room == u"third"; }));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::closesOnBinaryFrames_data()
{
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("before hello") << false << QByteArray(R"({"type":"hello","name":"victim"})");
    QTest::newRow("after hello") << true << QByteArray(R"({"type":"rooms"})");
    QTest::newRow("empty") << true << QByteArray();
    QTest::newRow("random bytes") << true << QByteArray("\x00\x01\x02\xff", 4);
}

void TestBadInput::closesOnBinaryFrames()
{
    QFETCH(bool, afterHello);
    QFETCH(QByteArray, payload);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    if (afterHello) {
        CHECK(signInAndJoin(victim, u"victim"_s));
    }
    victim.socket().sendBinaryMessage(payload);
    QVERIFY(victim.waitForDisconnect());
    QCOMPARE(closeCodeOf(victim), 1003);

    CHECK(bystanders.verifyUnaffected());
    QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);
    if (afterHello) {
        QVERIFY(bystanders.ben().waitFor<Presence>(
            [](const Presence &p) { return p.name == u"victim" && p.event == PresenceChange::Left; }));
    }
}

void TestBadInput::closesOnOversizedFrames_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("fragmentBytes"); // 0: the message goes in one frame
    QTest::addColumn<int>("closeCode"); // 0: accepted

    // The limit is 4096 bytes per frame and per message.
    QTest::newRow("10000 bytes in one frame") << 10000 << 0 << 1009;
    QTest::newRow("4097 bytes in one frame") << 4097 << 0 << 1009;
    QTest::newRow("10000 bytes in frames of 1000") << 10000 << 1000 << 1009;
    QTest::newRow("4000 bytes in one frame") << 4000 << 0 << 0;
    QTest::newRow("4000 bytes in frames of 1000") << 4000 << 1000 << 0;
}

void TestBadInput::closesOnOversizedFrames()
{
    QFETCH(int, bytes);
    QFETCH(int, fragmentBytes);
    QFETCH(int, closeCode);

    ServerConfig config = TestServer::defaultConfig();
    config.limits.maxFrameBytes = 4096;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), {}, {&victim}));
    const qint64 storedBefore = storedMessages(server);
    CHECK(signInAndJoin(victim, u"victim"_s));
    if (fragmentBytes > 0)
        victim.socket().setOutgoingFrameSize(static_cast<quint64>(fragmentBytes));
    const QString id = u"huge-1"_s;
    const QString empty = sendFrame(id, lobbyRoom(), QString());
    const QString frame = sendFrame(id, lobbyRoom(), QString(bytes - empty.size(), u'x'));
    QCOMPARE(frame.toUtf8().size(), bytes);
    victim.sendText(frame);

    if (closeCode == 0) {
        QVERIFY(victim.waitFor<Ack>([&](const Ack &ack) { return ack.id == id; }));
        QVERIFY(victim.isConnected());
    } else {
        QVERIFY(victim.waitForDisconnect());
        QCOMPARE(closeCodeOf(victim), closeCode);
        QCOMPARE(storedMessages(server), storedBefore);
    }
    CHECK(bystanders.verifyUnaffected());
    QCOMPARE(countFrames<MessageEvent>(bystanders.ben(), [&](const auto &e) { return e.message.id == id; }),
             closeCode == 0 ? 1 : 0);
    QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count + (closeCode == 0 ? 1 : 0));
}

void TestBadInput::closesOnInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second"); // if not empty, a continuation frame
    QTest::addColumn<int>("closeCode"); // 0: accepted, and the hello is answered with welcome

    const QByteArray hello = R"({"type":"hello","name":")";
    QTest::newRow("invalid bytes") << QByteArray("\xff\xfe") << QByteArray() << 1007;
    QTest::newRow("name with an invalid sequence") << hello + "ev\xc3\x28il\"}" << QByteArray() << 1007;
    QTest::newRow("name with a stray continuation byte") << hello + "ev\x80il\"}" << QByteArray() << 1007;
    QTest::newRow("name with an overlong slash") << hello + "\xc0\xaf\"}" << QByteArray() << 1007;
    QTest::newRow("name with an encoded surrogate") << hello + "\xed\xa0\x80\"}" << QByteArray() << 1007;
    QTest::newRow("name beyond U+10FFFF") << hello + "\xf4\x90\x80\x80\"}" << QByteArray() << 1007;
    QTest::newRow("truncated at the end") << hello + "victim\"}\xe2\x82" << QByteArray() << 1007;
    QTest::newRow("invalid across fragments") << hello + "\xe2\x82" << QByteArray("\"}") << 1007;
    QTest::newRow("ASCII across fragments") << hello + "vic" << QByteArray("tim\"}") << 0;
    QTest::newRow("valid character across fragments") << hello + "\xe2\x82"
                                                      << QByteArray("\xac"
                                                                    "uro\"}")
                                                      << 0;
    QTest::newRow("valid name") << hello + "\xc3\xa9mile\"}" << QByteArray() << 0;
}

void TestBadInput::closesOnInvalidUtf8()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(int, closeCode);

    TestServer server;
    QVERIFY(server.start());
    Bystanders bystanders;
    CHECK(bystanders.setUp(server.url()));

    RawPeer peer;
    QVERIFY(peer.connectTo(server.server()->port()));
    QVERIFY(peer.upgrade(server.server()->port()));
    constexpr quint8 Text = 0x1;
    constexpr quint8 Continuation = 0x0;
    peer.sendFrame(Text, first, second.isEmpty());
    if (!second.isEmpty())
        peer.sendFrame(Continuation, second);

    if (closeCode == 0) {
        TestClient::waitUntil([&] { return !peer.texts().isEmpty() || peer.closeCode() || peer.isDisconnected(); },
                              WaitMs);
        QVERIFY2(!peer.closeCode(), qPrintable(u"closed with %1"_s.arg(peer.closeCode().value_or(0))));
        QVERIFY(!peer.texts().isEmpty());
        const auto decoded = decodeServerFrame(QString::fromUtf8(peer.texts().first()));
        QVERIFY(decoded);
        QVERIFY2(std::holds_alternative<Welcome>(decoded.value()), peer.texts().first().constData());
    } else {
        QVERIFY(peer.waitForClose(WaitMs));
        QVERIFY2(peer.closeCode().has_value(), "the server dropped the connection without a close frame");
        QCOMPARE(int(*peer.closeCode()), closeCode);
        QVERIFY(peer.waitForDisconnect(WaitMs));
        QVERIFY(peer.texts().isEmpty());
        QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);
    }
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::capsConnectionsPerAddress()
{
    ServerConfig config = TestServer::defaultConfig();
    config.maxConnectionsPerAddress = 20;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    CHECK(bystanders.setUp(server.url()));
    const int room = config.maxConnectionsPerAddress - Bystanders::Count;

    // Hundreds of refusals are expected here; they are not worth a warning each.
    QLoggingCategory::setFilterRules(u"natter.server.warning=false"_s);
    const auto restoreWarnings = qScopeGuard([] { QLoggingCategory::setFilterRules({}); });

    Crowd crowd(u"crowd"_s);
    crowd.open(server.url(), 500);
    QVERIFY2(TestClient::waitUntil([&] { return crowd.settled() && crowd.openClients().size() <= room; }, 20'000),
             qPrintable(u"%1 connections are open"_s.arg(crowd.openClients().size())));
    QCOMPARE(crowd.openClients().size(), room);
    int refusedAfterHandshake = 0;
    for (TestClient *client : crowd.all()) {
        if (client->isConnected() || !crowd.handshook(client))
            continue; // kept, or dropped before the handshake
        ++refusedAfterHandshake;
        QCOMPARE(closeCodeOf(*client), 1008);
    }
    QVERIFY(refusedAfterHandshake > 0);
    CHECK(crowd.signInOpenClients());
    CHECK(bystanders.verifyUnaffected());

    // Once they are gone, the address may connect again up to the cap: no count was leaked.
    crowd.closeAll();
    QVERIFY(TestClient::waitUntil([&] { return crowd.openClients().isEmpty(); }, WaitMs));
    CHECK(verifyConnectionCount(server, Bystanders::Count));
    QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);

    Crowd again(u"again"_s);
    again.open(server.url(), room);
    QVERIFY(TestClient::waitUntil([&] { return again.settled(); }, WaitMs));
    QCOMPARE(again.openClients().size(), room);
    CHECK(again.signInOpenClients());
    TestClient oneTooMany;
    openNatter(oneTooMany, server.url());
    QVERIFY(oneTooMany.waitForDisconnect());
    QCOMPARE(closeCodeOf(oneTooMany), 1008);
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::capsTotalClients()
{
    ServerConfig config = TestServer::defaultConfig();
    config.maxClients = 5;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    std::array<TestClient, 3> others;
    QCOMPARE(Bystanders::Count + int(others.size()), config.maxClients);
    CHECK(bystanders.setUp(server.url(), {}, {&others[0], &others[1], &others[2]}));
    for (TestClient &other : others)
        QVERIFY(other.signIn(u"user-%1"_s.arg(&other - others.data())));

    // The sixth connection is upgraded, then closed with 4002 (server full), and never welcomed.
    const quint16 port = server.server()->port();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"the server is full"_s));
    RawPeer sixth;
    QVERIFY(sixth.connectTo(port));
    QVERIFY(sixth.upgrade(port));
    QVERIFY(sixth.waitForClose(WaitMs));
    QVERIFY2(sixth.closeCode().has_value(), "the server dropped the connection without a close frame");
    QCOMPARE(int(*sixth.closeCode()), 4002);
    QVERIFY(sixth.waitForDisconnect(WaitMs));
    for (const QByteArray &text : sixth.texts()) {
        const auto frame = decodeServerFrame(QString::fromUtf8(text));
        QVERIFY(frame);
        const auto *error = std::get_if<ErrorEvent>(&frame.value());
        QVERIFY2(error, text.constData()); // an explanation may come before the close, but nothing else
        QCOMPARE(errorCodeWord(error->code), u"server_full"_s);
    }
    QCOMPARE(server.server()->sessionCount(), config.maxClients);

    // A QWebSocket client is turned away the same way, and sees why.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"the server is full"_s));
    TestClient seventh;
    openNatter(seventh, server.url());
    QVERIFY(seventh.waitForDisconnect());
    QCOMPARE(int(seventh.closeCode()), 4002);
    QCOMPARE(countFrames<Welcome>(seventh, [](const auto &) { return true; }), 0);
    QCOMPARE(server.server()->sessionCount(), config.maxClients);
    CHECK(bystanders.verifyUnaffected());

    // When someone leaves, there is room again.
    others.back().socket().close();
    QVERIFY(others.back().waitForDisconnect());
    QTRY_COMPARE(server.server()->sessionCount(), config.maxClients - 1);
    TestClient next;
    QVERIFY(next.open(server.url()));
    QVERIFY2(next.signIn(u"next"_s), "a place freed by a leaving client was not given to a new one");
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::releasesConnectionSlots_data()
{
    QTest::addColumn<QString>("departure");

    QTest::newRow("client closes") << u"client closes"_s;
    QTest::newRow("client aborts") << u"client aborts"_s;
    QTest::newRow("plain-text client closes") << u"plain-text client closes"_s;
    QTest::newRow("closed for a binary frame") << u"binary frame"_s;
    QTest::newRow("closed for a wrong password") << u"wrong password"_s;
    QTest::newRow("dropped for not answering pings") << u"no pongs"_s;
    QTest::newRow("dropped for a stalled handshake") << u"stalled handshake"_s;
}

void TestBadInput::releasesConnectionSlots()
{
    QFETCH(QString, departure);

    // Two places are left for the address once the bystanders are in.
    ServerConfig config = TestServer::defaultConfig();
    config.maxConnectionsPerAddress = Bystanders::Count + 2;
    config.password = u"s3cret"_s;
    config.handshakeTimeoutMs = 300;
    config.pingIntervalMs = 200;
    config.pingTimeoutMs = 600;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    CHECK(bystanders.setUp(server.url(), config.password));
    const quint16 port = server.server()->port();

    // More departures than there are free places: a place that is not given back shows up on the next connection.
    for (int round = 0; round < 3; ++round) {
        if (departure == u"stalled handshake" || departure == u"no pongs") {
            RawPeer peer;
            QVERIFY(peer.connectTo(port));
            if (departure == u"no pongs")
                QVERIFY(peer.upgrade(port));
            QVERIFY(peer.waitForDisconnect(WaitMs));
            continue;
        }
        const bool plainText = departure == u"plain-text client closes";
        TestClient leaver(plainText ? TestClient::Mode::PlainText : TestClient::Mode::Natter);
        QVERIFY2(leaver.open(server.url()), qPrintable(u"round %1"_s.arg(round)));
        if (departure == u"wrong password") {
            leaver.send(Hello{u"leaver"_s, u"guess"_s, {}, {}, {}});
        } else if (!plainText) {
            QVERIFY2(leaver.signIn(u"leaver"_s, {}, {}, config.password), qPrintable(u"round %1"_s.arg(round)));
        }
        if (departure == u"client aborts")
            leaver.socket().abort();
        else if (departure == u"binary frame")
            leaver.socket().sendBinaryMessage("\x01");
        else if (departure != u"wrong password")
            leaver.socket().close();
        QVERIFY(leaver.waitForDisconnect());
        QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);
    }

    CHECK(verifyConnectionCount(server, Bystanders::Count));
    TestClient first;
    TestClient second;
    QVERIFY(first.open(server.url()));
    QVERIFY2(first.signIn(u"first"_s, {}, {}, config.password), "the address was refused a free place");
    QVERIFY(second.open(server.url()));
    QVERIFY2(second.signIn(u"second"_s, {}, {}, config.password), "the address was refused a free place");
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::dropsStalledHandshakes_data()
{
    QTest::addColumn<QByteArray>("sent");

    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("request line only") << QByteArray("GET / HTTP/1.1\r\n");
    QTest::newRow("half the headers") << QByteArray(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
    QTest::newRow("a partial line") << QByteArray("GET / HT");
}

void TestBadInput::dropsStalledHandshakes()
{
    QFETCH(QByteArray, sent);

    ServerConfig config = TestServer::defaultConfig();
    config.handshakeTimeoutMs = 300;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    CHECK(bystanders.setUp(server.url()));

    RawPeer peer;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(peer.connectTo(server.server()->port()));
    if (!sent.isEmpty())
        peer.write(sent);
    QVERIFY2(peer.waitForDisconnect(3000), "the server kept a connection that never finished its handshake");
    QVERIFY2(clock.elapsed() >= 250, qPrintable(u"dropped after %1 ms, before the timeout"_s.arg(clock.elapsed())));

    CHECK(verifyConnectionCount(server, Bystanders::Count));
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::dropsPeersThatIgnorePings()
{
    ServerConfig config = TestServer::defaultConfig();
    config.pingIntervalMs = 200;
    config.pingTimeoutMs = 600;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    CHECK(bystanders.setUp(server.url()));

    RawPeer peer;
    QVERIFY(peer.connectTo(server.server()->port()));
    QVERIFY(peer.upgrade(server.server()->port()));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(peer.waitForDisconnect(5000), "the server kept a peer that never answers pings");
    QVERIFY2(clock.elapsed() >= 400, qPrintable(u"dropped after %1 ms, before the timeout"_s.arg(clock.elapsed())));
    QVERIFY2(peer.pings() >= 1, "the server never pinged");

    QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::keepsPeersThatAnswerPings()
{
    ServerConfig config = TestServer::defaultConfig();
    config.pingIntervalMs = 200;
    config.pingTimeoutMs = 600;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient quiet;
    CHECK(bystanders.setUp(server.url(), {}, {&quiet}));
    CHECK(signInAndJoin(quiet, u"quiet"_s));
    // Idle for more than twice the ping timeout; QWebSocket answers pings by itself.
    QTest::qWait(1500);
    QVERIFY(quiet.isConnected());
    QVERIFY(quiet.say(lobbyRoom(), u"still awake"_s) > 0);
    CHECK(bystanders.verifyUnaffected());
}

void TestBadInput::requiresPassword_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code"); // empty: welcomed
    QTest::addColumn<int>("closeCode"); // 0: stays open

    const QString hello = uR"({"type":"hello","name":"victim","password":%1})"_s;
    QTest::newRow("no password") << helloFrame(u"victim"_s) << u"auth_failed"_s << 4001;
    QTest::newRow("empty password") << hello.arg(u"\"\""_s) << u"auth_failed"_s << 4001;
    QTest::newRow("null password") << hello.arg(u"null"_s) << u"auth_failed"_s << 4001;
    QTest::newRow("wrong password") << hello.arg(u"\"secret\""_s) << u"auth_failed"_s << 4001;
    QTest::newRow("wrong case") << hello.arg(u"\"S3CRET\""_s) << u"auth_failed"_s << 4001;
    QTest::newRow("trailing space") << hello.arg(u"\"s3cret \""_s) << u"auth_failed"_s << 4001;
    QTest::newRow("password is a number") << hello.arg(u"3"_s) << u"bad_request"_s << 0;
    QTest::newRow("right password") << hello.arg(u"\"s3cret\""_s) << QString() << 0;
}

void TestBadInput::requiresPassword()
{
    QFETCH(QString, frame);
    QFETCH(QString, code);
    QFETCH(int, closeCode);

    ServerConfig config = TestServer::defaultConfig();
    config.password = u"s3cret"_s;
    TestServer server(config);
    QVERIFY(server.start());
    Bystanders bystanders;
    TestClient victim;
    CHECK(bystanders.setUp(server.url(), config.password, {&victim}));
    victim.sendText(frame);
    if (code.isEmpty()) {
        const auto welcome = victim.waitFor<Welcome>();
        QVERIFY(welcome);
        QCOMPARE(welcome->name, u"victim"_s);
    } else {
        CHECK(verifyError(victim, code, closeCode ? u"hello"_s : QString()));
        QCOMPARE(countFrames<Welcome>(victim, [](const auto &) { return true; }), 0);
    }
    if (closeCode != 0) {
        QVERIFY(victim.waitForDisconnect());
        QCOMPARE(closeCodeOf(victim), closeCode);
        QTRY_COMPARE(server.server()->sessionCount(), Bystanders::Count);
    } else if (!code.isEmpty()) {
        QVERIFY(victim.isConnected());
        QVERIFY(victim.signIn(u"victim"_s, {}, {}, config.password));
    }
    CHECK(bystanders.verifyUnaffected());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
