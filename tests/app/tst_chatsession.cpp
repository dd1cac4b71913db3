// ChatSession drives the models from a real ChatClient and server: what the window will show.

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

// One user of the app: a client and the session over it, signed in and in #lobby.
struct AppUser
{
    ChatClient client;
    ChatSession session{&client};

    bool signIn(const QUrl &url, const QString &name)
    {
        client.setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        client.connectToServer(url, name);
        return TestClient::waitUntil([this] { return session.current() == ConversationId::room(lobbyRoom()); }, 5000);
    }
    bool join(const QString &room)
    {
        session.joinRoom(room);
        return TestClient::waitUntil([&] { return session.current() == ConversationId::room(room); }, 5000);
    }
    QStringList texts(const ConversationId &conversation)
    {
        QStringList list;
        MessageModel *model = session.messages(conversation);
        for (int row = 0; row < model->rowCount(); ++row)
            list.append(model->index(row).data(MessageModel::TextRole).toString());
        return list;
    }
};

const ConversationId Lobby = ConversationId::room(QStringLiteral("lobby"));
const ConversationId Dev = ConversationId::room(QStringLiteral("dev"));

} // namespace

class TestChatSession : public QObject
{
    Q_OBJECT

private slots:
    void firstSignInOpensTheLobby()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        QAbstractItemModelTester tester(alice.session.conversations(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QCOMPARE(alice.session.conversations()->rowCount(), 1);
        QCOMPARE(alice.session.conversations()->conversationAt(0), Lobby);
        QCOMPARE(alice.session.members()->rowCount(), 1);
    }

    void localEchoBecomesSent()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        MessageModel *lobby = alice.session.messages(Lobby);
        QAbstractItemModelTester tester(lobby, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = alice.session.send(QStringLiteral("hello <b>world</b>"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(lobby->rowCount(), 1); // at once, before any network round trip
        const QModelIndex row = lobby->index(0);
        QCOMPARE(row.data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Pending));
        QTRY_COMPARE(row.data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Sent));
        QCOMPARE(row.data(MessageModel::SeqRole).toLongLong(), 1);
        QCOMPARE(row.data(MessageModel::TextRole).toString(), QStringLiteral("hello <b>world</b>"));
        QVERIFY(row.data(MessageModel::IsOwnRole).toBool());
        QTest::qWait(100); // the server's copy of the message arrives too, and must not add a row
        QCOMPARE(lobby->rowCount(), 1);

        alice.session.send(QStringLiteral("/me waves"));
        QTRY_COMPARE(lobby->rowCount(), 2);
        QCOMPARE(lobby->index(1).data(MessageModel::KindRole).toInt(), int(MessageKind::Action));
        QCOMPARE(lobby->index(1).data(MessageModel::TextRole).toString(), QStringLiteral("waves"));
    }

    void unreadCountsFollowWhatIsNotOnScreen()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser bob;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(alice.join(Dev.name));
        QVERIFY(bob.join(Dev.name));
        bob.session.setCurrent(Lobby);
        RoomListModel *bobsList = bob.session.conversations();
        QSignalSpy total(bobsList, &RoomListModel::totalUnreadChanged);

        alice.session.send(QStringLiteral("one"));
        alice.session.send(QStringLiteral("two"));
        QTRY_COMPARE(bobsList->unread(Dev), 2);
        QCOMPARE(bobsList->totalUnread(), 2);
        QCOMPARE(bobsList->unread(Lobby), 0);
        bob.session.setCurrent(Dev);
        QCOMPARE(bobsList->unread(Dev), 0);
        QCOMPARE(bobsList->totalUnread(), 0);
        QVERIFY(!total.isEmpty());

        bob.session.setWindowActive(false); // Bob looks elsewhere: even #dev counts
        alice.session.send(QStringLiteral("three"));
        QTRY_COMPARE(bobsList->unread(Dev), 1);
        bob.session.setWindowActive(true);
        QCOMPARE(bobsList->unread(Dev), 0);
        QCOMPARE(alice.session.conversations()->totalUnread(), 0); // one's own messages are never unread
    }

    void directMessagesAndMentionsAskForAttention()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser bob;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name)); // Bob looks at #dev; the lobby is elsewhere
        QSignalSpy attention(&bob.session, &ChatSession::attentionRequested);

        alice.session.send(QStringLiteral("bobby tables is not Bob")); // in the lobby: mentions Bob once
        QTRY_COMPARE(attention.size(), 1);
        QCOMPARE(attention.first().at(0).value<ConversationId>(), Lobby);
        alice.session.send(QStringLiteral("nobody here")); // no mention
        alice.session.openDirect(QStringLiteral("Bob"));
        QCOMPARE(alice.session.current(), ConversationId::direct(QStringLiteral("Bob")));
        alice.session.send(QStringLiteral("psst"));
        QTRY_COMPARE(attention.size(), 2);
        QCOMPARE(attention.at(1).at(0).value<ConversationId>(), ConversationId::direct(QStringLiteral("Alice")));
        QCOMPARE(attention.at(1).at(2).toString(), QStringLiteral("psst"));
        QVERIFY(bob.session.conversations()->contains(ConversationId::direct(QStringLiteral("Alice"))));
        QCOMPARE(bob.session.conversations()->unread(ConversationId::direct(QStringLiteral("Alice"))), 1);
        QCOMPARE(bob.texts(ConversationId::direct(QStringLiteral("Alice"))), QStringList{QStringLiteral("psst")});
    }

    void membersFollowPresenceAndTyping()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser carol;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(alice.join(Dev.name));
        MemberModel *members = alice.session.members();
        QAbstractItemModelTester tester(members, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(members->rowCount(), 1);

        QVERIFY(carol.signIn(server.url(), QStringLiteral("Carol")));
        QVERIFY(carol.join(Dev.name));
        QTRY_VERIFY(members->contains(QStringLiteral("Carol")));
        carol.session.typing();
        QTRY_COMPARE(members->typingNames(), QStringList{QStringLiteral("Carol")});
        carol.session.send(QStringLiteral("done typing"));
        QTRY_VERIFY(members->typingNames().isEmpty());
        carol.client.changeName(QStringLiteral("Caroline"));
        QTRY_VERIFY(members->contains(QStringLiteral("Caroline")));
        QVERIFY(!members->contains(QStringLiteral("Carol")));
        carol.session.leaveRoom(Dev.name);
        QTRY_VERIFY(!members->contains(QStringLiteral("Caroline")));
        QTRY_VERIFY(!carol.session.conversations()->contains(Dev));
        QCOMPARE(alice.session.memberNamesOf(Dev.name), QStringList{QStringLiteral("Alice")});
    }

    void olderHistoryPagesIn()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.historyPageSize = 20;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient writer;
        QVERIFY(writer.open(server.url()));
        QVERIFY(writer.signIn(QStringLiteral("Writer")));
        QVERIFY(writer.joinRoom(Dev.name));
        for (int i = 1; i <= 45; ++i)
            QVERIFY(writer.say(Dev.name, QStringLiteral("m%1").arg(i)) > 0);

        AppUser bob;
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        MessageModel *dev = bob.session.messages(Dev);
        QAbstractItemModelTester tester(dev, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(dev->rowCount(), 45); // the tester's fetchMore() calls page everything in
        QVERIFY(!dev->hasMoreHistory());
        const QStringList texts = bob.texts(Dev);
        for (int i = 0; i < 45; ++i)
            QCOMPARE(texts.at(i), QStringLiteral("m%1").arg(i + 1));
    }

    void serverRestartLosesAndDoublesNothingOnScreen()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser bob;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        alice.session.send(QStringLiteral("before"));
        QTRY_COMPARE(bob.texts(Lobby), QStringList{QStringLiteral("before")});

        QVERIFY(server.stop());
        QTRY_COMPARE(alice.client.state(), ChatClient::State::Reconnecting);
        alice.session.send(QStringLiteral("during"));
        MessageModel *aliceLobby = alice.session.messages(Lobby);
        QCOMPARE(aliceLobby->index(1).data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Pending));
        QVERIFY(server.start());
        QTRY_COMPARE(aliceLobby->index(1).data(MessageModel::StateRole).toInt(),
                     int(MessageModel::DeliveryState::Sent));
        QTRY_COMPARE(bob.texts(Lobby), (QStringList{QStringLiteral("before"), QStringLiteral("during")}));
        QCOMPARE(alice.texts(Lobby), (QStringList{QStringLiteral("before"), QStringLiteral("during")}));
        QTest::qWait(200);
        QCOMPARE(bob.texts(Lobby).size(), 2);
        QCOMPARE(alice.session.conversations()->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
