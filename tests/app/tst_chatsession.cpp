// ChatSession drives the models from a real ChatClient and server: what the window will show.

#include "chatclient.h"
#include "chatsession.h"
#include "clientcache.h"
#include "conversation.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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
        client.setIdentity(IdentityKey::generate());
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
const ConversationId Ops = ConversationId::room(QStringLiteral("ops"));
const ConversationId WithAlice = ConversationId::direct(QStringLiteral("Alice"));
const ConversationId WithBob = ConversationId::direct(QStringLiteral("Bob"));

QStringList textsOf(const MessageModel *model)
{
    QStringList list;
    for (int row = 0; row < model->rowCount(); ++row)
        list.append(model->index(row).data(MessageModel::TextRole).toString());
    return list;
}

// Pages in everything older, from the cache or the server, as a view scrolled to the top would.
bool loadEverything(MessageModel *model)
{
    return TestClient::waitUntil(
        [model] {
            if (model->canFetchMore({}))
                model->fetchMore({});
            return !model->hasMoreHistory();
        },
        10000);
}

// The rows that carry the "new messages" line.
QList<int> unreadMarkerRows(const MessageModel *model)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageModel::UnreadMarkerRole).toBool())
            rows.append(row);
    }
    return rows;
}

QVariant listData(const ChatSession &session, const ConversationId &id, int role)
{
    const RoomListModel *list = session.conversations();
    return list->index(list->rowOf(id)).data(role);
}

// The app as ui/launcher.cpp builds it, over a cache file that outlives it: quit() and open() again is a
// restart, as the user sees it.
struct App
{
    explicit App(QString path)
        : cachePath(std::move(path))
    { }
    IdentityKey identity = IdentityKey::generate();
    ~App() { quit(); }

    // What enterChat() does before the network: everything the window shows at this point came from the cache.
    void open()
    {
        client = std::make_unique<ChatClient>();
        client->setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        cache = std::make_unique<ClientCache>();
        session = std::make_unique<ChatSession>(client.get());
        if (!cache->open(cachePath))
            qWarning() << "cache did not open:" << cache->lastError();
        session->setCache(cache.get());
    }
    void connectTo(const QUrl &url, const QString &name)
    {
        client->setIdentity(identity); // the user's key goes with them, as an imported identity does
        client->connectToServer(url, name, {}, session->resumePoints(), session->unsentMessages());
    }
    bool start(const QUrl &url, const QString &name)
    {
        open();
        connectTo(url, name);
        return TestClient::waitUntil(
            [this] { return client->state() == ChatClient::State::Connected && session->current().isValid(); }, 5000);
    }
    bool join(const QString &room)
    {
        session->joinRoom(room);
        return TestClient::waitUntil([&] { return session->current() == ConversationId::room(room); }, 5000);
    }
    // In the order the launcher takes them down.
    void quit()
    {
        if (!client)
            return;
        client->disconnectFromServer();
        session.reset();
        cache.reset();
        client.reset();
    }
    QStringList texts(const ConversationId &conversation) { return textsOf(session->messages(conversation)); }
    bool removeCache()
    {
        bool removed = true;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString file = cachePath + QLatin1String(suffix);
            if (QFile::exists(file))
                removed = QFile::remove(file) && removed;
        }
        return removed;
    }

    QString cachePath;
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<ClientCache> cache;
    std::unique_ptr<ChatSession> session;
};

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

    void directHistoryIsThereAfterEitherSideRestarts()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        App alice(dir.filePath(QStringLiteral("alice.sqlite")));
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.start(url, QStringLiteral("Alice")));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        alice.session->openDirect(QStringLiteral("Bob"));
        alice.session->send(QStringLiteral("hi Bob"));
        QTRY_COMPARE(bob.session->conversations()->unread(WithAlice), 1);
        bob.session->openDirect(QStringLiteral("Alice"));
        QCOMPARE(bob.texts(WithAlice), QStringList{QStringLiteral("hi Bob")});
        bob.session->send(QStringLiteral("hi Alice"));
        const QStringList both{QStringLiteral("hi Bob"), QStringLiteral("hi Alice")};
        QTRY_COMPARE(alice.texts(WithBob), both);
        QTRY_VERIFY(alice.session->messages(WithBob)->pendingIds().isEmpty());
        QTRY_VERIFY(bob.session->messages(WithAlice)->pendingIds().isEmpty());
        bob.session->setCurrent(Lobby); // listed but not on screen: its messages are only in the cache
        QVERIFY(server.stop());
        alice.quit();
        bob.quit();

        // Neither side can reach the server: what they see comes from their own computer.
        bob.open();
        QVERIFY(bob.session->conversations()->contains(WithAlice));
        QCOMPARE(bob.session->current(), Lobby);
        bob.session->setCurrent(WithAlice);
        QCOMPARE(bob.texts(WithAlice), both);
        alice.open();
        QCOMPARE(alice.session->current(), WithBob);
        QCOMPARE(alice.texts(WithBob), both);
        alice.connectTo(url, QStringLiteral("Alice"));
        const QModelIndex own = alice.session->messages(WithBob)->index(0);
        QCOMPARE(own.data(MessageModel::SenderRole).toString(), QStringLiteral("Alice"));
        QVERIFY(own.data(MessageModel::IsOwnRole).toBool());
    }

    void directHistoryComesFromTheServerOnANewComputer()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        AppUser alice;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.signIn(url, QStringLiteral("Alice")));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        alice.session.openDirect(QStringLiteral("Bob"));
        alice.session.send(QStringLiteral("one"));
        alice.session.send(QStringLiteral("two"));
        QTRY_COMPARE(bob.session->conversations()->unread(WithAlice), 2);
        bob.quit();
        QVERIFY(bob.removeCache());

        // Bob opens the conversation at once, before the server has answered, as a user clicking fast does.
        bob.open();
        QVERIFY(!bob.session->conversations()->contains(WithAlice));
        bob.connectTo(url, QStringLiteral("Bob"));
        bob.session->openDirect(QStringLiteral("Alice"));
        QTRY_COMPARE(bob.texts(WithAlice), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        bob.quit();
        QVERIFY(bob.removeCache());

        // And once connected.
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        bob.session->openDirect(QStringLiteral("Alice"));
        QTRY_COMPARE(bob.texts(WithAlice), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    }

    void roomsAndDirectConversationsComeBackAfterARestart()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        AppUser alice;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.signIn(url, QStringLiteral("Alice")));
        QVERIFY(alice.join(Dev.name));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        QVERIFY(bob.join(Ops.name));
        bob.session->openDirect(QStringLiteral("Alice")); // opened, nothing written yet
        bob.session->setCurrent(Dev);
        const QList<ConversationId> listed{Dev, Lobby, Ops, WithAlice};
        QCOMPARE(bob.session->conversations()->conversations(), listed);
        bob.quit();
        QTRY_VERIFY(!alice.session.memberNamesOf(Dev.name).contains(QStringLiteral("Bob")));

        bob.open();
        QCOMPARE(bob.session->conversations()->conversations(), listed);
        QCOMPARE(bob.session->current(), Dev);
        bob.connectTo(url, QStringLiteral("Bob"));
        // Back in the rooms without joining them again: the others see Bob, and Bob sees them.
        QTRY_VERIFY(bob.session->members()->contains(QStringLiteral("Alice")));
        QTRY_VERIFY(alice.session.memberNamesOf(Dev.name).contains(QStringLiteral("Bob")));
        QCOMPARE(bob.client->joinedRooms(), (QStringList{Dev.name, Lobby.name, Ops.name}));
        QVERIFY(listData(*bob.session, WithAlice, RoomListModel::OnlineRole).toBool());
        QCOMPARE(bob.session->current(), Dev);
        QCOMPARE(bob.session->conversations()->conversations(), listed);
    }

    void restartWithTheServerDownShowsEverythingAndDeliversLater()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        AppUser alice;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.signIn(url, QStringLiteral("Alice")));
        QVERIFY(alice.join(Dev.name));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        alice.session.send(QStringLiteral("first"));
        QTRY_COMPARE(bob.texts(Dev), QStringList{QStringLiteral("first")});
        bob.session->setDraft(QStringLiteral("half a thought"));
        bob.session->setCurrent(Lobby);
        alice.session.send(QStringLiteral("second"));
        alice.session.send(QStringLiteral("third"));
        QTRY_COMPARE(bob.session->conversations()->unread(Dev), 2);
        QVERIFY(server.stop());
        QTRY_COMPARE(bob.client->state(), ChatClient::State::Reconnecting);
        bob.session->send(QStringLiteral("queued at quit"));
        bob.quit();

        bob.open();
        RoomListModel *list = bob.session->conversations();
        QCOMPARE(list->conversations(), (QList<ConversationId>{Dev, Lobby}));
        QCOMPARE(list->unread(Dev), 2);
        QVERIFY(listData(*bob.session, Dev, RoomListModel::HasDraftRole).toBool());
        QCOMPARE(bob.session->find(Dev)->draft(), QStringLiteral("half a thought"));
        QCOMPARE(bob.session->current(), Lobby);
        MessageModel *lobby = bob.session->messages(Lobby);
        QCOMPARE(textsOf(lobby), QStringList{QStringLiteral("queued at quit")});
        QCOMPARE(lobby->index(0).data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Pending));
        bob.connectTo(url, QStringLiteral("Bob"));
        QCOMPARE(lobby->index(0).data(MessageModel::SenderRole).toString(), QStringLiteral("Bob"));
        QVERIFY(lobby->index(0).data(MessageModel::IsOwnRole).toBool());
        // Nobody answers: the app keeps what it showed and keeps trying, as it would for a dropped connection.
        QTRY_COMPARE(bob.client->interruption(), ChatClient::Interruption::Unreachable);
        QCOMPARE(bob.client->state(), ChatClient::State::Reconnecting);
        bob.session->send(QStringLiteral("written while down"));
        QCOMPARE(lobby->rowCount(), 2);
        QCOMPARE(lobby->index(1).data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Pending));
        bob.session->setCurrent(Dev);
        QCOMPARE(bob.texts(Dev),
                 (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}));
        QCOMPARE(unreadMarkerRows(bob.session->messages(Dev)), QList<int>{1});
        bob.session->setCurrent(Lobby);

        QVERIFY(server.start()); // on the same port: Bob's app comes back by itself
        QTRY_COMPARE(bob.client->state(), ChatClient::State::Connected);
        QCOMPARE(bob.session->current(), Lobby);
        QTRY_VERIFY(lobby->pendingIds().isEmpty());
        QCOMPARE(textsOf(lobby), (QStringList{QStringLiteral("queued at quit"), QStringLiteral("written while down")}));
        QCOMPARE(lobby->index(1).data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Sent));
        // A message sent after them arrives after them: once it is there, any duplicate would be too.
        bob.session->send(QStringLiteral("fence"));
        QTRY_COMPARE(alice.texts(Lobby),
                     (QStringList{QStringLiteral("queued at quit"), QStringLiteral("written while down"),
                                  QStringLiteral("fence")}));
        QCOMPARE(bob.texts(Lobby).count(QStringLiteral("queued at quit")), 1);
    }

    void unreadAndMentionsSurviveARestart()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        AppUser alice;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.signIn(url, QStringLiteral("Alice")));
        QVERIFY(alice.join(Dev.name));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        bob.session->setCurrent(Lobby);
        alice.session.send(QStringLiteral("one"));
        alice.session.send(QStringLiteral("Bob: two"));
        alice.session.send(QStringLiteral("three"));
        QTRY_COMPARE(bob.session->conversations()->unread(Dev), 3);
        QCOMPARE(listData(*bob.session, Dev, RoomListModel::MentionRole).toInt(), 1);
        bob.quit();
        alice.session.send(QStringLiteral("four"));
        alice.session.send(QStringLiteral("five for @bob"));
        QTRY_VERIFY(alice.session.messages(Dev)->pendingIds().isEmpty());

        bob.open();
        QCOMPARE(bob.session->conversations()->unread(Dev), 3);
        QCOMPARE(listData(*bob.session, Dev, RoomListModel::MentionRole).toInt(), 1);
        QCOMPARE(bob.session->conversations()->totalUnread(), 3);
        bob.connectTo(url, QStringLiteral("Bob"));
        QTRY_COMPARE(bob.session->conversations()->unread(Dev), 5); // what came while Bob was away counts too
        QCOMPARE(listData(*bob.session, Dev, RoomListModel::MentionRole).toInt(), 2);

        bob.session->setCurrent(Dev);
        QCOMPARE(bob.session->conversations()->unread(Dev), 0);
        QCOMPARE(listData(*bob.session, Dev, RoomListModel::MentionRole).toInt(), 0);
        MessageModel *dev = bob.session->messages(Dev);
        QCOMPARE(textsOf(dev).size(), 5);
        // Bob never read #dev: the line sits above its first message.
        QCOMPARE(unreadMarkerRows(dev), QList<int>{0});
        bob.session->setCurrent(Lobby);
        QCOMPARE(dev->unreadMarker(), 0);
        QVERIFY(unreadMarkerRows(dev).isEmpty());

        alice.session.send(QStringLiteral("six"));
        QTRY_COMPARE(bob.session->conversations()->unread(Dev), 1);
        bob.quit();
        bob.open();
        QCOMPARE(bob.session->conversations()->unread(Dev), 1);
        QCOMPARE(listData(*bob.session, Dev, RoomListModel::MentionRole).toInt(), 0);
        bob.session->setCurrent(Dev);
        dev = bob.session->messages(Dev);
        QCOMPARE(unreadMarkerRows(dev), QList<int>{dev->rowCount() - 1});
        QCOMPARE(dev->index(dev->rowCount() - 1).data(MessageModel::TextRole).toString(), QStringLiteral("six"));
    }

    void aFirstDirectMessageGetsTheNewMessagesLine()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser bob;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        alice.session.openDirect(QStringLiteral("Bob"));
        alice.session.send(QStringLiteral("are you free?"));
        QTRY_COMPARE(bob.session.conversations()->unread(WithAlice), 1);
        bob.session.setCurrent(WithAlice);
        QCOMPARE(unreadMarkerRows(bob.session.messages(WithAlice)), QList<int>{0});
    }

    void draftsAreKeptPerConversationUntilSent()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        bob.session->setCurrent(Lobby);
        bob.session->setDraft(QStringLiteral("lobby words"));
        bob.session->setCurrent(Dev);
        QCOMPARE(bob.session->currentConversation()->draft(), QString());
        bob.session->setDraft(QStringLiteral("dev words"));
        bob.session->setCurrent(Lobby);
        QCOMPARE(bob.session->currentConversation()->draft(), QStringLiteral("lobby words"));
        bob.quit();

        bob.open();
        QCOMPARE(bob.session->current(), Lobby);
        QCOMPARE(bob.session->currentConversation()->draft(), QStringLiteral("lobby words"));
        QCOMPARE(bob.session->find(Dev)->draft(), QStringLiteral("dev words"));
        QVERIFY(listData(*bob.session, Lobby, RoomListModel::HasDraftRole).toBool());
        QVERIFY(listData(*bob.session, Dev, RoomListModel::HasDraftRole).toBool());
        bob.connectTo(url, QStringLiteral("Bob"));
        QTRY_COMPARE(bob.client->state(), ChatClient::State::Connected);
        bob.session->send(QStringLiteral("lobby words"));
        QCOMPARE(bob.session->currentConversation()->draft(), QString());
        QVERIFY(!listData(*bob.session, Lobby, RoomListModel::HasDraftRole).toBool());
        QTRY_VERIFY(bob.session->messages(Lobby)->pendingIds().isEmpty());
        bob.quit();

        bob.open();
        QCOMPARE(bob.session->find(Lobby)->draft(), QString());
        QCOMPARE(bob.session->find(Dev)->draft(), QStringLiteral("dev words"));
    }

    void aCleanStopOfTheHostEmptiesMemberListsAndKeepsHistory()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        AppUser alice;
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(alice.signIn(url, QStringLiteral("Alice")));
        QVERIFY(alice.join(Dev.name));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        alice.session.send(QStringLiteral("still here?"));
        alice.session.openDirect(QStringLiteral("Bob"));
        alice.session.send(QStringLiteral("psst"));
        QTRY_COMPARE(bob.session->conversations()->unread(WithAlice), 1);
        bob.session->setCurrent(WithAlice);
        QCOMPARE(bob.texts(WithAlice), QStringList{QStringLiteral("psst")});
        bob.session->setCurrent(Dev);
        QCOMPARE(bob.texts(Dev), QStringList{QStringLiteral("still here?")});
        MemberModel *devMembers = bob.session->members();
        QCOMPARE(devMembers->names(), (QStringList{QStringLiteral("Alice"), QStringLiteral("Bob")}));
        QVERIFY(listData(*bob.session, WithAlice, RoomListModel::OnlineRole).toBool());

        QVERIFY(server.stop());
        QTRY_COMPARE(bob.client->state(), ChatClient::State::Reconnecting);
        QCOMPARE(bob.client->interruption(), ChatClient::Interruption::ServerStopped);
        QCOMPARE(devMembers->rowCount(), 0);
        QVERIFY(bob.session->memberNamesOf(Dev.name).isEmpty());
        QVERIFY(!bob.session->isOnline(QStringLiteral("Alice")));
        QVERIFY(!listData(*bob.session, WithAlice, RoomListModel::OnlineRole).toBool());
        MemberModel *directMembers = bob.session->find(WithAlice)->members();
        QVERIFY(directMembers->contains(QStringLiteral("Alice")));
        QVERIFY(!directMembers->isOnline(QStringLiteral("Alice")));
        QCOMPARE(bob.texts(Dev), QStringList{QStringLiteral("still here?")});
        QCOMPARE(bob.texts(WithAlice), QStringList{QStringLiteral("psst")});

        QVERIFY(server.start());
        QTRY_COMPARE(devMembers->names(), (QStringList{QStringLiteral("Alice"), QStringLiteral("Bob")}));
        QTRY_VERIFY(listData(*bob.session, WithAlice, RoomListModel::OnlineRole).toBool());
        QVERIFY(directMembers->isOnline(QStringLiteral("Alice")));
        QCOMPARE(bob.texts(Dev), QStringList{QStringLiteral("still here?")});
    }

    void aDirectMessageToSomeoneAwaySaysWhyItFailed()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser bob;
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        const ConversationId withCarol = ConversationId::direct(QStringLiteral("Carol"));
        bob.session.openDirect(QStringLiteral("Carol"));
        const QString id = bob.session.send(QStringLiteral("are you there?"));
        MessageModel *messages = bob.session.messages(withCarol);
        QCOMPARE(messages->rowCount(), 1);
        const QModelIndex row = messages->index(0);
        QTRY_COMPARE(row.data(MessageModel::StateRole).toInt(), int(MessageModel::DeliveryState::Failed));
        QCOMPARE(row.data(MessageModel::IdRole).toString(), id);
        const QString reason = row.data(MessageModel::FailureReasonRole).toString();
        QVERIFY2(reason.contains(QStringLiteral("Carol")) && reason.contains(QStringLiteral("not online")),
                 qPrintable(reason));
        QVERIFY(!listData(bob.session, withCarol, RoomListModel::OnlineRole).toBool());
        QVERIFY(bob.session.members()->contains(QStringLiteral("Carol")));
        QVERIFY(!bob.session.members()->isOnline(QStringLiteral("Carol")));
        QVERIFY(bob.session.members()->isOnline(QStringLiteral("Bob")));
    }

    void refusedJoinsAndTopicsAreSaid()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxRoomsPerSession = 2;
        TestServer server(config);
        QVERIFY(server.start());
        AppUser bob;
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        QSignalSpy notices(&bob.session, &ChatSession::noticeRaised);
        bob.session.joinRoom(Ops.name);
        QTRY_COMPARE(notices.size(), 1);
        QString notice = notices.takeFirst().at(0).toString();
        QVERIFY2(notice.contains(QStringLiteral("#ops")) && notice.endsWith(u'.'), qPrintable(notice));
        QVERIFY(!bob.session.conversations()->contains(Ops));
        QCOMPARE(bob.session.current(), Dev);

        bob.session.setTopic(Ops.name, QStringLiteral("ours now"));
        QTRY_COMPARE(notices.size(), 1);
        notice = notices.takeFirst().at(0).toString();
        QVERIFY2(notice.contains(QStringLiteral("#ops")) && notice.contains(QStringLiteral("topic")),
                 qPrintable(notice));
    }

    void aRoomThatCannotBeRejoinedIsSaidAndGoes()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser bob;
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        TestClient writer;
        QVERIFY(writer.enter(server.url(), QStringLiteral("Writer"), {Dev.name}));
        QVERIFY(writer.say(Dev.name, QStringLiteral("hello")) > 0);
        QTRY_COMPARE(bob.texts(Dev), QStringList{QStringLiteral("hello")});

        // The host restarts with a limit that keeps Bob out of his rooms: the app must not go on listing #dev
        // as if he were in it, and says why it went.
        QVERIFY(server.stop());
        QTRY_COMPARE(bob.client.state(), ChatClient::State::Reconnecting);
        server.config().limits.maxRoomsPerSession = 0;
        QSignalSpy notices(&bob.session, &ChatSession::noticeRaised);
        QVERIFY(server.start());
        QTRY_VERIFY(!bob.session.conversations()->contains(Dev));
        QVERIFY(!bob.client.joinedRooms().contains(Dev.name));
        QTRY_VERIFY(!notices.isEmpty());
        bool saidDev = false;
        for (const QList<QVariant> &notice : std::as_const(notices))
            saidDev = saidDev || notice.at(0).toString().contains(QStringLiteral("#dev"));
        QVERIFY(saidDev);
    }

    void aFailedMessageCanBeGivenUpForGood()
    {
        TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        App ada(dir.filePath(QStringLiteral("ada.sqlite")));
        QVERIFY(ada.start(server.url(), QStringLiteral("Ada")));
        const ConversationId nobody = ConversationId::direct(QStringLiteral("Nobody"));
        ada.session->openDirect(nobody.name);
        const QString id = ada.session->send(QStringLiteral("are you there?"));
        MessageModel *messages = ada.session->messages(nobody);
        QTRY_COMPARE(messages->index(0).data(MessageModel::StateRole).toInt(),
                     int(MessageModel::DeliveryState::Failed));
        ada.session->discard(id);
        QCOMPARE(messages->rowCount(), 0);
        QVERIFY(!ada.client->outbox().contains(id));
        // Gone after a restart too: it is not sent again, nor shown.
        ada.quit();
        QVERIFY(ada.start(server.url(), QStringLiteral("Ada")));
        QVERIFY(ada.session->unsentMessages().isEmpty());
        QCOMPARE(ada.session->messages(nobody)->pendingIds(), QList<QString>{});
    }

    void aDirectConversationCanBeClosed()
    {
        TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        App ada(dir.filePath(QStringLiteral("ada.sqlite")));
        QVERIFY(ada.start(server.url(), QStringLiteral("Ada")));
        const ConversationId bob = ConversationId::direct(QStringLiteral("Bob"));
        ada.session->openDirect(bob.name);
        QVERIFY(ada.session->conversations()->contains(bob));
        ada.session->closeDirect(bob);
        QVERIFY(!ada.session->conversations()->contains(bob));
        QCOMPARE(ada.session->current(), Lobby);
        bool named = false;
        for (const ResumePoint &point : ada.session->resumePoints())
            named = named || point.conversation == bob;
        QVERIFY(!named);
        ada.quit();
        QVERIFY(ada.start(server.url(), QStringLiteral("Ada")));
        QVERIFY(!ada.session->conversations()->contains(bob)); // not brought back by the cache
    }

    void mentionsCountOnlyTheUsersName()
    {
        TestServer server;
        QVERIFY(server.start());
        AppUser alice;
        AppUser bob;
        QVERIFY(alice.signIn(server.url(), QStringLiteral("Alice")));
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name)); // the lobby is not on screen
        QSignalSpy attention(&bob.session, &ChatSession::attentionRequested);
        alice.session.send(QStringLiteral("Bobby and the bobcat ate kebobs"));
        alice.session.send(QStringLiteral("what do you think, @bob?"));
        QTRY_COMPARE(bob.session.conversations()->unread(Lobby), 2);
        QCOMPARE(bob.session.find(Lobby)->unreadMentions(), 1);
        QCOMPARE(listData(bob.session, Lobby, RoomListModel::MentionRole).toInt(), 1);
        QCOMPARE(attention.size(), 1);
        QCOMPARE(attention.at(0).at(0).value<ConversationId>(), Lobby);
        QCOMPARE(attention.at(0).at(2).toString(), QStringLiteral("what do you think, @bob?"));
    }

    void aLongAbsenceIsFilledByTheReplay()
    {
        TestServer server;
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        TestClient writer;
        QVERIFY(writer.enter(url, QStringLiteral("Writer"), {Dev.name}));
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        for (int i = 1; i <= 10; ++i)
            QVERIFY(writer.say(Dev.name, QStringLiteral("m%1").arg(i)) > 0);
        QTRY_COMPARE(bob.texts(Dev).size(), 10);
        bob.session->setCurrent(Lobby);
        bob.quit();
        for (int i = 11; i <= 510; ++i)
            QVERIFY(writer.say(Dev.name, QStringLiteral("m%1").arg(i)) > 0);

        bob.open();
        bob.connectTo(url, QStringLiteral("Bob"));
        QTRY_COMPARE(bob.session->conversations()->unread(Dev), 500);
        bob.session->setCurrent(Dev);
        MessageModel *dev = bob.session->messages(Dev);
        QVERIFY(loadEverything(dev));
        QStringList expected;
        for (int i = 1; i <= 510; ++i)
            expected.append(QStringLiteral("m%1").arg(i));
        QCOMPARE(textsOf(dev), expected);
        for (int row = 0; row < dev->rowCount(); ++row)
            QCOMPARE(dev->index(row).data(MessageModel::SeqRole).toLongLong(), row + 1);
        QCOMPARE(unreadMarkerRows(dev), QList<int>{10}); // Bob had read m1 to m10 as they came
        const QList<ChatMessage> cached = bob.cache->messages(Dev, 0, 1000);
        QCOMPARE(cached.size(), 510);
        for (int i = 0; i < cached.size(); ++i)
            QCOMPARE(cached.at(i).seq, i + 1);

        // Still whole after another restart, from the cache alone.
        bob.quit();
        QVERIFY(server.stop());
        bob.open();
        bob.session->setCurrent(Dev);
        dev = bob.session->messages(Dev);
        QVERIFY(loadEverything(dev));
        QCOMPARE(textsOf(dev), expected);
    }

    void rejoiningARoomShowsNoGap()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.historyPageSize = 20;
        TestServer server(config);
        QVERIFY(server.start());
        const QUrl url = server.url();
        QTemporaryDir dir;
        TestClient writer;
        QVERIFY(writer.enter(url, QStringLiteral("Writer"), {Dev.name}));
        App bob(dir.filePath(QStringLiteral("bob.sqlite")));
        QVERIFY(bob.start(url, QStringLiteral("Bob")));
        QVERIFY(bob.join(Dev.name));
        for (int i = 1; i <= 10; ++i)
            QVERIFY(writer.say(Dev.name, QStringLiteral("m%1").arg(i)) > 0);
        QTRY_COMPARE(bob.texts(Dev).size(), 10);
        bob.session->leaveRoom(Dev.name);
        QTRY_VERIFY(!bob.session->conversations()->contains(Dev));
        for (int i = 11; i <= 50; ++i)
            QVERIFY(writer.say(Dev.name, QStringLiteral("m%1").arg(i)) > 0);

        QVERIFY(bob.join(Dev.name));
        MessageModel *dev = bob.session->messages(Dev);
        QStringList newest;
        for (int i = 31; i <= 50; ++i)
            newest.append(QStringLiteral("m%1").arg(i));
        QCOMPARE(textsOf(dev), newest);
        QVERIFY(loadEverything(dev));
        QCOMPARE(dev->rowCount(), 50);
        for (int row = 0; row < dev->rowCount(); ++row)
            QCOMPARE(dev->index(row).data(MessageModel::SeqRole).toLongLong(), row + 1);
    }
};

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
