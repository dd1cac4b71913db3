// The app against a server that cannot store messages for a while (storage_unavailable): the messages stay in the
// outbox without failing, a status says so, and they go out again by themselves once the server stores again.

#include "chatclient.h"
#include "chatserver.h"
#include "historystore.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class TestDeferredSends : public QObject
{
    Q_OBJECT

private slots:
    void unstoredMessagesWaitAndGoOutByThemselves();
};

void TestDeferredSends::unstoredMessagesWaitAndGoOutByThemselves()
{
    ServerConfig config = TestServer::defaultConfig();
    config.tls = ServerConfig::Tls::Off;
    TestServer server(config);
    QVERIFY(server.start());
    HistoryStore *store = server.server()->store();
    store->availability().setRetryDelays(20, 100);

    ChatClient client;
    client.setResendDelays(100, 400);
    client.connectToServer(server.url(), QStringLiteral("alice"));
    QTRY_COMPARE(client.state(), ChatClient::State::Connected);
    QSignalSpy joined(&client, &ChatClient::joined);
    client.joinRoom(QStringLiteral("lobby"));
    QTRY_COMPARE(joined.size(), 1);

    QSignalSpy acknowledged(&client, &ChatClient::messageAcknowledged);
    QSignalSpy failed(&client, &ChatClient::messageFailed);
    QSignalSpy storing(&client, &ChatClient::serverStoringChanged);

    // Another program holds SQLite's write lock past the server's busy timeout: the commit fails as Busy.
    const QString connection = QStringLiteral("other-program");
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        other.setDatabaseName(server.databasePath());
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
    }
    const QString id = client.sendMessage(ConversationId::room(QStringLiteral("lobby")), QStringLiteral("wait"));
    QTRY_COMPARE_WITH_TIMEOUT(storing.size(), 1, 15'000);
    QCOMPARE(storing.first().first().toBool(), false);
    QVERIFY(!store->isWritable());
    QCOMPARE(store->storageFault(), StorageFault::Busy);
    // Not a failure the user must act on: the message is still pending in the outbox, not failed.
    QVERIFY(failed.isEmpty());
    QVERIFY(acknowledged.isEmpty());
    QVERIFY(client.outbox().contains(id));
    QVERIFY(!client.outbox().find(id)->failed);

    // While the server refuses, the client keeps trying now and then; nothing is acknowledged.
    QTest::qWait(300);
    QVERIFY(acknowledged.isEmpty());

    // The other program lets go: the server recovers by itself, and the message goes out without the user.
    {
        QSqlDatabase other = QSqlDatabase::database(connection, false);
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 10'000);
    QCOMPARE(acknowledged.first().first().toString(), id);
    QVERIFY(store->isWritable());
    QCOMPARE(storing.size(), 2);
    QCOMPARE(storing.last().first().toBool(), true);
    QVERIFY(failed.isEmpty());
    QCOMPARE(client.outbox().size(), 0);
    QCOMPARE(store->latest(QStringLiteral("lobby"), 10).size(), 1);
}

QTEST_MAIN(TestDeferredSends)
#include "tst_deferredsends.moc"
