// Plain WebSocket clients (no subprotocol) in #lobby, side by side with natter.v1 clients.

#include "testclient.h"
#include "testserver.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class TestPlainText : public QObject
{
    Q_OBJECT

private slots:
    void welcomesWithAGuestName()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient first(TestClient::Mode::PlainText);
        TestClient second(TestClient::Mode::PlainText);
        QVERIFY(first.open(server.url()));
        QVERIFY(second.open(server.url()));
        QVERIFY(first.socket().subprotocol().isEmpty());
        QVERIFY(first.lines().first().startsWith(u"Welcome to Test Server"));
        QVERIFY(first.lines().first().contains(u"guest-1"));
        QVERIFY(second.lines().first().contains(u"guest-2"));
        QVERIFY(second.waitForLine(QStringLiteral("* guest-2 joined")));
        QVERIFY(first.waitForLine(QStringLiteral("* guest-2 joined")));
    }

    void plainAndNatterClientsShareTheLobby()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));

        const auto arrival = alice.waitFor<Presence>();
        QVERIFY(arrival);
        QCOMPARE(arrival->name, QStringLiteral("guest-1"));
        QCOMPARE(arrival->event, PresenceChange::Joined);

        guest.sendText(QStringLiteral("hello from a browser"));
        const auto fromGuest = alice.waitFor<MessageEvent>();
        QVERIFY(fromGuest);
        QCOMPARE(fromGuest->message.from, QStringLiteral("guest-1"));
        QCOMPARE(fromGuest->message.room, lobbyRoom());
        QCOMPARE(fromGuest->message.text, QStringLiteral("hello from a browser"));
        QVERIFY(guest.waitForLine(QStringLiteral("guest-1: hello from a browser"))); // its own, echoed

        QVERIFY(alice.say(lobbyRoom(), QStringLiteral("hi <b>guest</b>")) > 0);
        QVERIFY(guest.waitForLine(QStringLiteral("Alice: hi <b>guest</b>")));
        alice.send(Send{QStringLiteral("act"), lobbyRoom(), {}, QStringLiteral("waves"), MessageKind::Action});
        QVERIFY(guest.waitForLine(QStringLiteral("* Alice waves")));

        guest.socket().close();
        const auto departure = alice.waitFor<Presence>();
        QVERIFY(departure);
        QCOMPARE(departure->event, PresenceChange::Left);
        QCOMPARE(departure->name, QStringLiteral("guest-1"));
    }

    void seesOnlyTheLobby()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {QStringLiteral("dev")}));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        QVERIFY(alice.say(QStringLiteral("dev"), QStringLiteral("secret plans")) > 0);
        QVERIFY(alice.joinRoom(lobbyRoom()));
        QVERIFY(alice.say(lobbyRoom(), QStringLiteral("public news")) > 0);
        QVERIFY(guest.waitForLine(QStringLiteral("Alice: public news")));
        QVERIFY(!guest.lines().join(u'\n').contains(u"secret plans"));
    }

    void nickRenamesAndIsAnnounced()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));

        guest.sendText(QStringLiteral("/nick Ada"));
        QVERIFY(guest.waitForLine(QStringLiteral("* guest-1 is now known as Ada")));
        const auto renamed =
            alice.waitFor<Presence>([](const Presence &p) { return p.event == PresenceChange::Renamed; });
        QVERIFY(renamed);
        QCOMPARE(renamed->previous, QStringLiteral("guest-1"));
        QCOMPARE(renamed->name, QStringLiteral("Ada"));

        guest.sendText(QStringLiteral("now with a name"));
        const auto message = alice.waitFor<MessageEvent>();
        QVERIFY(message);
        QCOMPARE(message->message.from, QStringLiteral("Ada"));
    }

    void nickRejectionsAreExplained_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("taken, other case")
            << QStringLiteral("/nick alice") << QStringLiteral("! Alice is already taken");
        QTest::newRow("empty") << QStringLiteral("/nick") << QStringLiteral("! A name cannot be empty");
        QTest::newRow("too long") << QStringLiteral("/nick ") + QString(33, u'x')
                                  << QStringLiteral("! A name can have at most 32");
        QTest::newRow("bidi override") << QStringLiteral("/nick \u202Eevil")
                                       << QStringLiteral("! A name cannot contain");
    }

    void nickRejectionsAreExplained()
    {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice")));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        guest.sendText(command);
        QVERIFY2(guest.waitForLine(expected), qPrintable(guest.lines().join(u'\n')));
        // Still connected and still guest-1.
        guest.sendText(QStringLiteral("still here"));
        QVERIFY(guest.waitForLine(QStringLiteral("guest-1: still here")));
    }

    void helpListsTheCommands()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        guest.sendText(QStringLiteral("/help"));
        QVERIFY(guest.waitForLine(QStringLiteral("/nick NAME")));
        QVERIFY(guest.lines().last().contains(u"/help"));
    }

    void otherSlashLinesArePostedAsText()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        guest.sendText(QStringLiteral("/shrug"));
        QVERIFY(guest.waitForLine(QStringLiteral("guest-1: /shrug")));
    }

    void badTextGetsAnErrorLine()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxTextBytes = 10;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        guest.sendText(QStringLiteral("this is far too long"));
        QVERIFY(guest.waitForLine(QStringLiteral("! A message can be at most 10 bytes")));
        guest.sendText(QStringLiteral("   "));
        QVERIFY(guest.waitForLine(QStringLiteral("! A message cannot be empty")));
        QVERIFY(guest.isConnected());
    }

    void passwordIsAskedForBeforeTheLobby()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.password = QStringLiteral("open sesame");
        TestServer server(config);
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.open(server.url()));
        QVERIFY(alice.signIn(QStringLiteral("Alice"), {}, {}, QStringLiteral("open sesame")));
        QVERIFY(alice.joinRoom(lobbyRoom()));

        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        QVERIFY(guest.lines().first().contains(u"needs a password"));
        guest.sendText(QStringLiteral("let me in"));
        QVERIFY(guest.waitForLine(QStringLiteral("Send: /password")));
        QVERIFY(!alice.receives<MessageEvent>([](const MessageEvent &) { return true; }, 200));
        QVERIFY(!alice.receives<Presence>([](const Presence &) { return true; }, 0));

        guest.sendText(QStringLiteral("/password open sesame"));
        QVERIFY(guest.waitForLine(QStringLiteral("You are guest-1 in #lobby")));
        QVERIFY(alice.waitFor<Presence>([](const Presence &p) { return p.name == u"guest-1"; }));
        guest.sendText(QStringLiteral("/password again"));
        QVERIFY(guest.waitForLine(QStringLiteral("! You are already in.")));

        TestClient intruder(TestClient::Mode::PlainText);
        QVERIFY(intruder.open(server.url()));
        intruder.sendText(QStringLiteral("/password guess"));
        QVERIFY(intruder.waitForLine(QStringLiteral("! Wrong server password.")));
        QVERIFY(intruder.waitForDisconnect());
        QCOMPARE(int(intruder.closeCode()), int(CloseCode::AuthFailed));
    }

    void lineEndingsAreNotPartOfTheMessage()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));
        TestClient guest(TestClient::Mode::PlainText);
        QVERIFY(guest.open(server.url()));
        guest.sendText(QStringLiteral("typed in a terminal\r\n"));
        const auto message = alice.waitFor<MessageEvent>();
        QVERIFY(message);
        QCOMPARE(message->message.text, QStringLiteral("typed in a terminal"));
        guest.sendText(QStringLiteral("/nick Term\r\n"));
        QVERIFY(guest.waitForLine(QStringLiteral("* guest-1 is now known as Term")));
    }

    void guestMessagesAreKeptInHistory()
    {
        TestServer server;
        QVERIFY(server.start());
        {
            TestClient guest(TestClient::Mode::PlainText);
            QVERIFY(guest.open(server.url()));
            guest.sendText(QStringLiteral("for the record"));
            QVERIFY(guest.waitForLine(QStringLiteral("guest-1: for the record")));
        }
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice")));
        alice.send(Join{lobbyRoom()});
        const auto joined = alice.waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->history.size(), 1);
        QCOMPARE(joined->history.first().text, QStringLiteral("for the record"));
        QCOMPARE(joined->history.first().from, QStringLiteral("guest-1"));
    }
};

QTEST_GUILESS_MAIN(TestPlainText)
#include "tst_plaintext.moc"
