// What a server says (its name, a topic, a member's name) is shown as the text it is, never as HTML, wherever the
// window shows it.

#include "conversation.h"
#include "linklabel.h"
#include "membermodel.h"
#include "protocol.h"
#include "scriptedserver.h"
#include "windowedapp.h"

#include <QLabel>
#include <QStatusBar>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;
using namespace Qt::StringLiterals;

class TestServerText : public QObject
{
    Q_OBJECT

private slots:
    void markupFromTheServerShowsLiterally()
    {
        ScriptedServer server;
        server.info().name = u"<b>Evil</b> <img src=x> server"_s;
        QVERIFY(server.listen());
        WindowedApp app;
        QVERIFY(app.signIn(server.url(), u"me"_s));
        const QString topic = u"<h1>Big</h1> <a href=\"http://example.org\">click</a>"_s;
        const QString member = u"<i>Mallory</i>"_s;
        server.send(TopicChanged{lobbyRoom(), topic, u"server"_s});
        server.send(Presence{lobbyRoom(), member, PresenceChange::Joined, {}, {}});
        const Conversation *lobby = app.session.find(ConversationId::room(lobbyRoom()));
        QTRY_VERIFY(lobby->members()->contains(member));
        QTRY_COMPARE(lobby->topic(), topic);

        // The status bar names the server.
        auto *connection = app.window.statusBar()->findChild<QLabel *>(u"connectionLabel"_s);
        QVERIFY(connection);
        QTRY_VERIFY(connection->text().contains(server.info().name));
        QCOMPARE(connection->textFormat(), Qt::PlainText);
        auto *topicLabel = app.window.findChild<LinkLabel *>(u"conversationTopic"_s);
        QVERIFY(topicLabel);
        QCOMPARE(topicLabel->text(), topic);

        // Every label that shows any of it shows it as plain text.
        int shown = 0;
        for (const QLabel *label : app.window.findChildren<QLabel *>()) {
            if (label->text().contains(u'<')) {
                ++shown;
                QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
            }
        }
        QVERIFY(shown >= 1);
    }
};

QTEST_MAIN(TestServerText)
#include "tst_servertext.moc"
