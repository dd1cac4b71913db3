// Read positions kept by the server: what Ada read on one computer is read on the next, and unread counts there are
// the server's, mentions included, even for messages the second computer never received.

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "identitykey.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {
const ConversationId Lobby = ConversationId::room(u"lobby"_s);

// One computer of a user: a client with the user's key and a session over it (no cache: a fresh install).
struct Computer
{
    ChatClient client;
    ChatSession session{&client};

    bool signIn(const QUrl &url, const QString &name, const IdentityKey &key)
    {
        client.setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        client.setIdentity(key);
        client.connectToServer(url, name);
        return TestClient::waitUntil([this] { return session.find(Lobby) != nullptr; }, 5000);
    }
};
} // namespace

class TestReadPositions : public QObject
{
    Q_OBJECT

private slots:
    void whatWasReadOnOneComputerIsReadOnTheNext()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = TestClient::enterWithKey(server.url(), u"bob"_s, IdentityKey::generate(), {u"lobby"_s});
        QVERIFY(bob);
        for (int i = 1; i <= 5; ++i)
            QVERIFY(bob->say(u"lobby"_s, u"news %1"_s.arg(i)) > 0);

        const IdentityKey adaKey = IdentityKey::generate();
        {
            Computer first;
            QVERIFY(first.signIn(server.url(), u"Ada"_s, adaKey));
            Conversation *lobby = first.session.find(Lobby);
            QTRY_VERIFY(lobby->lastSeq() >= 5);
            lobby->markAllRead(); // she looked at the lobby
            QTest::qWait(ReadPositions::ReportDelayMs + 300); // told to the server
        }
        // While she is away: two more, one naming her.
        QVERIFY(bob->say(u"lobby"_s, u"lunch?"_s) > 0);
        QVERIFY(bob->say(u"lobby"_s, u"@Ada are you in?"_s) > 0);

        Computer second;
        second.session.setWindowActive(false); // started in the background: nothing is seen yet
        QVERIFY(second.signIn(server.url(), u"Ada"_s, adaKey));
        Conversation *lobby = second.session.find(Lobby);
        QTRY_COMPARE(lobby->lastReadSeq(), qint64(5));
        QCOMPARE(lobby->unread(), 2);
        QCOMPARE(lobby->unreadMentions(), 1);

        // Something new arrives unseen: counted on top of the server's numbers.
        QVERIFY(bob->say(u"lobby"_s, u"hello?"_s) > 0);
        QTRY_COMPARE(lobby->unread(), 3);
    }
};

QTEST_GUILESS_MAIN(TestReadPositions)
#include "tst_readpositions.moc"
