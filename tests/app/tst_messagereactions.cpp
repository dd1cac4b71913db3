// Reactions in the app: other people's and the user's own show live on the message they belong to (ReactionsRole),
// survive a restart through the cache, come right after time away, and a refused one is said.

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

const QString ThumbsUp = u"\U0001F44D"_s;
const QString Party = u"\U0001F389"_s;

React reaction(qint64 seq, const QString &emoji, bool on = true)
{
    return React{u"lobby"_s, {}, seq, emoji, on};
}

ReactionList reactionsAt(App &app, int row)
{
    return app.at(row, MessageModel::ReactionsRole).value<ReactionList>();
}

} // namespace

class TestMessageReactions : public QObject
{
    Q_OBJECT

private slots:
    void reactionsShowLiveAndSurviveARestart()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        auto bob = bobIn(server.url(), IdentityKey::generate());
        QVERIFY(bob);
        const qint64 seq = bob->say(u"lobby"_s, u"release is out"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 1);
        QVERIFY(reactionsAt(ada, 0).isEmpty());

        QSignalSpy changed(ada.lobby(), &MessageModel::dataChanged);
        bob->send(reaction(seq, ThumbsUp));
        QTRY_COMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 1, false}}));
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &arguments) {
            // Only the reactions changed, and what a screen reader reads of them.
            return arguments.at(2).value<QList<int>>()
                == QList<int>{MessageModel::ReactionsRole, Qt::AccessibleTextRole};
        }));

        ada.session->react(seq, ThumbsUp, true);
        ada.session->react(seq, Party, true);
        QTRY_COMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 2, true}, {Party, 1, true}}));
        ada.session->react(seq, Party, false);
        QTRY_COMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 2, true}}));
        QCOMPARE(ada.lobby()->rowCount(), 1); // reactions make no rows

        // A message after the changes follows them: nothing looks missed, nothing is fetched again.
        bob->say(u"lobby"_s, u"next"_s, u"b-2"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 2);
        QCOMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 2, true}}));

        // After a restart, before the network: the cache has them.
        ada.quit();
        ada.open();
        QTRY_COMPARE(ada.lobby()->rowCount(), 2);
        QCOMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 2, true}}));
    }

    void changesMadeWhileAwayComeWithTheReplay()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        auto bob = bobIn(server.url(), IdentityKey::generate());
        QVERIFY(bob);
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        const qint64 seq = bob->say(u"lobby"_s, u"lunch?"_s, u"b-1"_s);
        QTRY_COMPARE(ada.lobby()->rowCount(), 1);
        ada.session->react(seq, ThumbsUp, true);
        QTRY_COMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 1, true}}));
        ada.quit();

        bob->send(reaction(seq, ThumbsUp));
        bob->send(reaction(seq, Party));
        QVERIFY(bob->waitFor<ReactionEvent>([](const ReactionEvent &e) { return e.emoji != u"\U0001F44D"; }));
        QVERIFY(ada.start(server.url()));
        QTRY_COMPARE(reactionsAt(ada, 0), (ReactionList{{ThumbsUp, 2, true}, {Party, 1, false}}));
        QCOMPARE(ada.lobby()->rowCount(), 1);
    }

    void aRefusedReactionIsSaid()
    {
        QTemporaryDir dir;
        TestServer server;
        QVERIFY(server.start());
        App ada(dir.filePath(u"cache.sqlite"_s));
        QVERIFY(ada.start(server.url()));
        QSignalSpy notices(ada.session.get(), &ChatSession::noticeRaised);
        ada.session->react(99, ThumbsUp, true);
        QTRY_COMPARE(notices.size(), 1);
        ada.session->react(99, u"ok"_s, true);
        QTRY_COMPARE(notices.size(), 2);
        QVERIFY(notices.at(1).first().toString().contains(u"single emoji"_s));
    }

    void theModelKeepsCountsAndTheUsersOwn()
    {
        MessageModel model(ConversationId::room(u"lobby"_s));
        ChatMessage message;
        message.room = u"lobby"_s;
        message.from = u"bob"_s;
        message.id = u"b-1"_s;
        message.text = u"hi"_s;
        message.seq = 4;
        message.ts = 1000;
        message.reactions = {{ThumbsUp, 2, false}};
        model.addMessage(message);
        const auto reactions = [&model] {
            return model.index(0).data(MessageModel::ReactionsRole).value<ReactionList>();
        };
        QCOMPARE(reactions(), (ReactionList{{ThumbsUp, 2, false}}));
        QVERIFY(model.applyReaction(4, ThumbsUp, 3, true));
        QVERIFY(!model.applyReaction(4, ThumbsUp, 3, true)); // nothing changed
        QVERIFY(model.applyReaction(4, Party, 1, std::nullopt)); // someone else's
        QCOMPARE(reactions(), (ReactionList{{ThumbsUp, 3, true}, {Party, 1, false}}));
        QVERIFY(model.applyReaction(4, ThumbsUp, 0, false));
        QCOMPARE(reactions(), (ReactionList{{Party, 1, false}}));
        QVERIFY(!model.applyReaction(5, Party, 1, true)); // not loaded
        // The server's copy seen again says what is true now.
        message.reactions = {};
        model.addMessage(message);
        QVERIFY(reactions().isEmpty());
    }
};

QTEST_MAIN(TestMessageReactions)
#include "tst_messagereactions.moc"
