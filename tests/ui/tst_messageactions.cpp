// Editing and deleting one's own messages through the window: Up in an empty composer, the message's menu, Esc to
// give up (the draft comes back), and a question before a delete; answering and reacting to any message.

#include "chatclient.h"
#include "chatsession.h"
#include "composer.h"
#include "conversation.h"
#include "emojipicker.h"
#include "identitykey.h"
#include "mainwindow.h"
#include "messageactions.h"
#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemodel.h"
#include "messageview.h"
#include "reactionbar.h"
#include "testclient.h"
#include "testserver.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {

const ConversationId Lobby = ConversationId::room(u"lobby"_s);

struct App
{
    ChatClient client;
    ChatSession session{&client};
    MainWindow window{&session};

    bool signIn(const QUrl &url)
    {
        client.setIdentity(IdentityKey::generate());
        client.connectToServer(url, u"ada"_s);
        window.show();
        return QTest::qWaitForWindowExposed(&window)
            && TestClient::waitUntil([this] { return session.current() == Lobby; }, 5000);
    }
    QPlainTextEdit *editor() const { return window.composer()->editor(); }
    QVariant at(int row, int role) { return session.messages(Lobby)->index(row).data(role); }
    QMenu *menuAt(int row)
    {
        MessageView *view = window.messageView();
        const QPoint pos = view->visualRect(view->model()->index(row, 0)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &event);
        const auto menus = view->findChildren<QMenu *>(u"messageMenu"_s);
        for (QMenu *menu : menus) {
            if (menu->isVisible())
                return menu;
        }
        return nullptr;
    }
};

} // namespace

class TestMessageActions : public QObject
{
    Q_OBJECT

private slots:
    void upEditsTheLastMessageAndEscGivesUp()
    {
        TestServer server;
        QVERIFY(server.start());
        App ada;
        QVERIFY(ada.signIn(server.url()));
        QTest::keyClicks(ada.editor(), u"first"_s);
        QTest::keyClick(ada.editor(), Qt::Key_Return);
        QTest::keyClicks(ada.editor(), u"teh second"_s);
        QTest::keyClick(ada.editor(), Qt::Key_Return);
        QTRY_COMPARE(ada.at(1, MessageModel::SeqRole).toLongLong(), 2);

        QTest::keyClick(ada.editor(), Qt::Key_Up);
        QCOMPARE(ada.window.composer()->editingSeq(), 2);
        QCOMPARE(ada.editor()->toPlainText(), u"teh second"_s);
        QVERIFY(ada.window.composer()->findChild<QWidget *>(u"editBar"_s)->isVisible());
        QTest::keyClick(ada.editor(), Qt::Key_Escape);
        QCOMPARE(ada.window.composer()->editingSeq(), 0);
        QVERIFY(ada.editor()->toPlainText().isEmpty());

        // A draft set aside for the edit comes back after it.
        QTest::keyClicks(ada.editor(), u"half a thought"_s);
        ada.window.messageActions()->editLast();
        ada.editor()->selectAll();
        QTest::keyClicks(ada.editor(), u"the second"_s);
        QTest::keyClick(ada.editor(), Qt::Key_Return);
        QCOMPARE(ada.editor()->toPlainText(), u"half a thought"_s);
        QTRY_COMPARE(ada.at(1, MessageModel::TextRole).toString(), u"the second"_s);
        QVERIFY(ada.at(1, MessageModel::EditedRole).toBool());
        QCOMPARE(ada.session.messages(Lobby)->rowCount(), 2);
        QCOMPARE(ada.session.currentConversation()->draft(), u"half a thought"_s);
    }

    void theMenuOffersEditAndDeleteForOwnMessagesOnly()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"bob"_s, {u"lobby"_s}));
        App ada;
        QVERIFY(ada.signIn(server.url()));
        bob.say(u"lobby"_s, u"bob's words"_s);
        QTRY_COMPARE(ada.session.messages(Lobby)->rowCount(), 1);
        QTest::keyClicks(ada.editor(), u"regrettable"_s);
        QTest::keyClick(ada.editor(), Qt::Key_Return);
        QTRY_COMPARE(ada.at(1, MessageModel::SeqRole).toLongLong(), 2);

        QMenu *others = ada.menuAt(0);
        QVERIFY(others);
        QVERIFY(!others->findChild<QAction *>(u"editMessageAction"_s));
        QVERIFY(!others->findChild<QAction *>(u"deleteMessageAction"_s));
        others->close();

        QMenu *own = ada.menuAt(1);
        QVERIFY(own);
        QAction *remove = nullptr;
        for (QAction *action : own->actions()) {
            if (action->objectName() == u"deleteMessageAction")
                remove = action;
        }
        QVERIFY(remove);
        remove->trigger();
        own->close();
        QMessageBox *question = ada.window.messageActions()->deleteQuestion();
        QVERIFY(question && question->isVisible());
        question->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
        QTRY_VERIFY(ada.at(1, MessageModel::DeletedRole).toBool());
        QVERIFY(bob.waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.kind == MessageKind::Delete; }));

        // A deleted message offers nothing more to change.
        QMenu *gone = ada.menuAt(1);
        QVERIFY(gone);
        bool editable = false;
        for (QAction *action : gone->actions())
            editable = editable || action->objectName() == u"editMessageAction";
        QVERIFY(!editable);
        gone->close();
    }

    void aReplyQuotesItsMessage()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        TestClient bob;
        QVERIFY(bob.open(server.url()) && bob.signInWithKey(u"bob"_s, bobKey) && bob.joinRoom(u"lobby"_s));
        App ada;
        QVERIFY(ada.signIn(server.url()));
        const qint64 question = bob.say(u"lobby"_s, u"lunch at noon?\nor later"_s);
        QTRY_COMPARE(ada.session.messages(Lobby)->rowCount(), 1);

        QMenu *menu = ada.menuAt(0);
        QVERIFY(menu);
        QAction *reply = menu->findChild<QAction *>(u"replyAction"_s);
        for (QAction *action : menu->actions()) {
            if (action->objectName() == u"replyAction")
                reply = action;
        }
        QVERIFY(reply);
        reply->trigger();
        menu->close();
        QCOMPARE(ada.window.composer()->replyingTo(), question);
        QVERIFY(ada.window.composer()->findChild<QWidget *>(u"editBar"_s)->isVisible());
        // Esc writes a plain message instead, and keeps what was typed.
        QTest::keyClicks(ada.editor(), u"noon works"_s);
        QTest::keyClick(ada.editor(), Qt::Key_Escape);
        QCOMPARE(ada.window.composer()->replyingTo(), 0);
        QCOMPARE(ada.editor()->toPlainText(), u"noon works"_s);
        ada.window.messageActions()->replyTo(question);
        QTest::keyClick(ada.editor(), Qt::Key_Return);

        QTRY_COMPARE(ada.at(1, MessageModel::SeqRole).toLongLong(), question + 1);
        QCOMPARE(ada.at(1, MessageModel::ReplyToRole).toLongLong(), question);
        QCOMPARE(ada.at(1, MessageModel::ReplyFromRole).toString(), u"bob"_s);
        QCOMPARE(ada.at(1, MessageModel::ReplyTextRole).toString(), u"lunch at noon?"_s);
        const auto seen = bob.waitFor<MessageEvent>([](const MessageEvent &e) { return e.message.from == u"ada"; });
        QVERIFY(seen && seen->message.replyTo == question && seen->message.text == u"noon works");

        // Clicking the quote shows the message it answers.
        MessageView *view = ada.window.messageView();
        const QRect answer = view->visualRect(view->model()->index(1, 0));
        bool shown = false;
        for (int y = answer.top(); !shown && y < answer.bottom(); y += 2) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(answer.left() + 120, y));
            shown = view->currentIndex().row() == 0;
        }
        QVERIFY(shown);

        // The quote follows the original: when bob takes it back, the answer no longer quotes it.
        Send take;
        take.id = u"b-x"_s;
        take.room = u"lobby"_s;
        take.kind = MessageKind::Delete;
        take.target = question;
        bob.send(take);
        QTRY_VERIFY(ada.at(1, MessageModel::ReplyTextRole).toString().isEmpty());
        QCOMPARE(ada.at(1, MessageModel::ReplyToRole).toLongLong(), question);
    }

    void reactingFromTheMenuAChipAndItsTooltip()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"bob"_s, {u"lobby"_s}));
        App ada;
        QVERIFY(ada.signIn(server.url()));
        bob.say(u"lobby"_s, u"react to me"_s);
        QTRY_COMPARE(ada.session.messages(Lobby)->rowCount(), 1);
        QVERIFY(ada.window.messageView()->reactionsEnabled()); // the test server lists "react"

        // The menu's React submenu puts the emoji on the message, for everyone.
        const QString party = u"\U0001F389"_s;
        QMenu *menu = ada.menuAt(0);
        QVERIFY(menu);
        auto *react = menu->findChild<QMenu *>(u"reactMenu"_s);
        QVERIFY(react);
        const QList<QAction *> actions = react->actions();
        const auto partyAction = std::find_if(actions.cbegin(), actions.cend(),
                                              [&party](const QAction *action) { return action->data() == party; });
        QVERIFY(partyAction != actions.cend());
        (*partyAction)->trigger();
        menu->close();
        const auto reactions = [&ada] { return ada.at(0, MessageModel::ReactionsRole).value<ReactionList>(); };
        QTRY_COMPARE(reactions(), ReactionList({{party, 1, true}}));

        React same;
        same.room = u"lobby"_s;
        same.seq = 1;
        same.emoji = party;
        bob.send(same);
        QTRY_COMPARE(reactions(), ReactionList({{party, 2, true}}));

        // A click on the chip takes ada's back.
        MessageView *view = ada.window.messageView();
        const QModelIndex index = view->model()->index(0, 0);
        const auto chipCenter = [view, index] {
            const MessageLayout layout(MessageFonts(view->font()), view->visualRect(index),
                                       MessageRow::fromIndex(index), MessageLayout::Purpose::Measure);
            return layout.chips.isEmpty() ? QPoint() : layout.chips.constFirst().rect.center();
        };
        QTRY_VERIFY(!chipCenter().isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, chipCenter());
        QTRY_COMPARE(reactions(), ReactionList({{party, 1, false}}));

        // Resting on the chip asks who reacted and names them.
        QHelpEvent hover(QEvent::ToolTip, chipCenter(), view->viewport()->mapToGlobal(chipCenter()));
        QApplication::sendEvent(view->viewport(), &hover);
        QTRY_VERIFY(QToolTip::text().contains(u"bob"_s));
        QToolTip::hideText();
    }

    void aFullMessageIsOfferedNoNewEmoji()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxReactionsPerMessage = 1;
        TestServer server(config);
        QVERIFY(server.start());
        TestClient bob;
        QVERIFY(bob.enter(server.url(), u"bob"_s, {u"lobby"_s}));
        App ada;
        QVERIFY(ada.signIn(server.url()));
        QCOMPARE(ada.window.messageView()->reactionLimit(), 1); // as the server announced
        bob.say(u"lobby"_s, u"one emoji only"_s);
        QTRY_COMPARE(ada.session.messages(Lobby)->rowCount(), 1);
        const QString there = EmojiPicker::frequent().first();
        React reaction;
        reaction.room = u"lobby"_s;
        reaction.seq = 1;
        reaction.emoji = there;
        bob.send(reaction);
        QTRY_COMPARE(ada.at(0, MessageModel::ReactionsRole).value<ReactionList>().size(), 1);

        // The menu: the emoji already there can still be added to; the others, and the picker, say why they cannot.
        QMenu *menu = ada.menuAt(0);
        QVERIFY(menu);
        auto *react = menu->findChild<QMenu *>(u"reactMenu"_s);
        QVERIFY(react);
        int refused = 0;
        for (const QAction *action : react->findChildren<QAction *>(u"reactWith"_s)) {
            QCOMPARE(action->isEnabled(), action->data() == there);
            if (!action->isEnabled()) {
                QVERIFY(action->toolTip().contains(u"1"_s));
                ++refused;
            }
        }
        QVERIFY(refused > 0);
        const auto *more = react->findChild<QAction *>(u"reactMore"_s);
        QVERIFY(more && !more->isEnabled() && !more->toolTip().isEmpty());
        menu->close();

        // The bar over the message under the pointer: the same.
        MessageView *view = ada.window.messageView();
        ReactionBar *bar = view->reactionBar();
        bar->follow(view->visualRect(view->model()->index(0, 0)).center());
        QVERIFY(bar->isVisible());
        for (const QToolButton *button : bar->findChildren<QToolButton *>(u"quickReaction"_s)) {
            QCOMPARE(button->isEnabled(), button->text() == there);
            QCOMPARE(button->toolTip().isEmpty(), button->text() == there);
        }
        QVERIFY(!bar->findChild<QToolButton *>(u"moreReactions"_s)->isEnabled());
    }
};

QTEST_MAIN(TestMessageActions)
#include "tst_messageactions.moc"
