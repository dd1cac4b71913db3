// ServerFrameCheck: what a hostile or broken server sends that the app must not use.

#include "serverframecheck.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

ChatMessage message(const QString &from, const QString &room, qint64 seq)
{
    ChatMessage m;
    m.from = from;
    m.room = room;
    m.id = QStringLiteral("m");
    m.text = QStringLiteral("hi");
    m.seq = seq;
    return m;
}

} // namespace

class TestServerFrameCheck : public QObject
{
    Q_OBJECT

private slots:
    void acceptsWhatTheProtocolAllows()
    {
        QVERIFY(!ServerFrameCheck::problemWith(MessageEvent{message(QStringLiteral("Ada"), QStringLiteral("dev"), 1)}));
        ChatMessage direct = message(QStringLiteral("Ada"), {}, 7);
        direct.to = QStringLiteral("Bob");
        QVERIFY(!ServerFrameCheck::problemWith(MessageEvent{direct}));
        QVERIFY(!ServerFrameCheck::problemWith(
            TopicChanged{QStringLiteral("dev"), QStringLiteral("Release <b>Friday</b>"), QStringLiteral("Ada")}));
    }

    void refusesWhatCouldFakeOrBreakTheScreen_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("room");
        QTest::addColumn<qint64>("seq");
        QTest::newRow("bidi override in a name") << QStringLiteral("\u202Eevil") << QStringLiteral("dev") << qint64(1);
        QTest::newRow("zero-width name") << QStringLiteral("A\u200Bda") << QStringLiteral("dev") << qint64(1);
        QTest::newRow("empty name") << QString() << QStringLiteral("dev") << qint64(1);
        QTest::newRow("room with a slash") << QStringLiteral("Ada") << QStringLiteral("../etc") << qint64(1);
        QTest::newRow("upper-case room") << QStringLiteral("Ada") << QStringLiteral("Dev") << qint64(1);
        QTest::newRow("seq 0") << QStringLiteral("Ada") << QStringLiteral("dev") << qint64(0);
        QTest::newRow("negative seq") << QStringLiteral("Ada") << QStringLiteral("dev") << qint64(-5);
    }

    void refusesWhatCouldFakeOrBreakTheScreen()
    {
        QFETCH(QString, from);
        QFETCH(QString, room);
        QFETCH(qint64, seq);
        QVERIFY(ServerFrameCheck::problemWith(MessageEvent{message(from, room, seq)}));
        HistoryPage page;
        page.room = QStringLiteral("dev");
        page.messages = {message(QStringLiteral("Ada"), QStringLiteral("dev"), 1), message(from, room, seq)};
        QVERIFY(ServerFrameCheck::problemWith(page)); // one bad message spoils the page
    }

    void refusesABadWelcomePresenceOrTopic()
    {
        Welcome welcome;
        welcome.name = QStringLiteral("\u202Eevil");
        QVERIFY(ServerFrameCheck::problemWith(welcome));
        QVERIFY(ServerFrameCheck::problemWith(
            Presence{{}, QStringLiteral("Ada"), PresenceChange::Renamed, QStringLiteral("bad\nname"), {}}));
        QVERIFY(ServerFrameCheck::problemWith(
            TopicChanged{QStringLiteral("dev"), QStringLiteral("two\nlines"), QStringLiteral("Ada")}));
        QVERIFY(ServerFrameCheck::problemWith(Ack{QStringLiteral("id"), 0, 0, QStringLiteral("dev"), {}}));
    }

    void refusesReactionsThatAreNotOneEmojiOrFakeAName()
    {
        const QString thumbs = QStringLiteral("\U0001F44D");
        ChatMessage reacted = message(QStringLiteral("Ada"), QStringLiteral("dev"), 1);
        reacted.reactions = {{thumbs, 2, true}};
        QVERIFY(!ServerFrameCheck::problemWith(MessageEvent{reacted}));
        reacted.reactions = {{QStringLiteral("\u202Eevil"), 1, false}};
        QVERIFY(ServerFrameCheck::problemWith(MessageEvent{reacted}));
        reacted.reactions = {};
        for (int i = 0; i <= ServerFrameCheck::MaxReactionsPerMessage; ++i)
            reacted.reactions.append({thumbs, 1, false});
        QVERIFY(ServerFrameCheck::problemWith(MessageEvent{reacted}));

        const ReactionEvent fine{QStringLiteral("dev"), {}, 1, thumbs, 1, QStringLiteral("Ada"), true, 2};
        QVERIFY(!ServerFrameCheck::problemWith(fine));
        ReactionEvent fake = fine;
        fake.by = QStringLiteral("A\u200Bda");
        QVERIFY(ServerFrameCheck::problemWith(fake));
        ReactionEvent text = fine;
        text.emoji = QStringLiteral("lol");
        QVERIFY(ServerFrameCheck::problemWith(text));

        ReactorList names{QStringLiteral("dev"), {}, 1, thumbs, {QStringLiteral("Ada"), QStringLiteral("Bob")}, 2};
        QVERIFY(!ServerFrameCheck::problemWith(names));
        names.names.append(QStringLiteral("\u202Eevil"));
        QVERIFY(ServerFrameCheck::problemWith(names));
    }

    void keepsOnlyValidRooms()
    {
        const QList<RoomSummary> rooms =
            ServerFrameCheck::acceptableRooms({{QStringLiteral("dev"), QStringLiteral("ok"), 3},
                                               {QStringLiteral("../x"), {}, 1},
                                               {QStringLiteral("ops"), QStringLiteral("two\nlines"), 1},
                                               {QStringLiteral("lobby"), {}, -4}});
        QCOMPARE(rooms.size(), 2);
        QCOMPARE(rooms.at(0).name, QStringLiteral("dev"));
        QCOMPARE(rooms.at(1).members, 0); // a negative count is none
    }

    void keepsOnlyValidMemberNames()
    {
        QCOMPARE(ServerFrameCheck::acceptableNames(
                     {QStringLiteral("Ada"), QStringLiteral("\u202Eevil"), QString(), QStringLiteral("Bob")}),
                 (QStringList{QStringLiteral("Ada"), QStringLiteral("Bob")}));
    }
};

QTEST_GUILESS_MAIN(TestServerFrameCheck)
#include "tst_serverframecheck.moc"
