// The chat window over a real session and server, used the way a person would: what it says, where the focus
// goes, and how it fits on a small screen.

#include "chatclient.h"
#include "chatsession.h"
#include "composer.h"
#include "connectionbanner.h"
#include "conversation.h"
#include "conversationheader.h"
#include "infobar.h"
#include "mainwindow.h"
#include "membermodel.h"
#include "messageview.h"
#include "protocol.h"
#include "roomlistmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "windowedapp.h"

#include <QAccessible>
#include <QAction>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

const ConversationId Lobby = ConversationId::room(QStringLiteral("lobby"));

using App = WindowedApp;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void placeholderNamesTheConversationOnScreen()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        QCOMPARE(ada.placeholder(), QStringLiteral("Message #lobby"));
        ada.session.joinRoom(QStringLiteral("dev"));
        QTRY_COMPARE(ada.session.current(), ConversationId::room(QStringLiteral("dev")));
        QCOMPARE(ada.placeholder(), QStringLiteral("Message #dev"));
        QCOMPARE(ada.window.header()->title(), QStringLiteral("#dev"));
        ada.session.openDirect(QStringLiteral("Bob"));
        QCOMPARE(ada.placeholder(), QStringLiteral("Message Bob"));
        ada.session.setCurrent(Lobby);
        QCOMPARE(ada.placeholder(), QStringLiteral("Message #lobby"));
    }

    void draftsStayWithTheirConversation()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        QPlainTextEdit *editor = ada.window.composer()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("half a thought"));
        ada.session.openDirect(QStringLiteral("Bob"));
        QCOMPARE(editor->toPlainText(), QString());
        ada.session.setCurrent(Lobby);
        QCOMPARE(editor->toPlainText(), QStringLiteral("half a thought"));
    }

    void typingInTheMessageViewWritesAMessage()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        ada.window.messageView()->setFocus();
        QTest::keyClicks(ada.window.messageView(), QStringLiteral("hi"));
        QCOMPARE(ada.window.composer()->editor()->toPlainText(), QStringLiteral("hi"));
        QVERIFY(ada.window.composer()->editor()->hasFocus());
    }

    void bannerSaysWhyAndOffersAWayOut()
    {
        // A server that accepts and never answers: the window says it is connecting and offers Cancel.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        App ada;
        ada.client.connectToServer(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort())),
                                   QStringLiteral("Ada"));
        ada.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ada.window));
        ConnectionBanner *banner = ada.window.connectionBanner();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("Connecting")));
        auto *cancel = banner->findChild<QToolButton *>(QStringLiteral("cancelConnectButton"));
        QVERIFY(cancel && cancel->isVisible());
        QSignalSpy cancelled(&ada.window, &MainWindow::cancelConnectRequested);
        cancel->click();
        QCOMPARE(cancelled.size(), 1);

        // Not connected: no dead end, the banner offers to connect, and room browsing says why it cannot.
        ada.client.disconnectFromServer();
        QVERIFY(banner->text().contains(QStringLiteral("Not connected")));
        auto *elsewhere = banner->findChild<QToolButton *>(QStringLiteral("connectElsewhereButton"));
        QVERIFY(elsewhere && elsewhere->isVisible());
        QSignalSpy connectElsewhere(&ada.window, &MainWindow::connectElsewhereRequested);
        elsewhere->click();
        QCOMPARE(connectElsewhere.size(), 1);
        ada.action(QStringLiteral("Browse Rooms…"))->trigger();
        QVERIFY(ada.window.noticeBar()->isVisible());
        QVERIFY(ada.window.noticeBar()->text().contains(QStringLiteral("connected")));
    }

    void hostStoppingIsToldApartFromACrash()
    {
        TestServer server;
        QVERIFY(server.start());
        App bob;
        QVERIFY(bob.signIn(server.url(), QStringLiteral("Bob")));
        TestClient ada;
        QVERIFY(ada.enter(server.url(), QStringLiteral("Ada"), {lobbyRoom()}));
        QTRY_COMPARE(bob.session.members()->rowCount(), 2);
        ConnectionBanner *banner = bob.window.connectionBanner();
        QVERIFY(!banner->isVisible());

        QVERIFY(server.stop());
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("host stopped")), qPrintable(banner->text()));
        QVERIFY(banner->findChild<QToolButton *>(QStringLiteral("reconnectButton"))->isVisible());
        QCOMPARE(bob.session.members()->rowCount(), 0); // nobody can be seen while the host is gone
        QVERIFY(bob.window.messageView()->isEnabled()); // what was said stays readable

        QVERIFY(server.restart());
        QTRY_VERIFY(!banner->isVisible());
        QTRY_COMPARE(bob.session.members()->rowCount(), 1);
    }

    void aRememberedChatThatDoesNotAnswerIsWaitedFor()
    {
        // Going back to a chat on start (resume points from the cache) while its host is down: not an error
        // dialog, but the window with what it had and a banner that says the chat does not answer yet.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        App ada;
        QSignalSpy failed(&ada.client, &ChatClient::connectionFailed);
        ada.client.connectToServer(url, QStringLiteral("Ada"), {}, {ResumePoint{Lobby, 12}});
        ada.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ada.window));
        QTRY_COMPARE(ada.client.interruption(), ChatClient::Interruption::Unreachable);
        QCOMPARE(ada.client.state(), ChatClient::State::Reconnecting);
        QVERIFY(failed.isEmpty());
        ConnectionBanner *banner = ada.window.connectionBanner();
        QVERIFY2(banner->text().contains(QStringLiteral("does not answer yet")), qPrintable(banner->text()));
        QVERIFY(banner->findChild<QToolButton *>(QStringLiteral("reconnectButton"))->isVisible());
    }

    void refusalsAreShown()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxRoomsPerSession = 1;
        TestServer server(config);
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        ada.session.joinRoom(QStringLiteral("dev"));
        QTRY_VERIFY(ada.window.noticeBar()->isVisible());
        QVERIFY2(ada.window.noticeBar()->text().contains(QStringLiteral("#dev")),
                 qPrintable(ada.window.noticeBar()->text()));
        QCOMPARE(ada.session.current(), Lobby);
    }

    void fitsASmallScreen()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        for (const QSize size : {QSize(640, 480), QSize(480, 400)}) {
            ada.window.resize(size);
            QTRY_COMPARE(ada.window.size(), size);
            auto *list = ada.window.findChild<QListView *>(QStringLiteral("conversationList"));
            QVERIFY(list->width() <= size.width() / 4 + 10);
            QVERIFY(!list->horizontalScrollBar()->isVisible());
            // The messages get most of the width, and the composer keeps at least a full line.
            QVERIFY(ada.window.messageView()->width() >= size.width() / 2);
            const QPlainTextEdit *editor = ada.window.composer()->editor();
            QVERIFY(editor->height() >= editor->fontMetrics().lineSpacing());
        }
    }

    void everyPartHasANameForScreenReaders()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        ada.session.setTopic(lobbyRoom(), QStringLiteral("Say hi, see https://example.org"));
        QTRY_COMPARE(ada.window.header()->topic(), QStringLiteral("Say hi, see https://example.org"));
        QAccessible::setActive(true);
        const QList<QWidget *> parts{
            ada.window.header(),
            ada.window.header()->findChild<QWidget *>(QStringLiteral("conversationTopic")),
            ada.window.messageView(),
            ada.window.findChild<QListView *>(QStringLiteral("conversationList")),
            ada.window.findChild<QListView *>(QStringLiteral("memberList")),
            ada.window.composer()->editor(),
        };
        for (QWidget *part : parts) {
            QVERIFY(part);
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(part);
            QVERIFY(accessible);
            QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(), part->metaObject()->className());
        }
        QVERIFY(QAccessible::queryAccessibleInterface(ada.window.header())
                    ->text(QAccessible::Name)
                    .contains(QStringLiteral("#lobby")));
        QAccessible::setActive(false);
    }

    void keyboardMovesBetweenUnreadConversations()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url(), QStringLiteral("Ada")));
        TestClient bob;
        QVERIFY(bob.enter(server.url(), QStringLiteral("Bob"), {lobbyRoom(), QStringLiteral("dev")}));
        ada.session.joinRoom(QStringLiteral("dev"));
        QTRY_COMPARE(ada.session.current(), ConversationId::room(QStringLiteral("dev")));
        QVERIFY(bob.say(lobbyRoom(), QStringLiteral("psst")) > 0);
        QTRY_COMPARE(ada.session.conversations()->unread(Lobby), 1);
        ada.action(QStringLiteral("Next Unread Conversation"))->trigger();
        QCOMPARE(ada.session.current(), Lobby);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
