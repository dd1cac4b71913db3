// Message search in the chat window over a real session and server: Ctrl+F, the hits, and opening one whether it
// is loaded already or only on the server (an excerpt under a bar that leads back to the newest messages).

#include "chatclient.h"
#include "chatsession.h"
#include "composer.h"
#include "conversation.h"
#include "infobar.h"
#include "mainwindow.h"
#include "memberpane.h"
#include "messagejump.h"
#include "messagemodel.h"
#include "messageview.h"
#include "searchpanel.h"
#include "searchresultsmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "windowedapp.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

namespace {
const ConversationId Lobby = ConversationId::room(u"lobby"_s);
constexpr int Notes = 200;

struct App : WindowedApp
{
    int rowOfHit(qint64 seq) const
    {
        const SearchResultsModel *results = window.searchPanel()->results();
        for (int row = 0; row < results->rowCount(); ++row) {
            if (results->seqAt(row) == seq)
                return row;
        }
        return -1;
    }
    // The selected message is on screen once the view has settled.
    bool currentIsOnScreen() const
    {
        QTest::qWait(100);
        const MessageView *view = window.messageView();
        return view->currentIndex().isValid()
            && view->viewport()->rect().intersects(view->visualRect(view->currentIndex()));
    }
    qint64 currentSeq() const { return window.messageView()->currentIndex().data(MessageModel::SeqRole).toLongLong(); }
};
} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_bob = std::make_unique<TestClient>();
        QVERIFY(m_bob->enter(m_server.url(), u"Bob"_s, {u"lobby"_s}));
        for (int i = 1; i <= Notes; ++i)
            QCOMPARE(m_bob->say(u"lobby"_s, u"note %1 <b>plain</b>"_s.arg(i), u"n-%1"_s.arg(i)), qint64(i));
    }

    void ctrlFSearchesTheOpenConversation()
    {
        App ada;
        QVERIFY(ada.signIn(m_server.url(), u"Ada"_s));
        SearchPanel *panel = ada.window.searchPanel();
        QVERIFY(!panel->isVisible());
        QAction *find = ada.action(u"Find in Conversation…"_s);
        QVERIFY(find);
        QCOMPARE(find->shortcut(), QKeySequence(u"Ctrl+F"_s));
        find->trigger();
        QVERIFY(panel->isVisible());
        QTRY_VERIFY(panel->field()->hasFocus());
        QVERIFY(!ada.window.findChild<MemberPane *>()->isVisible()); // the hits take its place
        QCOMPARE(panel->findChild<QComboBox *>()->currentText(), u"In #lobby"_s);

        QTest::keyClicks(panel->field(), u"plain"_s);
        QTest::keyClick(panel->field(), Qt::Key_Return);
        QTRY_COMPARE(panel->results()->state(), SearchResultsModel::State::Done);
        QCOMPARE(panel->results()->scope(), Lobby);
        QCOMPARE(panel->results()->rowCount(), SearchResultsModel::PageLimit);
        QCOMPARE(panel->statusLabel()->textFormat(), Qt::PlainText);
        QVERIFY(panel->statusLabel()->text().contains(u"50"_s));
        // The snippet keeps the markup as text, with the word found in it.
        const QModelIndex first = panel->results()->index(0);
        QVERIFY(first.data(SearchResultsModel::SnippetRole).toString().contains(u"<b>plain</b>"_s));
        QVERIFY(!panel->list()->grab().isNull()); // paints

        // Down from the field goes into the hits; Escape closes and gives the members back.
        QTest::keyClick(panel->field(), Qt::Key_Down);
        QVERIFY(panel->list()->hasFocus());
        QCOMPARE(panel->list()->currentIndex().row(), 0);
        QTest::keyClick(panel->list(), Qt::Key_Escape);
        QVERIFY(!panel->isVisible());
        QVERIFY(ada.window.findChild<MemberPane *>()->isVisible());

        ada.action(u"Find in All Conversations…"_s)->trigger();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->findChild<QComboBox *>()->currentText(), u"Everywhere"_s);
        QTRY_COMPARE(panel->results()->state(), SearchResultsModel::State::Done);
        QVERIFY(!panel->results()->scope().isValid());
    }

    void anOldHitOpensInAnExcerptAndANewOneInPlace()
    {
        App ada;
        QVERIFY(ada.signIn(m_server.url(), u"Ada"_s));
        MessageModel *newest = ada.session.currentConversation()->messages();
        QTRY_VERIFY(newest->containsSeq(Notes));
        QVERIFY(!newest->containsSeq(7));
        ada.action(u"Find in Conversation…"_s)->trigger();
        SearchPanel *panel = ada.window.searchPanel();
        QTest::keyClicks(panel->field(), u"7"_s);
        QTest::keyClick(panel->field(), Qt::Key_Return);
        QTRY_COMPARE(panel->results()->state(), SearchResultsModel::State::Done);
        const int oldHit = ada.rowOfHit(7);
        QVERIFY(oldHit >= 0);

        emit panel->list()->activated(panel->results()->index(oldHit));
        InfoBar *bar = ada.window.messageJump()->bar();
        QTRY_VERIFY(ada.window.messageJump()->isShowingExcerpt());
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().contains(u"#lobby"_s));
        QVERIFY(ada.window.messageView()->messageModel() != newest);
        QVERIFY(ada.window.messageView()->messageModel()->containsSeq(7));
        QCOMPARE(ada.currentSeq(), qint64(7));
        QVERIFY(ada.currentIsOnScreen());

        bar->findChild<QToolButton *>(u"backToNewestButton"_s)->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(ada.window.messageView()->messageModel(), newest);
        QVERIFY(!ada.window.messageJump()->isShowingExcerpt());

        // A hit among the messages already shown is selected where it is.
        panel->field()->setText(u"197"_s);
        QTest::keyClick(panel->field(), Qt::Key_Return);
        QTRY_COMPARE(panel->results()->query(), u"197"_s);
        QTRY_COMPARE(panel->results()->state(), SearchResultsModel::State::Done);
        const int newHit = ada.rowOfHit(197);
        QVERIFY(newHit >= 0);
        // From another conversation: the hit's conversation opens with the hit on screen.
        ada.session.openDirect(u"Bob"_s);
        QTRY_COMPARE(ada.session.current(), ConversationId::direct(u"Bob"_s));
        emit panel->list()->activated(panel->results()->index(newHit));
        QCOMPARE(ada.session.current(), Lobby);
        QCOMPARE(ada.window.messageView()->messageModel(), newest);
        QVERIFY(!ada.window.messageJump()->isShowingExcerpt());
        QCOMPARE(ada.currentSeq(), qint64(197));
        QVERIFY(ada.currentIsOnScreen());

        // Sending from an excerpt goes back to the newest messages, where the message shows.
        emit ada.window.searchPanel()->hitChosen(Lobby, 7);
        QTRY_VERIFY(ada.window.messageJump()->isShowingExcerpt());
        ada.window.composer()->editor()->setPlainText(u"back again"_s);
        QTest::keyClick(ada.window.composer()->editor(), Qt::Key_Return);
        QCOMPARE(ada.window.messageView()->messageModel(), newest);
        QVERIFY(!bar->isVisible());
    }

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_bob;
};

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
