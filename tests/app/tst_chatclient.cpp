// ChatClient against a real ChatServer on loopback: sign-in, chat, failures, and reconnects that lose nothing.

#include "chatclient.h"
#include "historystore.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocketServer>

using namespace Natter;
using namespace Natter::Protocol;

class TestChatClient : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<ChatClient> connected(TestServer &server, const QString &name)
    {
        auto client = std::make_unique<ChatClient>();
        client->setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        client->connectToServer(server.url(), name);
        if (!TestClient::waitUntil([&] { return client->state() == ChatClient::State::Connected; }, 5000))
            return nullptr;
        return client;
    }

    static bool joinRoom(ChatClient &client, const QString &room)
    {
        QSignalSpy joined(&client, &ChatClient::joined);
        client.joinRoom(room);
        return joined.wait(5000) || !joined.isEmpty();
    }

private slots:
    void signsInAndReportsItsState()
    {
        TestServer server;
        QVERIFY(server.start());
        ChatClient client;
        QSignalSpy states(&client, &ChatClient::stateChanged);
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectToServer(server.url(), QStringLiteral("Alice"));
        QCOMPARE(client.state(), ChatClient::State::Connecting);
        QTRY_COMPARE(client.state(), ChatClient::State::Connected);
        QCOMPARE(welcomed.size(), 1);
        QCOMPARE(states.size(), 2);
        QCOMPARE(client.serverInfo().name, QStringLiteral("Test Server"));
        client.disconnectFromServer();
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
    }

    void refusedConnectionIsReported()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ChatClient client;
        QSignalSpy failed(&client, &ChatClient::connectionFailed);
        client.connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), QStringLiteral("Alice"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        QVERIFY(!failed.first().first().toString().isEmpty());
    }

    void serverWithoutNatterIsReported()
    {
        QWebSocketServer plain(QStringLiteral("not natter"), QWebSocketServer::NonSecureMode);
        QVERIFY(plain.listen(QHostAddress::LocalHost));
        ChatClient client;
        QSignalSpy failed(&client, &ChatClient::connectionFailed);
        client.connectToServer(plain.serverUrl(), QStringLiteral("Alice"));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(u"not a Natter server"));
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
    }

    void signInRefusalsAreNotRetried_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("code");
        QTest::newRow("name taken") << QStringLiteral("ALICE") << QStringLiteral("pw") << int(ErrorCode::NameTaken);
        QTest::newRow("wrong password") << QStringLiteral("Bob") << QStringLiteral("nope")
                                        << int(ErrorCode::AuthFailed);
    }

    void signInRefusalsAreNotRetried()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        QFETCH(int, code);
        ServerConfig config = TestServer::defaultConfig();
        config.password = QStringLiteral("pw");
        TestServer server(config);
        QVERIFY(server.start());
        ChatClient alice;
        alice.connectToServer(server.url(), QStringLiteral("Alice"), QStringLiteral("pw"));
        QTRY_COMPARE(alice.state(), ChatClient::State::Connected);

        ChatClient other;
        other.setReconnectPolicy(ReconnectPolicy(10, 50, 0));
        QSignalSpy refused(&other, &ChatClient::signInFailed);
        other.connectToServer(server.url(), name, password);
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(int(refused.first().first().value<ErrorEvent>().code), code);
        QTRY_COMPARE(other.state(), ChatClient::State::Disconnected);
        QTest::qWait(200); // long enough for several reconnect attempts, were there any
        QCOMPARE(other.state(), ChatClient::State::Disconnected);
        QCOMPARE(refused.size(), 1);
    }

    void messagesAreEchoedAcknowledgedAndDelivered()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        auto bob = connected(server, QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        QVERIFY(joinRoom(*alice, QStringLiteral("dev")));
        QVERIFY(joinRoom(*bob, QStringLiteral("dev")));

        QSignalSpy queued(alice.get(), &ChatClient::messageQueued);
        QSignalSpy acked(alice.get(), &ChatClient::messageAcknowledged);
        QSignalSpy received(bob.get(), &ChatClient::messageReceived);
        const QString id = alice->sendMessage(ConversationId::room(QStringLiteral("dev")), QStringLiteral("hi Bob"));
        QCOMPARE(queued.size(), 1); // shown before the network has done anything
        QCOMPARE(queued.first().first().value<OutgoingMessage>().id, id);
        QTRY_COMPARE(acked.size(), 1);
        QCOMPARE(acked.first().at(0).toString(), id);
        QCOMPARE(acked.first().at(2).toLongLong(), 1);
        QCOMPARE(alice->outbox().size(), 0);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().first().value<ChatMessage>().text, QStringLiteral("hi Bob"));
    }

    void directMessagesBelongToThePeer()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        auto bob = connected(server, QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        QSignalSpy received(bob.get(), &ChatClient::messageReceived);
        alice->sendMessage(ConversationId::direct(QStringLiteral("Bob")), QStringLiteral("psst"));
        QTRY_COMPARE(received.size(), 1);
        const auto message = received.first().first().value<ChatMessage>();
        QCOMPARE(bob->conversationOf(message), ConversationId::direct(QStringLiteral("Alice")));
        QCOMPARE(alice->conversationOf(message), ConversationId::direct(QStringLiteral("Bob")));
    }

    void rejectedMessagesFailAndCanBeRetried()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        QVERIFY(alice);
        QSignalSpy failed(alice.get(), &ChatClient::messageFailed);
        QSignalSpy acked(alice.get(), &ChatClient::messageAcknowledged);
        const QString id = alice->sendMessage(ConversationId::room(QStringLiteral("dev")), QStringLiteral("too early"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), id);
        QCOMPARE(failed.first().at(1).value<ErrorEvent>().code, ErrorCode::NotInRoom);
        QVERIFY(alice->outbox().find(id)->failed);
        QVERIFY(alice->outbox().pending().isEmpty());

        QVERIFY(joinRoom(*alice, QStringLiteral("dev")));
        QVERIFY(alice->retryMessage(id));
        QTRY_COMPARE(acked.size(), 1);
        QCOMPARE(acked.first().first().toString(), id);
        QVERIFY(!alice->retryMessage(id));
    }

    void serverRestartLosesNothingAndDoublesNothing()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        auto bob = connected(server, QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        const ConversationId dev = ConversationId::room(QStringLiteral("dev"));
        QVERIFY(joinRoom(*alice, dev.name));
        QVERIFY(joinRoom(*bob, dev.name));
        QSignalSpy bobReceived(bob.get(), &ChatClient::messageReceived);
        alice->sendMessage(dev, QStringLiteral("before the restart"));
        QTRY_COMPARE(bobReceived.size(), 1);

        QVERIFY(server.stop());
        QTRY_COMPARE(alice->state(), ChatClient::State::Reconnecting);
        QTRY_COMPARE(bob->state(), ChatClient::State::Reconnecting);
        // Typed while the server is away: kept, shown, and sent once it is back.
        QSignalSpy acked(alice.get(), &ChatClient::messageAcknowledged);
        const QString id = alice->sendMessage(dev, QStringLiteral("typed while it was down"));
        QCOMPARE(alice->outbox().pending().size(), 1);

        QVERIFY(server.start());
        QTRY_COMPARE(alice->state(), ChatClient::State::Connected);
        QTRY_COMPARE(bob->state(), ChatClient::State::Connected);
        QTRY_COMPARE(acked.size(), 1);
        QCOMPARE(acked.first().first().toString(), id);
        QTRY_COMPARE(bobReceived.size(), 2);
        QCOMPARE(bobReceived.at(1).first().value<ChatMessage>().text, QStringLiteral("typed while it was down"));
        QCOMPARE(bob->joinedRooms(), (QStringList{QStringLiteral("dev")}));

        // Bob comes back later than Alice: what she said meanwhile is replayed to him once, never twice.
        bob->setReconnectPolicy(ReconnectPolicy(600, 600, 0));
        QSignalSpy aliceStates(alice.get(), &ChatClient::stateChanged);
        QVERIFY(server.restart());
        QTRY_COMPARE(bob->state(), ChatClient::State::Reconnecting);
        QTRY_VERIFY(!aliceStates.isEmpty() && alice->state() == ChatClient::State::Connected);
        QCOMPARE(bob->state(), ChatClient::State::Reconnecting);
        QSignalSpy caughtUp(alice.get(), &ChatClient::messageAcknowledged);
        alice->sendMessage(dev, QStringLiteral("while Bob is away"));
        QTRY_COMPARE(caughtUp.size(), 1);
        QTRY_COMPARE(bob->state(), ChatClient::State::Connected);
        QTRY_COMPARE(bobReceived.size(), 3);
        QCOMPARE(bobReceived.at(2).first().value<ChatMessage>().text, QStringLiteral("while Bob is away"));
        QTest::qWait(200);
        QCOMPARE(bobReceived.size(), 3);
        QCOMPARE(server.server()->store()->messageCount(), 3);
    }

    void typingIsThrottled()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        auto bob = connected(server, QStringLiteral("Bob"));
        QVERIFY(alice && bob);
        QVERIFY(joinRoom(*alice, QStringLiteral("dev")));
        QVERIFY(joinRoom(*bob, QStringLiteral("dev")));
        QSignalSpy typing(bob.get(), &ChatClient::typingReceived);
        alice->setTypingInterval(60'000);
        for (int i = 0; i < 10; ++i)
            alice->notifyTyping(ConversationId::room(QStringLiteral("dev")));
        QTRY_COMPARE(typing.size(), 1);
        QCOMPARE(typing.first().first().value<TypingEvent>().name, QStringLiteral("Alice"));
        QTest::qWait(200);
        QCOMPARE(typing.size(), 1);
    }

    void renameUpdatesTheName()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        QVERIFY(alice);
        QSignalSpy renamed(alice.get(), &ChatClient::nameChanged);
        alice->changeName(QStringLiteral("Alicia"));
        QTRY_COMPARE(renamed.size(), 1);
        QCOMPARE(alice->name(), QStringLiteral("Alicia"));
    }

    void signingInElsewhereEndsTheSession()
    {
        TestServer server;
        QVERIFY(server.start());
        auto alice = connected(server, QStringLiteral("Alice"));
        QVERIFY(alice);
        QSignalSpy ended(alice.get(), &ChatClient::sessionEnded);
        TestClient impostor;
        QVERIFY(impostor.open(server.url()));
        QVERIFY(!impostor.signIn(QStringLiteral("Alice"))); // without the token: refused
        QCOMPARE(impostor.lastError().code, ErrorCode::NameTaken);
        QCOMPARE(alice->state(), ChatClient::State::Connected);

        TestClient elsewhere; // the same user, with the token, on another connection
        QVERIFY(elsewhere.open(server.url()));
        QVERIFY(elsewhere.signIn(QStringLiteral("Alice"), alice->token()));
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(alice->state(), ChatClient::State::Disconnected);
        QTest::qWait(200);
        QCOMPARE(alice->state(), ChatClient::State::Disconnected); // and it does not fight back
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
