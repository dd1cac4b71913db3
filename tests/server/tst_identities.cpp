// Keys and owned names: the challenge and its proof, names that stay with their key while it is away and across
// restarts, look-alikes, direct messages that belong to keys, and the bounds on what keys may hold.

#include "historystore.h"
#include "identitykey.h"
#include "identityproof.h"
#include "signaturecheck.h"
#include "testclient.h"
#include "testserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<TestClient> keyed(const QUrl &url, const QString &name, const IdentityKey &key,
                                  const QStringList &rooms = {})
{
    return TestClient::enterWithKey(url, name, key, rooms);
}

std::unique_ptr<TestClient> guest(const QUrl &url, const QString &name, const QString &token = {})
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(url) || !client->signIn(name, token))
        return nullptr;
    return client;
}

// Sends a direct message and returns the error code word it met, or "" when it was acknowledged.
QString sendDirect(TestClient &from, const QString &to, const QString &text, const QString &id)
{
    from.send(Send{id, {}, to, text, MessageKind::Text});
    return from.outcomeOf(id);
}

QStringList historyTexts(TestClient &client, const QString &to)
{
    client.send(HistoryRequest{{}, to, 0, 0});
    const auto page = client.waitFor<HistoryPage>();
    QStringList texts;
    if (page) {
        for (const ChatMessage &message : page->messages)
            texts.append(message.text);
    }
    return texts;
}

} // namespace

class TestIdentities : public QObject
{
    Q_OBJECT

private slots:
    void keyedSignInNeedsNoToken()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey key = IdentityKey::generate();
        for (const QUrl &url : {server.url(), server.inviteUrl()}) {
            auto alice = keyed(url, u"Alice"_s, key);
            QVERIFY2(alice, qPrintable(url.toString()));
            QVERIFY(alice->token().isEmpty());
        }
    }

    void aNameStaysWithItsKeyWhileAway_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("withKey");
        QTest::newRow("same name, other key") << u"alice"_s << true;
        QTest::newRow("same name, guest") << u"alice"_s << false;
        QTest::newRow("upper case") << u"ALICE"_s << false;
        QTest::newRow("full width") << u"Ａｌｉｃｅ"_s << true;
        QTest::newRow("dotless i") << u"alıce"_s << false;
        QTest::newRow("Cyrillic a") << u"\u0430lice"_s << true;
    }
    void aNameStaysWithItsKeyWhileAway()
    {
        QFETCH(QString, name);
        QFETCH(bool, withKey);
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey aliceKey = IdentityKey::generate();
        keyed(server.url(), u"alice"_s, aliceKey).reset(); // signs in once, then leaves
        QTRY_COMPARE(server.server()->sessionCount(), 0);

        for (int round = 0; round < 2; ++round) {
            TestClient mallory;
            QVERIFY(mallory.open(server.url()));
            const bool admitted = withKey ? mallory.signInWithKey(name, IdentityKey::generate()) : mallory.signIn(name);
            QVERIFY(!admitted);
            QCOMPARE(errorCodeWord(mallory.lastError().code), u"name_owned"_s);
            QCOMPARE(mallory.lastError().ref, u"hello"_s);
            QVERIFY(mallory.isConnected()); // free to try another name
            QVERIFY(round == 1 || server.restart()); // and the same after a restart
        }
        // Its owner gets it back, from anywhere.
        QVERIFY(keyed(server.inviteUrl(), u"Alice"_s, aliceKey));
    }

    void renamingKeepsTheOldNameAndNobodyTakesTheNew()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(bob);
        bob->send(Nick{u"robert"_s});
        QVERIFY(bob->waitFor<Presence>([](const Presence &p) { return p.name == u"robert"; }));

        auto guestBob = guest(server.url(), u"bob"_s);
        QVERIFY(!guestBob);
        // A plain-text client cannot take it with /nick either.
        TestClient plain(TestClient::Mode::PlainText);
        QVERIFY(plain.open(server.url()));
        plain.sendText(u"/nick bob"_s);
        QVERIFY(plain.waitForLine(u"belongs to someone else"_s));
        plain.sendText(u"/nick r\u043Ebert"_s); // Cyrillic o: looks like robert, who is online
        QVERIFY(plain.waitForLine(u"looks the same"_s));
    }

    void aKeyOwnsABoundedNumberOfNames()
    {
        TestServer server;
        server.config().namesPerIdentity = 2;
        QVERIFY(server.start());
        const IdentityKey key = IdentityKey::generate();
        auto user = keyed(server.url(), u"one"_s, key);
        QVERIFY(user);
        for (const QString &name : {u"two"_s, u"three"_s}) {
            user->send(Nick{name});
            QVERIFY(user->waitFor<Presence>([&](const Presence &p) { return p.name == name; }));
        }
        // "one", least recently used, was released; "two" was not.
        QVERIFY(guest(server.url(), u"one"_s));
        QVERIFY(!guest(server.url(), u"two"_s));
    }

    void theSameKeyElsewhereReplacesTheOldConnection()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey key = IdentityKey::generate();
        auto watcher = guest(server.url(), u"watcher"_s);
        QVERIFY(watcher && watcher->joinRoom(u"lobby"_s));
        auto first = keyed(server.url(), u"ann"_s, key, {u"lobby"_s});
        QVERIFY(first);
        auto second = keyed(server.url(), u"anna"_s, key, {u"lobby"_s});
        QVERIFY(second);
        QVERIFY(first->waitForDisconnect());
        QCOMPARE(static_cast<int>(first->closeCode()), static_cast<int>(CloseCode::Replaced));
        QVERIFY(watcher->waitFor<Presence>(
            [](const Presence &p) { return p.name == u"ann" && p.event == PresenceChange::Left; }));
        QCOMPARE(server.server()->sessionCount(), 2);
    }

    void aBadProofIsRefusedAndClosed_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<QString>("fingerprint");
        // Signed for another server's certificate: what a server relaying the challenge would get.
        QTest::newRow("relayed over wss") << true << QString(64, u'a');
        QTest::newRow("wss, unbound") << true << QString();
        QTest::newRow("ws, bound to a certificate") << false << QString(64, u'a');
    }
    void aBadProofIsRefusedAndClosed()
    {
        QFETCH(bool, encrypted);
        QFETCH(QString, fingerprint);
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(encrypted ? server.inviteUrl() : server.url()));
        QVERIFY(!client.signInWithKey(u"alice"_s, IdentityKey::generate(), {}, fingerprint));
        QCOMPARE(errorCodeWord(client.lastError().code), u"auth_failed"_s);
        QCOMPARE(client.lastError().ref, u"prove"_s);
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(static_cast<int>(client.closeCode()), 4001);
        // Nothing was claimed: the name is still free.
        QVERIFY(guest(server.url(), u"alice"_s));
    }

    void aSignatureByAnotherKeyIsRefused()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        const IdentityKey claimed = IdentityKey::generate();
        const IdentityKey signer = IdentityKey::generate();
        client.send(Hello{u"alice"_s, {}, {}, claimed.publicKey(), {}});
        const auto challenge = client.waitFor<Challenge>();
        QVERIFY(challenge);
        client.send(Prove{signer.sign(loginProofPayload(challenge->nonce, {}))});
        const auto error = client.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::AuthFailed);
        QVERIFY(client.waitForDisconnect());
    }

    void theChallengeComesFirst()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        client.send(Prove{QByteArray(SignatureBytes, 'x')});
        auto error = client.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::BadRequest);
        QCOMPARE(error->ref, u"prove"_s);

        const IdentityKey key = IdentityKey::generate();
        client.send(Hello{u"alice"_s, {}, {}, key.publicKey(), {}});
        const auto challenge = client.waitFor<Challenge>();
        QVERIFY(challenge);
        QCOMPARE(challenge->nonce.size(), NonceBytes);
        client.send(Join{u"lobby"_s});
        error = client.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::HelloRequired);
        client.send(Prove{key.sign(loginProofPayload(challenge->nonce, {}))});
        QVERIFY(client.waitFor<Welcome>());
    }

    void malformedKeysAndSignaturesAreBadRequests_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("short key") << uR"({"type":"hello","name":"a","key":"AAAA"})"_s;
        QTest::newRow("key not base64")
            << uR"({"type":"hello","name":"a","key":"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!="})"_s;
        QTest::newRow("key a number") << uR"({"type":"hello","name":"a","key":7})"_s;
        QTest::newRow("huge key") << u"{\"type\":\"hello\",\"name\":\"a\",\"key\":\"%1\"}"_s.arg(QString(60000, u'A'));
        QTest::newRow("short signature") << uR"({"type":"prove","signature":"AAAA"})"_s;
    }
    void malformedKeysAndSignaturesAreBadRequests()
    {
        QFETCH(QString, frame);
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        client.sendText(frame);
        const auto error = client.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::BadRequest);
        QVERIFY(client.signIn(u"a"_s)); // and the connection goes on
    }

    void directMessagesWaitForAnAwayOwnerAndArriveOnce()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        keyed(server.url(), u"Bob"_s, bobKey).reset();
        QTRY_COMPARE(server.server()->sessionCount(), 0);
        auto alice = keyed(server.url(), u"Alice"_s, IdentityKey::generate());
        QVERIFY(alice);
        QCOMPARE(sendDirect(*alice, u"bob"_s, u"are you there?"_s, u"d-1"_s), QString());
        QCOMPARE(sendDirect(*alice, u"Bob"_s, u"call me"_s, u"d-2"_s), QString());
        QVERIFY(server.restart()); // kept on disk, not only in memory
        alice = keyed(server.url(), u"Alice"_s, IdentityKey::generate());
        QVERIFY(!alice); // (that was another key: Alice's name is hers)

        auto bob = keyed(server.url(), u"Bob"_s, bobKey);
        QVERIFY(bob);
        QStringList received;
        TestClient::waitUntil(
            [&] {
                while (const auto event = bob->waitFor<MessageEvent>(0))
                    received.append(event->message.text);
                return received.size() >= 2;
            },
            5000);
        QCOMPARE(received, (QStringList{u"are you there?"_s, u"call me"_s}));
        bob.reset();
        bob = keyed(server.url(), u"Bob"_s, bobKey);
        QVERIFY(bob);
        QVERIFY(!bob->receives<MessageEvent>([](const MessageEvent &) { return true; }, 300));
        QCOMPARE(historyTexts(*bob, u"Alice"_s), (QStringList{u"are you there?"_s, u"call me"_s}));
    }

    void aConnectionThatNeverSignsInIsClosed()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.signInTimeoutMs = 300;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient silent; // says nothing at all
        QVERIFY(silent.open(server.url()));
        TestClient unproven; // says hello with a key and never answers the challenge
        QVERIFY(unproven.open(server.url()));
        unproven.sendText(u"{\"type\":\"hello\",\"name\":\"x\",\"key\":\"%1\"}"_s.arg(
            QLatin1StringView(IdentityKey::generate().publicKey().toBase64())));
        QVERIFY(unproven.waitFor<Protocol::Challenge>());
        auto signedIn = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(signedIn);

        for (TestClient *client : {&silent, &unproven}) {
            const auto error = client->waitFor<ErrorEvent>(3000);
            QVERIFY(error);
            QCOMPARE(error->code, ErrorCode::HelloRequired);
            QVERIFY(client->waitForDisconnect(3000));
            QCOMPARE(int(client->closeCode()), int(CloseCode::PolicyViolation));
        }
        QTest::qWait(400);
        QVERIFY(signedIn->isConnected()); // the deadline ends with the sign-in
    }

    void aGuestNamedLikeAKeyIsNotThatKey()
    {
        // Keys are known inside the server as k1, k2…; a guest called K1 must not share their resend ids.
        TestServer server;
        QVERIFY(server.start());
        auto alice = keyed(server.url(), u"alice"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        auto k1 = guest(server.url(), u"K1"_s);
        QVERIFY(alice && bob && k1);
        QVERIFY(k1->joinRoom(u"lobby"_s));
        QCOMPARE(sendDirect(*alice, u"bob"_s, u"private"_s, u"alice-7"_s), QString());
        k1->send(Send{u"alice-7"_s, u"lobby"_s, {}, u"mine"_s, MessageKind::Text});
        const auto ack = k1->waitFor<Ack>([](const Ack &a) { return a.id == u"alice-7"; });
        QVERIFY(ack);
        QCOMPARE(ack->room, u"lobby"_s); // its own message, not alice's direct one

        k1->send(Send{u"alice-8"_s, u"lobby"_s, {}, u"first"_s, MessageKind::Text});
        QVERIFY(k1->waitFor<Ack>([](const Ack &a) { return a.id == u"alice-8"; }));
        QCOMPARE(sendDirect(*alice, u"bob"_s, u"important"_s, u"alice-8"_s), QString());
        QVERIFY(bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.text == u"important"; }));
    }

    void aDirectMessageToAnAwayGuestIsRefused()
    {
        TestServer server;
        QVERIFY(server.start());
        guest(server.url(), u"gina"_s).reset();
        QTRY_COMPARE(server.server()->sessionCount(), 0);
        auto alice = keyed(server.url(), u"Alice"_s, IdentityKey::generate());
        QVERIFY(alice);
        QCOMPARE(sendDirect(*alice, u"gina"_s, u"psst"_s, u"d-1"_s), u"recipient_offline"_s);
    }

    void nobodyElseReadsDirectMessages()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey aliceKey = IdentityKey::generate();
        const IdentityKey bobKey = IdentityKey::generate();
        {
            auto alice = keyed(server.url(), u"alice"_s, aliceKey);
            auto bob = keyed(server.url(), u"bob"_s, bobKey);
            QVERIFY(alice && bob);
            QCOMPARE(sendDirect(*alice, u"bob"_s, u"secret"_s, u"d-1"_s), QString());
            auto gina = guest(server.url(), u"gina"_s);
            QVERIFY(gina);
            QCOMPARE(sendDirect(*gina, u"bob"_s, u"guest secret"_s, u"g-1"_s), QString());
            const QString ginaToken = gina->token();
            gina.reset();
            QTRY_COMPARE(server.server()->sessionCount(), 2);

            // Another guest under gina's name reads nothing of hers; gina with her token reads hers.
            auto impostor = guest(server.url(), u"gina"_s);
            QVERIFY(impostor);
            QVERIFY(historyTexts(*impostor, u"bob"_s).isEmpty());
            impostor.reset();
            QTRY_COMPARE(server.server()->sessionCount(), 2);
            auto back = guest(server.url(), u"gina"_s, ginaToken);
            QVERIFY(back);
            QCOMPARE(historyTexts(*back, u"bob"_s), QStringList{u"guest secret"_s});
        }
        QTRY_COMPARE(server.server()->sessionCount(), 0);
        // Another key, under its own name, asking for alice's or bob's conversations gets its own: empty.
        auto mallory = keyed(server.url(), u"mallory"_s, IdentityKey::generate());
        QVERIFY(mallory);
        QVERIFY(historyTexts(*mallory, u"bob"_s).isEmpty());
        QVERIFY(historyTexts(*mallory, u"alice"_s).isEmpty());
        // since replay is the same question asked another way.
        mallory.reset();
        QTRY_COMPARE(server.server()->sessionCount(), 0);
        TestClient again;
        QVERIFY(again.open(server.url()));
        QVERIFY(again.signInWithKey(u"mallory"_s, IdentityKey::generate(), {{u"@bob"_s, 0}, {u"@alice"_s, 0}})
                || again.signIn(u"mallory2"_s, {}, {{u"@bob"_s, 0}, {u"@alice"_s, 0}}));
        QVERIFY(!again.receives<MessageEvent>([](const MessageEvent &) { return true; }, 300));
    }

    void memberListsCarryKeysAndMarkGuests()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey aliceKey = IdentityKey::generate();
        auto gina = guest(server.url(), u"gina"_s);
        QVERIFY(gina && gina->joinRoom(u"dev"_s));
        auto alice = std::make_unique<TestClient>();
        QVERIFY(alice->open(server.url()) && alice->signInWithKey(u"alice"_s, aliceKey));
        alice->send(Join{u"dev"_s});
        const auto joined = alice->waitFor<Joined>();
        QVERIFY(joined);
        QCOMPARE(joined->members.size(), 2);
        QCOMPARE(joined->keys.size(), 1);
        QCOMPARE(joined->keys.value(u"alice"_s), aliceKey.publicKey());
        QVERIFY(!joined->keys.contains(u"gina"_s)); // a guest
        const auto arrival = gina->waitFor<Presence>([](const Presence &p) { return p.name == u"alice"; });
        QVERIFY(arrival);
        QCOMPARE(arrival->key, aliceKey.publicKey());
    }

    void aFullDirectoryRefusesNewKeysButNotGuests()
    {
        TestServer server;
        server.config().maxIdentities = 1;
        QVERIFY(server.start());
        const IdentityKey first = IdentityKey::generate();
        QVERIFY(keyed(server.url(), u"first"_s, first));
        TestClient second;
        QVERIFY(second.open(server.url()));
        QVERIFY(!second.signInWithKey(u"second"_s, IdentityKey::generate()));
        QCOMPARE(second.lastError().code, ErrorCode::ServerFull);
        QVERIFY(second.signIn(u"second"_s));
        QVERIFY(keyed(server.url(), u"first"_s, first)); // known keys still sign in
    }

    void smallOrderKeysAreRefused_data()
    {
        QTest::addColumn<QByteArray>("key");
        const QByteArray ff30(30, '\xff');
        QTest::newRow("y = 0 (order 4)") << QByteArray(32, '\0');
        QTest::newRow("y = 0, sign bit") << QByteArray(31, '\0') + '\x80';
        QTest::newRow("identity") << QByteArray("\x01") + QByteArray(31, '\0');
        QTest::newRow("y = -1 (order 2)") << QByteArray("\xec") + ff30 + '\x7f';
        QTest::newRow("y = p (not canonical)") << QByteArray("\xed") + ff30 + '\x7f';
        QTest::newRow("y = p + 1 (not canonical)") << QByteArray("\xee") + ff30 + '\x7f';
        QTest::newRow("order 8") << QByteArray::fromHex(
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
        QTest::newRow("order 8, the other")
            << QByteArray::fromHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
        QTest::newRow("order 8, sign bit")
            << QByteArray::fromHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85");
    }
    void smallOrderKeysAreRefused()
    {
        QFETCH(QByteArray, key);
        QVERIFY(!isUsableEd25519PublicKey(key));
        TestServer server;
        QVERIFY(server.start());
        TestClient client;
        QVERIFY(client.open(server.url()));
        client.sendText(
            u"{\"type\":\"hello\",\"name\":\"owner\",\"key\":\"%1\"}"_s.arg(QLatin1StringView(key.toBase64())));
        const auto error = client.waitFor<ErrorEvent>();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::BadRequest);
        QVERIFY(!client.receives<Protocol::Challenge>([](const Protocol::Challenge &) { return true; }, 200));
    }

    void realKeysAreUsable()
    {
        for (int i = 0; i < 200; ++i)
            QVERIFY(isUsableEd25519PublicKey(IdentityKey::generate().publicKey()));
        QVERIFY(!isUsableEd25519PublicKey(QByteArray(31, '\x09')));
    }

    void safetyNumbersAreStable()
    {
        const auto seed = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        const auto key = IdentityKey::fromPrivateBytes(seed);
        QVERIFY(key);
        const QString number = safetyNumber(key->publicKey());
        QCOMPARE(number.size(), 6 * 5 + 5);
        QCOMPARE(number, safetyNumber(key->publicKey()));
        QVERIFY(number != safetyNumber(IdentityKey::generate().publicKey()));
        QCOMPARE(loginProofPayload(QByteArray(32, '\x01'), u"ab"_s),
                 QByteArray("natter.v1 login\n") + QByteArray(32, '\x01') + "\nab");
    }

    void aSchemaOneDatabaseIsMigrated()
    {
        TestServer server;
        {
            const QString connection = u"schema-one"_s;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
                db.setDatabaseName(server.databasePath());
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(
                    u"CREATE TABLE conversations (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
                    "kind INTEGER NOT NULL, topic TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL)"_s));
                QVERIFY(query.exec(
                    u"CREATE TABLE messages (conversation INTEGER NOT NULL, seq INTEGER NOT NULL, "
                    "sender_key TEXT NOT NULL, sender TEXT NOT NULL, recipient TEXT NOT NULL DEFAULT '', "
                    "client_id TEXT NOT NULL, kind INTEGER NOT NULL, text TEXT NOT NULL, ts INTEGER NOT NULL, "
                    "PRIMARY KEY (conversation, seq)) WITHOUT ROWID"_s));
                QVERIFY(
                    query.exec(u"CREATE UNIQUE INDEX messages_sender_client ON messages (sender_key, client_id)"_s));
                QVERIFY(query.exec(u"INSERT INTO conversations VALUES (1, 'dev', 0, 'old topic', 1)"_s));
                QVERIFY(query.exec(u"INSERT INTO conversations VALUES (2, 'dm\nalice\nbob', 1, '', 1)"_s));
                QVERIFY(query.exec(u"INSERT INTO messages VALUES (1, 1, 'alice', 'alice', '', 'a', 0, 'kept', 5)"_s));
                QVERIFY(query.exec(u"INSERT INTO messages VALUES (2, 1, 'alice', 'alice', 'bob', 'b', 0, 'dm', 5)"_s));
                QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
            }
            QSqlDatabase::removeDatabase(connection);
        }
        QVERIFY(server.start());
        QCOMPARE(server.server()->store()->schemaVersion(), HistoryStore::SchemaVersion);
        auto alice = keyed(server.url(), u"alice"_s, IdentityKey::generate(), {u"dev"_s});
        QVERIFY(alice);
        alice->send(HistoryRequest{u"dev"_s, {}, 0, 0});
        const auto page = alice->waitFor<HistoryPage>();
        QVERIFY(page);
        QCOMPARE(page->messages.size(), 1);
        QCOMPARE(page->messages.first().text, u"kept"_s);
        // Messages from before edits existed have no edit columns of their own, yet can be read after one.
        QVERIFY(page->messages.first().edited == 0 && !page->messages.first().deleted);
        // Direct messages from before names were owned are kept on disk but nobody can claim them by name.
        QVERIFY(historyTexts(*alice, u"bob"_s).isEmpty());
    }
};

QTEST_MAIN(TestIdentities)
#include "tst_identities.moc"
