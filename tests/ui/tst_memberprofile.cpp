// The member list's profile: a keyed member's safety number (the same digits the protocol defines), a guest
// marked as one, writing to them from it, and the notice when a known name comes back with another key.

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "conversationheader.h"
#include "identityproof.h"
#include "memberdelegate.h"
#include "membermodel.h"
#include "memberpane.h"
#include "memberprofile.h"
#include "testclient.h"
#include "testserver.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Natter;

class TestMemberProfile : public QObject
{
    Q_OBJECT

private slots:
    void showsSafetyNumbersAndMarksGuests()
    {
        TestServer server;
        QVERIFY(server.start());
        const IdentityKey bobKey = IdentityKey::generate();
        const IdentityKey ownKey = IdentityKey::generate();
        TestClient bob;
        QVERIFY(bob.open(server.url()) && bob.signInWithKey(QStringLiteral("bob"), bobKey)
                && bob.joinRoom(QStringLiteral("lobby")));
        TestClient gina;
        QVERIFY(gina.enter(server.url(), QStringLiteral("gina"), {QStringLiteral("lobby")}));

        ChatClient client;
        ChatSession session(&client);
        client.setIdentity(ownKey);
        client.connectToServer(server.url(), QStringLiteral("Ada"));
        QTRY_COMPARE(session.current(), ConversationId::room(QStringLiteral("lobby")));
        MemberPane pane(&session);
        pane.setModel(session.members());
        QTRY_COMPARE(pane.list()->model()->rowCount(), 3);

        // The list itself marks the guest, for the eye and for screen readers.
        const auto row = [&](const QString &name) {
            const QModelIndexList found = session.members()->match(session.members()->index(0, 0),
                                                                   MemberModel::NameRole, name, 1, Qt::MatchExactly);
            return found.value(0);
        };
        QCOMPARE(row(QStringLiteral("gina")).data(MemberModel::GuestRole).toBool(), true);
        QCOMPARE(row(QStringLiteral("bob")).data(MemberModel::GuestRole).toBool(), false);
        QCOMPARE(row(QStringLiteral("Ada")).data(MemberModel::GuestRole).toBool(), false);
        QVERIFY(MemberDelegate::label(row(QStringLiteral("gina"))).contains(QStringLiteral("guest")));
        QCOMPARE(MemberDelegate::label(row(QStringLiteral("bob"))), QStringLiteral("bob"));
        QCOMPARE(row(QStringLiteral("gina")).data(Qt::AccessibleTextRole).toString(), QStringLiteral("gina, guest"));

        MemberProfile *profile = pane.showProfile(QStringLiteral("bob"));
        QCOMPARE(profile->safetyNumber(), Protocol::safetyNumber(bobKey.publicKey()));
        auto *number = profile->findChild<QLabel *>(QStringLiteral("safetyNumberLabel"));
        QVERIFY(number);
        QCOMPARE(number->text(), profile->safetyNumber());
        QCOMPARE(number->textFormat(), Qt::PlainText);
        QVERIFY(!profile->findChild<QLabel *>(QStringLiteral("guestLabel")));
        profile->findChild<QPushButton *>(QStringLiteral("messageButton"))->click();
        QCOMPARE(session.current(), ConversationId::direct(QStringLiteral("bob")));

        profile = pane.showProfile(QStringLiteral("gina"));
        QVERIFY(profile->safetyNumber().isEmpty());
        QVERIFY(profile->findChild<QLabel *>(QStringLiteral("guestLabel")));
        QVERIFY(!profile->findChild<QLabel *>(QStringLiteral("safetyNumberLabel")));
        profile->close();

        profile = pane.showProfile(QStringLiteral("Ada"));
        QCOMPARE(profile->safetyNumber(), Protocol::safetyNumber(ownKey.publicKey()));
        QVERIFY(!profile->findChild<QPushButton *>(QStringLiteral("messageButton")));
        profile->close();

        // The same name with another key (a server whose database was replaced, say) is worth a warning.
        QSignalSpy notices(&session, &ChatSession::noticeRaised);
        emit client.presenceChanged(Protocol::Presence{QStringLiteral("lobby"),
                                                       QStringLiteral("bob"),
                                                       Protocol::PresenceChange::Joined,
                                                       {},
                                                       IdentityKey::generate().publicKey()});
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(QStringLiteral("bob")));
        emit client.presenceChanged(Protocol::Presence{QStringLiteral("lobby"),
                                                       QStringLiteral("bob"),
                                                       Protocol::PresenceChange::Joined,
                                                       {},
                                                       session.keyOf(QStringLiteral("bob"))});
        QCOMPARE(notices.size(), 1); // once per change

        // Should the name ever come back without a key, the profile says guest, not the remembered number.
        const auto presence = [](Protocol::PresenceChange change) {
            Protocol::Presence event;
            event.room = QStringLiteral("lobby");
            event.name = QStringLiteral("bob");
            event.event = change;
            return event;
        };
        emit client.presenceChanged(presence(Protocol::PresenceChange::Left));
        emit client.presenceChanged(presence(Protocol::PresenceChange::Joined));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(row(QStringLiteral("bob")).data(MemberModel::GuestRole).toBool(), true); // in the direct conversation
        session.setCurrent(ConversationId::room(QStringLiteral("lobby")));
        QCOMPARE(row(QStringLiteral("bob")).data(MemberModel::GuestRole).toBool(), true);
        profile = pane.showProfile(QStringLiteral("bob"));
        QVERIFY(profile->safetyNumber().isEmpty());
        QVERIFY(profile->findChild<QLabel *>(QStringLiteral("guestLabel")));
    }

    void headerSaysWhetherMessagesWaitForSomeoneAway()
    {
        TestServer server;
        QVERIFY(server.start());
        auto bob = std::make_unique<TestClient>();
        QVERIFY(bob->open(server.url()) && bob->signInWithKey(QStringLiteral("bob"), IdentityKey::generate())
                && bob->joinRoom(QStringLiteral("lobby")));
        auto gina = std::make_unique<TestClient>();
        QVERIFY(gina->enter(server.url(), QStringLiteral("gina"), {QStringLiteral("lobby")}));

        ChatClient client;
        ChatSession session(&client);
        client.setIdentity(IdentityKey::generate());
        client.connectToServer(server.url(), QStringLiteral("Ada"));
        QTRY_COMPARE(session.members()->rowCount(), 3);
        ConversationHeader toBob;
        toBob.setConversation(session.conversation(ConversationId::direct(QStringLiteral("bob"))));
        ConversationHeader toGina;
        toGina.setConversation(session.conversation(ConversationId::direct(QStringLiteral("gina"))));
        QCOMPARE(toBob.subtitle(), QStringLiteral("online"));
        QCOMPARE(toGina.subtitle(), QStringLiteral("online"));

        bob.reset();
        gina.reset();
        // bob owns his name, so the server keeps what is written to him; a guest's name is nobody's.
        QTRY_VERIFY(toBob.subtitle().contains(QStringLiteral("when they are back")));
        QTRY_VERIFY(toGina.subtitle().contains(QStringLiteral("cannot reach them")));
    }

    void roomHeaderDoesNotPassAnOldCountOffAsCurrent()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient bob;
        QVERIFY(bob.enter(server.url(), QStringLiteral("bob"), {QStringLiteral("lobby")}));
        ChatClient client;
        ChatSession session(&client);
        client.connectToServer(server.url(), QStringLiteral("Ada"));
        QTRY_COMPARE(session.members()->rowCount(), 2);
        ConversationHeader lobby;
        lobby.setConversation(session.conversation(ConversationId::room(QStringLiteral("lobby"))));
        // No translator is loaded here, so plurals read "member(s)".
        QCOMPARE(lobby.subtitle(), QStringLiteral("2 member(s)"));

        QVERIFY(server.stop());
        QTRY_COMPARE(lobby.subtitle(), QStringLiteral("2 member(s) when last connected"));
    }
};

QTEST_MAIN(TestMemberProfile)
#include "tst_memberprofile.moc"
