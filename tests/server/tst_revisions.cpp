// Edits, deletions and replies: a sender changes or takes back an earlier message of theirs; every member sees it,
// history and a reconnect's replay carry it, nothing of a deleted text stays in the file, and every other attempt gets
// an error that names the send's id.

#include "historystore.h"
#include "identitykey.h"
#include "testclient.h"
#include "testserver.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<TestClient> keyed(const QUrl &url, const QString &name, const IdentityKey &key)
{
    return TestClient::enterWithKey(url, name, key, {u"lobby"_s});
}

Send revision(const QString &id, MessageKind kind, qint64 target, const QString &text = {}, const QString &to = {})
{
    Send send;
    send.id = id;
    (to.isEmpty() ? send.room : send.to) = to.isEmpty() ? u"lobby"_s : to;
    send.kind = kind;
    send.target = target;
    send.text = text;
    return send;
}

QList<ChatMessage> page(TestClient &client)
{
    client.send(HistoryRequest{u"lobby"_s, {}, 0, 0});
    const auto history = client.waitFor<HistoryPage>();
    return history ? history->messages : QList<ChatMessage>();
}

} // namespace

class TestRevisions : public QObject
{
    Q_OBJECT

private slots:
    void everyoneSeesAnEditAndHistoryKeepsIt()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        const qint64 seq = ada->say(u"lobby"_s, u"teh build is green"_s, u"m-1"_s);
        QVERIFY(seq > 0);

        ada->send(revision(u"e-1"_s, MessageKind::Edit, seq, u"the build is green"_s));
        QCOMPARE(ada->outcomeOf(u"e-1"_s), QString());
        const auto seen = bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.id == u"e-1"; });
        QVERIFY(seen);
        QCOMPARE(seen->message.kind, MessageKind::Edit);
        QCOMPARE(seen->message.target, seq);
        QCOMPARE(seen->message.text, u"the build is green"_s);
        QCOMPARE(seen->message.seq, seq + 1); // a seq of its own, so a reconnect replays it in order

        const QList<ChatMessage> history = page(*bob);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().text, u"the build is green"_s);
        QCOMPARE(history.first().edited, seen->message.ts);
        QCOMPARE(history.last().kind, MessageKind::Edit);

        // Resending the same edit (a reconnect) is acknowledged once and changes nothing more.
        ada->send(revision(u"e-1"_s, MessageKind::Edit, seq, u"the build is green"_s));
        QCOMPARE(ada->outcomeOf(u"e-1"_s), QString());
        QCOMPARE(page(*bob).size(), 2);
    }

    void aDeletionLeavesNothingOfTheText()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        const qint64 seq = ada->say(u"lobby"_s, u"my password is swordfish"_s, u"m-1"_s);
        ada->send(revision(u"e-1"_s, MessageKind::Edit, seq, u"my password is hunter2"_s));
        QCOMPARE(ada->outcomeOf(u"e-1"_s), QString());
        ada->send(revision(u"d-1"_s, MessageKind::Delete, seq));
        QCOMPARE(ada->outcomeOf(u"d-1"_s), QString());
        const auto seen = bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.id == u"d-1"; });
        QVERIFY(seen && seen->message.kind == MessageKind::Delete && seen->message.text.isEmpty());

        const QList<ChatMessage> history = page(*bob);
        QCOMPARE(history.size(), 3);
        QVERIFY(history.first().deleted);
        for (const ChatMessage &message : history)
            QVERIFY2(message.text.isEmpty(), qPrintable(message.text));

        // Not in the database either (the WAL included), once the server has written it.
        server.stop();
        for (const QString &suffix : {u""_s, u"-wal"_s}) {
            QFile file(server.databasePath() + suffix);
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = file.readAll();
                QVERIFY(!bytes.contains("hunter2"));
                QVERIFY(!bytes.contains("swordfish"));
            }
        }
    }

    void aReconnectReplaysChangesInOrder()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, bobKey);
        QVERIFY(ada && bob);
        const qint64 seq = ada->say(u"lobby"_s, u"draft"_s, u"m-1"_s);
        QVERIFY(bob->waitFor<MessageEvent>());
        bob.reset();
        ada->send(revision(u"e-1"_s, MessageKind::Edit, seq, u"final"_s));
        QCOMPARE(ada->outcomeOf(u"e-1"_s), QString());

        auto back = std::make_unique<TestClient>();
        QVERIFY(back->open(server.url()) && back->signInWithKey(u"bob"_s, bobKey, {{u"lobby"_s, seq}}));
        const auto replayed = back->waitFor<MessageEvent>();
        QVERIFY(replayed);
        QCOMPARE(replayed->message.kind, MessageKind::Edit);
        QCOMPARE(replayed->message.target, seq);
        QCOMPARE(replayed->message.text, u"final"_s);
    }

    void plainTextClientsReadChangesAsLines()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient plain(TestClient::Mode::PlainText);
        QVERIFY(plain.open(server.url()));
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        QVERIFY(ada);
        const qint64 seq = ada->say(u"lobby"_s, u"helo"_s, u"m-1"_s);
        QVERIFY(plain.waitForLine(u"ada: helo"_s));
        ada->send(revision(u"e-1"_s, MessageKind::Edit, seq, u"hello"_s));
        QVERIFY(plain.waitForLine(u"* ada edited: hello"_s));
        ada->send(revision(u"d-1"_s, MessageKind::Delete, seq));
        QVERIFY(plain.waitForLine(u"* ada deleted a message"_s));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("code");
        // seq 1 is bob's, seq 2 is ada's, seq 3 is ada's edit of 2, seq 4 is ada's deleted message, 5 its delete.
        QTest::newRow("someone else's")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","target":1,"text":"mine now"})"_s
            << u"not_yours"_s;
        QTest::newRow("delete someone else's")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"delete","target":1})"_s << u"not_yours"_s;
        QTest::newRow("no such seq")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","target":99,"text":"a"})"_s
            << u"message_unknown"_s;
        QTest::newRow("an edit itself")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","target":3,"text":"a"})"_s
            << u"message_unknown"_s;
        QTest::newRow("already deleted")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","target":4,"text":"a"})"_s
            << u"message_unknown"_s;
        QTest::newRow("another room's seq")
            << uR"({"type":"send","id":"x","room":"dev","kind":"edit","target":2,"text":"a"})"_s
            << u"message_unknown"_s;
        QTest::newRow("edit without target")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","text":"a"})"_s << u"bad_request"_s;
        QTest::newRow("target on a text")
            << uR"({"type":"send","id":"x","room":"lobby","target":2,"text":"a"})"_s << u"bad_request"_s;
        QTest::newRow("delete with text")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"delete","target":2,"text":"a"})"_s
            << u"bad_request"_s;
        QTest::newRow("empty edit")
            << uR"({"type":"send","id":"x","room":"lobby","kind":"edit","target":2,"text":" "})"_s << u"text_invalid"_s;
    }
    void refusals()
    {
        QFETCH(QString, frame);
        QFETCH(QString, code);
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob && ada->joinRoom(u"dev"_s));
        QCOMPARE(bob->say(u"lobby"_s, u"bob's"_s, u"b-1"_s), 1);
        QCOMPARE(ada->say(u"lobby"_s, u"ada's"_s, u"a-1"_s), 2);
        ada->send(revision(u"a-2"_s, MessageKind::Edit, 2, u"ada's, edited"_s));
        QCOMPARE(ada->outcomeOf(u"a-2"_s), QString());
        QCOMPARE(ada->say(u"lobby"_s, u"gone"_s, u"a-3"_s), 4);
        ada->send(revision(u"a-4"_s, MessageKind::Delete, 4));
        QCOMPARE(ada->outcomeOf(u"a-4"_s), QString());

        const QList<ChatMessage> before = page(*ada);
        ada->sendText(frame);
        QCOMPARE(ada->outcomeOf(u"x"_s), code);
        QCOMPARE(page(*ada), before); // nothing changed
    }

    void aReplyQuotesWhatItAnswers()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        TestClient plain(TestClient::Mode::PlainText);
        QVERIFY(ada && bob && plain.open(server.url()));
        const QString longLine = QString(150, u'x');
        const qint64 question = bob->say(u"lobby"_s, longLine + u"\nsecond line"_s, u"b-1"_s);
        Send reply{u"a-1"_s, u"lobby"_s, {}, u"yes"_s, MessageKind::Text};
        reply.replyTo = question;
        ada->send(reply);
        QCOMPARE(ada->outcomeOf(u"a-1"_s), QString());
        const auto seen = bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.id == u"a-1"; });
        QVERIFY(seen);
        QCOMPARE(seen->message.replyTo, question);
        QCOMPARE(seen->message.replyFrom, u"bob"_s);
        QCOMPARE(seen->message.replyText, QString(ReplyQuoteLength, u'x') + QChar(0x2026));
        QVERIFY(plain.waitForLine(u"ada (reply to bob): yes"_s));

        // The quote follows an edit of the original, and keeps nothing once it is deleted.
        bob->send(revision(u"b-2"_s, MessageKind::Edit, question, u"shall we?\nmore"_s));
        QCOMPARE(bob->outcomeOf(u"b-2"_s), QString());
        QCOMPARE(page(*ada).at(1).replyText, u"shall we?"_s);
        bob->send(revision(u"b-3"_s, MessageKind::Delete, question));
        QCOMPARE(bob->outcomeOf(u"b-3"_s), QString());
        const ChatMessage quoted = page(*ada).at(1);
        QCOMPARE(quoted.replyTo, question);
        QVERIFY(quoted.replyText.isEmpty());

        // Nothing to answer: a deleted message, one that does not exist, or a reply that is an edit.
        reply.id = u"a-2"_s;
        ada->send(reply);
        QCOMPARE(ada->outcomeOf(u"a-2"_s), u"message_unknown"_s);
        reply.id = u"a-3"_s;
        reply.replyTo = 99;
        ada->send(reply);
        QCOMPARE(ada->outcomeOf(u"a-3"_s), u"message_unknown"_s);
        ada->sendText(uR"({"type":"send","id":"a-4","room":"lobby","kind":"delete","target":2,"replyTo":1})"_s);
        QCOMPARE(ada->outcomeOf(u"a-4"_s), u"bad_request"_s);
    }

    void guestsCannotChangeMessages()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient gina;
        QVERIFY(gina.enter(server.url(), u"gina"_s, {u"lobby"_s}));
        const qint64 seq = gina.say(u"lobby"_s, u"hi"_s, u"g-1"_s);
        gina.send(revision(u"g-2"_s, MessageKind::Edit, seq, u"hello"_s));
        QCOMPARE(gina.outcomeOf(u"g-2"_s), u"not_yours"_s);
    }

    void directMessagesCanBeChangedToo()
    {
        TestServer server;
        QVERIFY(server.start());
        auto ada = keyed(server.url(), u"ada"_s, IdentityKey::generate());
        auto bob = keyed(server.url(), u"bob"_s, IdentityKey::generate());
        QVERIFY(ada && bob);
        ada->send(Send{u"m-1"_s, {}, u"bob"_s, u"wrong person"_s, MessageKind::Text});
        const auto ack = ada->waitFor<Ack>();
        QVERIFY(ack);
        ada->send(revision(u"d-1"_s, MessageKind::Delete, ack->seq, {}, u"bob"_s));
        QCOMPARE(ada->outcomeOf(u"d-1"_s), QString());
        QVERIFY(
            bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.kind == MessageKind::Delete; }));
        // bob cannot take back what ada wrote to him.
        bob->send(revision(u"b-1"_s, MessageKind::Delete, ack->seq, {}, u"ada"_s));
        QCOMPARE(bob->outcomeOf(u"b-1"_s), u"not_yours"_s);
    }
};

QTEST_MAIN(TestRevisions)
#include "tst_revisions.moc"
