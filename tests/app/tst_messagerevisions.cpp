// Edits and deletions in the app: the user's own and other people's show in place (no new rows), survive a restart
// through the cache, arrive with the replay after time away, and a refused one is said and leaves nothing behind.

#include "chatclient.h"
#include "chatsession.h"
#include "clientcache.h"
#include "conversation.h"
#include "identitykey.h"
#include "messagemodel.h"
#include "restartableapp.h"
#include "testclient.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

using RestartableAppParts::Lobby;

using RestartableAppParts::App;
using RestartableAppParts::bobIn;

Send change(const QString &id, MessageKind kind, qint64 target, const QString &text = {})
{
    Send send;
    send.id = id;
    send.room = u"lobby"_s;
    send.kind = kind;
    send.target = target;
    send.text = text;
    return send;
}

} // namespace

class TestMessageRevisions : public QObject
{
    Q_OBJECT

private slots:
    void changesShowInPlaceAndSurviveARestart()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        auto bob = bobIn(server.url(), IdentityKey::generate());
        QVERIFY(bob);

        ada.session->send(u"helo"_s);
        QTRY_COMPARE(ada.at(0, MessageModel::SeqRole).toLongLong(), 1);
        QVERIFY(!ada.session->editMessage(1, u"hello"_s).isEmpty());
        QTRY_COMPARE(ada.at(0, MessageModel::TextRole).toString(), u"hello"_s);
        QVERIFY(ada.at(0, MessageModel::EditedRole).toBool());
        const auto seen =
            bob->waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.kind == MessageKind::Edit; });
        QVERIFY(seen && seen->message.target == 1);

        const qint64 bobs = bob->say(u"lobby"_s, u"a typo"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 2);
        bob->send(change(u"b-2"_s, MessageKind::Edit, bobs, u"no typo"_s));
        QTRY_COMPARE(ada.at(1, MessageModel::TextRole).toString(), u"no typo"_s);
        bob->send(change(u"b-3"_s, MessageKind::Delete, bobs));
        QTRY_VERIFY(ada.at(1, MessageModel::DeletedRole).toBool());
        QCOMPARE(ada.at(1, MessageModel::TextRole).toString(), QString());
        QCOMPARE(ada.lobby()->rowCount(), 2); // changes make no rows of their own
        QTest::qWait(100);
        QCOMPARE(ada.lobby()->rowCount(), 2);
        QCOMPARE(ada.session->conversation(Lobby)->unread(), 0);

        // After a restart, before the network: the cache has the changes.
        ada.quit();
        ada.open();
        QTRY_COMPARE(ada.lobby()->rowCount(), 2);
        QCOMPARE(ada.at(0, MessageModel::TextRole).toString(), u"hello"_s);
        QVERIFY(ada.at(0, MessageModel::EditedRole).toBool());
        QVERIFY(ada.at(1, MessageModel::DeletedRole).toBool());
        QCOMPARE(ada.at(1, MessageModel::TextRole).toString(), QString());
    }

    void aReplyKeepsItsQuoteAcrossARestart()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        auto bob = bobIn(server.url(), IdentityKey::generate());
        QVERIFY(bob);
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        const qint64 question = bob->say(u"lobby"_s, u"ready?"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 1);
        QVERIFY(!ada.session->reply(question, u"yes"_s).isEmpty());
        // At once, before the server answers: the pending row already quotes.
        QCOMPARE(ada.at(1, MessageModel::ReplyTextRole).toString(), u"ready?"_s);
        QTRY_COMPARE(ada.at(1, MessageModel::SeqRole).toLongLong(), question + 1);
        bob->send(change(u"b-2"_s, MessageKind::Edit, question, u"ready now?"_s));
        QTRY_COMPARE(ada.at(1, MessageModel::ReplyTextRole).toString(), u"ready now?"_s);

        ada.quit();
        ada.open();
        QTRY_COMPARE(ada.lobby()->rowCount(), 2);
        QCOMPARE(ada.at(1, MessageModel::ReplyToRole).toLongLong(), question);
        QCOMPARE(ada.at(1, MessageModel::ReplyFromRole).toString(), u"bob"_s);
        QCOMPARE(ada.at(1, MessageModel::ReplyTextRole).toString(), u"ready now?"_s);
    }

    void aChangeMadeWhileAwayComesWithTheReplay()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        auto bob = bobIn(server.url(), bobKey);
        QVERIFY(bob);
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        const qint64 bobs = bob->say(u"lobby"_s, u"meet at 3"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 1);
        ada.quit();
        bob->send(change(u"b-2"_s, MessageKind::Edit, bobs, u"meet at 4"_s));
        QCOMPARE(bob->outcomeOf(u"b-2"_s), QString());
        QVERIFY(ada.start(server.url()));
        QTRY_COMPARE(ada.at(0, MessageModel::TextRole).toString(), u"meet at 4"_s);
        QCOMPARE(ada.lobby()->rowCount(), 1);
    }

    void aRefusedChangeIsSaidAndLeavesNothingBehind()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        auto bob = bobIn(server.url(), IdentityKey::generate());
        QVERIFY(bob);
        const qint64 bobs = bob->say(u"lobby"_s, u"mine"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 1);
        QSignalSpy notices(ada.session.get(), &ChatSession::noticeRaised);
        QVERIFY(!ada.session->editMessage(bobs, u"yours"_s).isEmpty());
        QTRY_COMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(u"Only the person who sent"_s));
        QCOMPARE(ada.client->outbox().size(), 0);
        QCOMPARE(ada.lobby()->rowCount(), 1);
        QCOMPARE(ada.at(0, MessageModel::TextRole).toString(), u"mine"_s);
    }
};

QTEST_MAIN(TestMessageRevisions)
#include "tst_messagerevisions.moc"
