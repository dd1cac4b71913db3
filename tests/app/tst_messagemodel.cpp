// Proves what a user sees in one conversation's message list: order, local echo, delivery states, history
// pages, grouping and day separators, and that views are told about each change precisely.

#include "messagemodel.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;
using Natter::Protocol::ChatMessage;
using Natter::Protocol::MessageKind;
using State = MessageModel::DeliveryState;

namespace {

constexpr qint64 Minute = qint64(60) * 1000;

// A local time in May, far from DST changes.
qint64 localMs(int day, int hour, int minute)
{
    return QDateTime(QDate(2024, 5, day), QTime(hour, minute)).toMSecsSinceEpoch();
}

const qint64 noon = localMs(14, 12, 0); // far from midnight

ChatMessage message(qint64 seq, const QString &from, qint64 ts = noon, MessageKind kind = MessageKind::Text,
                    const QString &id = {})
{
    ChatMessage m;
    m.room = u"dev"_s;
    m.seq = seq;
    m.from = from;
    m.id = id.isEmpty() ? u"id-%1"_s.arg(seq) : id;
    m.text = u"text %1"_s.arg(seq);
    m.kind = kind;
    m.ts = ts;
    return m;
}

ChatMessage said(qint64 seq, const QString &from, const QString &text)
{
    ChatMessage m = message(seq, from);
    m.text = text;
    return m;
}

QList<ChatMessage> page(qint64 firstSeq, qint64 lastSeq)
{
    QList<ChatMessage> messages;
    for (qint64 seq = firstSeq; seq <= lastSeq; ++seq)
        messages.append(message(seq, u"alice"_s, noon + seq * Minute));
    return messages;
}

// Every model in these tests is watched by Qt's model tester, which fails the test on any inconsistency.
struct Checked
{
    MessageModel model{ConversationId::room(u"dev"_s)};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy inserted{&model, &QAbstractItemModel::rowsInserted};
    QSignalSpy moved{&model, &QAbstractItemModel::rowsMoved};
    QSignalSpy changed{&model, &QAbstractItemModel::dataChanged};

    QVariant at(int row, int role) const { return model.data(model.index(row), role); }
    qint64 seq(int row) const { return at(row, MessageModel::SeqRole).toLongLong(); }
    State state(int row) const { return static_cast<State>(at(row, MessageModel::StateRole).toInt()); }
    QList<qint64> seqs() const
    {
        QList<qint64> result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(seq(row));
        return result;
    }
    void clearSpies()
    {
        for (QSignalSpy *spy : {&inserted, &moved, &changed})
            spy->clear();
    }
    // The (first, last) rows of the one insertion that happened.
    std::pair<int, int> insertedRange() const
    {
        return inserted.size() == 1 ? std::pair{inserted.at(0).at(1).toInt(), inserted.at(0).at(2).toInt()}
                                    : std::pair{-1, -1};
    }
    // row -> roles of every dataChanged since the last clearSpies(); each signal covers one row.
    QMap<int, QSet<int>> changes() const
    {
        QMap<int, QSet<int>> result;
        for (const QList<QVariant> &signal : changed) {
            const int row = signal.at(0).toModelIndex().row();
            const auto roles = signal.at(2).value<QList<int>>();
            if (row != signal.at(1).toModelIndex().row() || result.contains(row))
                return {{-1, {}}};
            result.insert(row, QSet<int>(roles.cbegin(), roles.cend()));
        }
        return result;
    }
};

const QSet<int> sentRoles{MessageModel::StateRole, MessageModel::SeqRole, MessageModel::TimestampRole};

} // namespace

class TestMessageModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsInSeqOrder()
    {
        Checked c;
        for (qint64 seq = 1; seq <= 3; ++seq) {
            c.clearSpies();
            c.model.addMessage(message(seq, u"alice"_s, noon + seq * Minute));
            QCOMPARE(c.insertedRange(), std::pair(int(seq - 1), int(seq - 1)));
        }
        QCOMPARE(c.seqs(), (QList<qint64>{1, 2, 3}));
        QCOMPARE(c.at(1, MessageModel::SenderRole).toString(), u"alice"_s);
        QCOMPARE(c.at(1, MessageModel::TextRole).toString(), u"text 2"_s);
        QCOMPARE(c.at(1, MessageModel::TimestampRole).toDateTime(), QDateTime::fromMSecsSinceEpoch(noon + 2 * Minute));
        QCOMPARE(c.at(1, MessageModel::TimestampRole).toDateTime().timeSpec(), Qt::LocalTime);
        QCOMPARE(c.state(1), State::Sent);
        QCOMPARE(c.model.oldestSeq(), 1);
        QCOMPARE(c.model.newestSeq(), 3);
    }

    void insertsLateMessageInPlaceAndIgnoresDuplicateSeq()
    {
        Checked c;
        c.model.addMessage(message(1, u"alice"_s));
        c.model.addMessage(message(3, u"alice"_s));
        c.clearSpies();
        c.model.addMessage(message(2, u"alice"_s));
        QCOMPARE(c.insertedRange(), std::pair(1, 1));
        QCOMPARE(c.seqs(), (QList<qint64>{1, 2, 3}));

        c.clearSpies();
        c.model.addMessage(message(2, u"alice"_s)); // the same seq again, e.g. replayed: ignored
        QCOMPARE(c.model.rowCount(), 3);
        QCOMPARE(c.inserted.size() + c.changed.size(), 0);
    }

    void confirmedMessageGoesBeforePending()
    {
        Checked c;
        c.model.addPending(u"p1"_s, u"me"_s, u"hello"_s, MessageKind::Text);
        c.clearSpies();
        c.model.addMessage(message(5, u"bob"_s, QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(c.insertedRange(), std::pair(0, 0));
        QCOMPARE(c.at(1, MessageModel::IdRole).toString(), u"p1"_s);
        QCOMPARE(c.state(1), State::Pending);
        // The pending row is no longer the first row of the list, but still the first of its sender.
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{1, {MessageModel::DayChangeRole}}}));
    }

    void mergesLocalEchoByMessage()
    {
        Checked c;
        c.model.setOwnName(u"Me"_s);
        c.model.addPending(u"p1"_s, u"Me"_s, u"hello"_s, MessageKind::Text);
        QCOMPARE(c.state(0), State::Pending);
        QCOMPARE(c.seq(0), 0);
        QCOMPARE(c.model.pendingIds(), QList<QString>{u"p1"_s});
        c.clearSpies();

        ChatMessage echo = message(7, u"me"_s, QDateTime::currentMSecsSinceEpoch(), MessageKind::Text, u"p1"_s);
        echo.text = u"hello"_s;
        c.model.addMessage(echo);
        QCOMPARE(c.model.rowCount(), 1);
        QCOMPARE(c.inserted.size() + c.moved.size(), 0);
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{0, sentRoles}}));
        QCOMPARE(c.state(0), State::Sent);
        QCOMPARE(c.seq(0), 7);
        QVERIFY(c.model.pendingIds().isEmpty());

        // The same id from someone else is another message.
        c.model.addPending(u"p2"_s, u"Me"_s, u"again"_s, MessageKind::Text);
        c.model.addMessage(message(8, u"bob"_s, QDateTime::currentMSecsSinceEpoch(), MessageKind::Text, u"p2"_s));
        QCOMPARE(c.model.rowCount(), 3);
        QCOMPARE(c.model.pendingIds(), QList<QString>{u"p2"_s});
    }

    void ackAndMessageInEitherOrder_data()
    {
        QTest::addColumn<bool>("ackFirst");
        QTest::newRow("ack before message") << true;
        QTest::newRow("ack after message") << false;
    }

    void ackAndMessageInEitherOrder()
    {
        QFETCH(bool, ackFirst);
        Checked c;
        c.model.addPending(u"p1"_s, u"me"_s, u"hi"_s, MessageKind::Text);
        const auto ack = [&] { c.model.markSent(u"p1"_s, 4, noon); };
        const auto frame = [&] { c.model.addMessage(message(4, u"me"_s, noon, MessageKind::Text, u"p1"_s)); };
        ackFirst ? ack() : frame();
        QCOMPARE(c.state(0), State::Sent);
        c.clearSpies();
        ackFirst ? frame() : ack(); // the second one changes nothing
        QCOMPARE(c.model.rowCount(), 1);
        QCOMPARE(c.seq(0), 4);
        QCOMPARE(c.inserted.size() + c.moved.size() + c.changed.size(), 0);
    }

    void markSentChangesOnlyDeliveryRoles()
    {
        Checked c;
        c.model.addMessage(message(1, u"bob"_s, QDateTime::currentMSecsSinceEpoch()));
        c.model.addPending(u"p1"_s, u"me"_s, u"hi"_s, MessageKind::Text);
        c.clearSpies();
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        c.model.markSent(u"p1"_s, 2, ts);
        QCOMPARE(c.moved.size(), 0);
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{1, sentRoles}}));
        QCOMPARE(c.seq(1), 2);
        QCOMPARE(c.at(1, MessageModel::TimestampRole).toDateTime().toMSecsSinceEpoch(), ts);
        QCOMPARE(c.model.newestSeq(), 2);
    }

    void outOfOrderAckMovesRow()
    {
        Checked c;
        c.model.addPending(u"a"_s, u"me"_s, u"first"_s, MessageKind::Text);
        c.model.addPending(u"b"_s, u"me"_s, u"second"_s, MessageKind::Text);
        c.clearSpies();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        c.model.markSent(u"b"_s, 11, now);
        QCOMPARE(c.moved.size(), 1);
        QCOMPARE(c.moved.at(0).at(1).toInt(), 1); // source row
        QCOMPARE(c.moved.at(0).at(4).toInt(), 0); // destination row
        QCOMPARE(c.at(0, MessageModel::IdRole).toString(), u"b"_s);
        QCOMPARE(c.state(1), State::Pending);
        QCOMPARE(c.model.pendingIds(), QList<QString>{u"a"_s});

        // Already where it belongs: no move.
        c.clearSpies();
        c.model.markSent(u"a"_s, 12, now);
        QCOMPARE(c.moved.size(), 0);
        QCOMPARE(c.seqs(), (QList<qint64>{11, 12}));

        // A lower seq than a confirmed row: moves before it.
        c.model.addPending(u"c"_s, u"me"_s, u"third"_s, MessageKind::Text);
        c.clearSpies();
        c.model.markSent(u"c"_s, 10, now);
        QCOMPARE(c.moved.size(), 1);
        QCOMPARE(c.seqs(), (QList<qint64>{10, 11, 12}));
        // The moved row now opens the list and the group; the row it displaced no longer does.
        const QSet<int> opens{MessageModel::FirstOfGroupRole, MessageModel::DayChangeRole};
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{0, sentRoles + opens}, {1, opens}}));
    }

    void ackOfMessageShownUnderAnotherNameDropsEcho()
    {
        Checked c;
        c.model.addPending(u"p1"_s, u"old"_s, u"hi"_s, MessageKind::Text);
        c.model.addMessage(message(3, u"renamed"_s, noon, MessageKind::Text, u"p1"_s));
        QCOMPARE(c.model.rowCount(), 2);
        QSignalSpy removed(&c.model, &QAbstractItemModel::rowsRemoved);
        c.model.markSent(u"p1"_s, 3, noon);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(c.seqs(), QList<qint64>{3});
    }

    void failureAndRetry()
    {
        Checked c;
        c.model.addPending(u"p1"_s, u"me"_s, u"hi"_s, MessageKind::Text);
        c.clearSpies();
        c.model.markFailed(u"p1"_s);
        QCOMPARE(c.state(0), State::Failed);
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{0, {MessageModel::StateRole}}}));
        QVERIFY(c.model.pendingIds().isEmpty());

        c.model.markPending(u"p1"_s);
        QCOMPARE(c.state(0), State::Pending);
        QCOMPARE(c.model.pendingIds(), QList<QString>{u"p1"_s});
        c.model.markSent(u"p1"_s, 1, noon);
        QCOMPARE(c.state(0), State::Sent);
        QVERIFY(c.model.pendingIds().isEmpty());
    }

    void prependsHistoryInOneBlock()
    {
        Checked c;
        for (const ChatMessage &live : page(8, 10))
            c.model.addMessage(live);
        c.clearSpies();
        c.model.prependHistory(page(5, 9), true); // 8 and 9 are already shown
        QCOMPARE(c.insertedRange(), std::pair(0, 2));
        QCOMPARE(c.seqs(), (QList<qint64>{5, 6, 7, 8, 9, 10}));
        QCOMPARE(c.model.oldestSeq(), 5);
        // The former first row now continues the group and the day of the rows above it.
        QCOMPARE(c.changes(),
                 (QMap<int, QSet<int>>{{3, {MessageModel::FirstOfGroupRole, MessageModel::DayChangeRole}}}));

        c.clearSpies();
        c.model.prependHistory(page(5, 7), false);
        QCOMPARE(c.inserted.size(), 0);
        QCOMPARE(c.model.rowCount(), 6);
    }

    void historyFillsGapAndMergesEcho()
    {
        Checked c;
        c.model.addMessage(message(10, u"alice"_s));
        c.model.addMessage(message(13, u"alice"_s));
        c.model.addPending(u"mine"_s, u"me"_s, u"hi"_s, MessageKind::Text);
        // Reconnected: the page holds older rows, a gap's row, and the server's copy of the pending message.
        QList<ChatMessage> messages = page(8, 9);
        messages << message(12, u"bob"_s) << message(11, u"me"_s, noon, MessageKind::Text, u"mine"_s);
        c.model.prependHistory(messages, false);
        QCOMPARE(c.seqs(), (QList<qint64>{8, 9, 10, 11, 12, 13}));
        QCOMPARE(c.at(3, MessageModel::IdRole).toString(), u"mine"_s);
        QVERIFY(c.model.pendingIds().isEmpty());
    }

    void fetchMoreRequestsHistoryOnceWhileMore()
    {
        Checked c;
        QSignalSpy requests(&c.model, &MessageModel::historyRequested);
        QSignalSpy moreChanged(&c.model, &MessageModel::hasMoreHistoryChanged);
        c.model.fetchMore({});
        QCOMPARE(requests.size(), 0); // nothing known to fetch yet

        c.model.prependHistory(page(20, 30), true);
        QVERIFY(c.model.hasMoreHistory());
        c.model.fetchMore({});
        c.model.fetchMore({});
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).at(0).toLongLong(), 20);
        QVERIFY(!c.model.canFetchMore({}));

        c.model.prependHistory(page(10, 19), true);
        c.model.fetchMore({});
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).at(0).toLongLong(), 10);

        c.model.cancelHistoryRequest(); // the request failed
        c.model.fetchMore({});
        QCOMPARE(requests.size(), 3);

        c.model.prependHistory(page(1, 9), false); // the beginning of the conversation
        QVERIFY(!c.model.hasMoreHistory());
        QVERIFY(!c.model.canFetchMore({}));
        QCOMPARE(moreChanged.size(), 2);
    }

    void firstOfGroup_data()
    {
        QTest::addColumn<ChatMessage>("previous");
        QTest::addColumn<ChatMessage>("current");
        QTest::addColumn<bool>("firstOfGroup");

        const QString alice = u"alice"_s;
        const auto after = [&](qint64 ms, const QString &from = u"alice"_s, MessageKind kind = MessageKind::Text) {
            return message(2, from, noon + ms, kind);
        };
        const ChatMessage first = message(1, alice, noon);
        QTest::newRow("same sender, 1 min") << first << after(Minute) << false;
        QTest::newRow("same sender, 5 min") << first << after(5 * Minute) << false;
        QTest::newRow("same sender, 6 min") << first << after(6 * Minute) << true;
        QTest::newRow("other spelling") << first << after(Minute, u"ALICE"_s) << false;
        QTest::newRow("different sender") << first << after(Minute, u"bob"_s) << true;
        QTest::newRow("action after text") << first << after(Minute, alice, MessageKind::Action) << true;
        QTest::newRow("text after action") << message(1, alice, noon, MessageKind::Action) << after(Minute) << true;
        QTest::newRow("across midnight") << message(1, alice, localMs(14, 23, 58))
                                         << message(2, alice, localMs(15, 0, 1)) << true;
    }

    void firstOfGroup()
    {
        QFETCH(ChatMessage, previous);
        QFETCH(ChatMessage, current);
        QFETCH(bool, firstOfGroup);
        Checked c;
        c.model.addMessage(previous);
        c.model.addMessage(current);
        QVERIFY(c.at(0, MessageModel::FirstOfGroupRole).toBool());
        QCOMPARE(c.at(1, MessageModel::FirstOfGroupRole).toBool(), firstOfGroup);
    }

    void dayChangeAcrossMidnight()
    {
        Checked c;
        const QList<qint64> times{localMs(14, 10, 0), localMs(14, 23, 59), localMs(15, 0, 0), localMs(15, 8, 0)};
        for (qsizetype i = 0; i < times.size(); ++i)
            c.model.addMessage(message(i + 1, u"alice"_s, times.at(i)));
        QList<bool> dayChanges;
        for (int row = 0; row < c.model.rowCount(); ++row)
            dayChanges.append(c.at(row, MessageModel::DayChangeRole).toBool());
        QCOMPARE(dayChanges, (QList<bool>{true, false, true, false}));
    }

    void insertionUpdatesNeighbourGrouping()
    {
        Checked c;
        c.model.addMessage(message(1, u"alice"_s, noon));
        c.model.addMessage(message(3, u"alice"_s, noon + 2 * Minute));
        QVERIFY(!c.at(1, MessageModel::FirstOfGroupRole).toBool());
        c.clearSpies();
        c.model.addMessage(message(2, u"bob"_s, noon + Minute));
        QCOMPARE(c.insertedRange(), std::pair(1, 1));
        QCOMPARE(c.changes(), (QMap<int, QSet<int>>{{2, {MessageModel::FirstOfGroupRole}}}));
        QVERIFY(c.at(2, MessageModel::FirstOfGroupRole).toBool());
    }

    void isOwnIgnoresCase()
    {
        Checked c;
        c.model.setOwnName(u"Alice"_s);
        c.model.addMessage(message(1, u"ALICE"_s));
        c.model.addMessage(message(2, u"alice"_s));
        c.model.addMessage(message(3, u"bob"_s));
        QVERIFY(c.at(0, MessageModel::IsOwnRole).toBool());
        QVERIFY(c.at(1, MessageModel::IsOwnRole).toBool());
        QVERIFY(!c.at(2, MessageModel::IsOwnRole).toBool());

        c.clearSpies();
        c.model.setOwnName(u"Bob"_s);
        QCOMPARE(c.changed.size(), 1);
        QVERIFY(c.changed.at(0).at(2).value<QList<int>>().contains(MessageModel::IsOwnRole));
        QVERIFY(c.changed.at(0).at(2).value<QList<int>>().contains(MessageModel::MentionRole));
        QVERIFY(!c.at(0, MessageModel::IsOwnRole).toBool());
        QVERIFY(c.at(2, MessageModel::IsOwnRole).toBool());
    }

    void mentionsOfTheOwnNameAreMarked()
    {
        Checked c;
        c.model.setOwnName(u"Ada"_s);
        c.model.addMessage(said(1, u"bob"_s, u"hey @ada, look"_s));
        c.model.addMessage(said(2, u"bob"_s, u"Adam is here"_s));
        c.model.addMessage(said(3, u"ada"_s, u"I am Ada"_s));
        c.model.addMessage(said(4, u"bob"_s, u"ADA!"_s));
        QVERIFY(c.at(0, MessageModel::MentionRole).toBool());
        QVERIFY(!c.at(1, MessageModel::MentionRole).toBool()); // a longer word is not the name
        QVERIFY(!c.at(2, MessageModel::MentionRole).toBool()); // one's own message mentions nobody new
        QVERIFY(c.at(3, MessageModel::MentionRole).toBool());
    }

    void unreadMarkerSitsAtTheFirstMessageAfterIt()
    {
        Checked c;
        for (qint64 seq = 1; seq <= 5; ++seq)
            c.model.addMessage(message(seq, u"bob"_s));
        QCOMPARE(c.model.unreadMarker(), 0);
        for (int row = 0; row < 5; ++row)
            QVERIFY(!c.at(row, MessageModel::UnreadMarkerRole).toBool());

        c.clearSpies();
        c.model.setUnreadMarker(3);
        QVERIFY(c.at(3, MessageModel::UnreadMarkerRole).toBool());
        QCOMPARE(c.changes().value(3), QSet<int>{MessageModel::UnreadMarkerRole});

        // Moving it tells both rows.
        c.clearSpies();
        c.model.setUnreadMarker(1);
        QVERIFY(c.at(1, MessageModel::UnreadMarkerRole).toBool());
        QVERIFY(!c.at(3, MessageModel::UnreadMarkerRole).toBool());
        QVERIFY(c.changes().contains(1));
        QVERIFY(c.changes().contains(3));

        // After the newest message: no row carries it until a newer one arrives.
        c.model.setUnreadMarker(5);
        for (int row = 0; row < 5; ++row)
            QVERIFY(!c.at(row, MessageModel::UnreadMarkerRole).toBool());
        c.clearSpies();
        c.model.addMessage(message(6, u"bob"_s));
        QVERIFY(c.at(5, MessageModel::UnreadMarkerRole).toBool());
        QVERIFY(c.changes().value(5).contains(MessageModel::UnreadMarkerRole));

        // Older history prepended keeps it on the same message.
        Checked d;
        for (qint64 seq = 10; seq <= 12; ++seq)
            d.model.addMessage(message(seq, u"bob"_s));
        d.model.setUnreadMarker(10);
        QVERIFY(d.at(1, MessageModel::UnreadMarkerRole).toBool());
        d.model.prependHistory({message(8, u"bob"_s), message(9, u"bob"_s)}, false);
        QVERIFY(d.at(3, MessageModel::UnreadMarkerRole).toBool());
        QVERIFY(!d.at(1, MessageModel::UnreadMarkerRole).toBool());

        c.model.setUnreadMarker(0);
        for (int row = 0; row < c.model.rowCount(); ++row)
            QVERIFY(!c.at(row, MessageModel::UnreadMarkerRole).toBool());
    }

    void failedRowsSayWhy()
    {
        Checked c;
        c.model.addPending(u"a"_s, u"ada"_s, u"hi bob"_s, MessageKind::Text);
        c.model.markFailed(u"a"_s, u"bob is not online."_s);
        QCOMPARE(c.state(0), State::Failed);
        QCOMPARE(c.at(0, MessageModel::FailureReasonRole).toString(), u"bob is not online."_s);
        QVERIFY(c.at(0, Qt::AccessibleTextRole).toString().contains(u"hi bob"_s));
        c.model.markPending(u"a"_s);
        QCOMPARE(c.at(0, MessageModel::FailureReasonRole).toString(), QString());
    }

    void accessibleTextReadsSenderTimeText()
    {
        Checked c;
        c.model.addMessage(said(1, u"bob"_s, u"lunch?"_s));
        const QString spoken = c.at(0, Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.startsWith(u"bob, "_s), qPrintable(spoken));
        QVERIFY2(spoken.endsWith(u", lunch?"_s), qPrintable(spoken));
    }

    void accessibleTextReadsReactions()
    {
        Checked c;
        c.model.addMessage(said(1, u"bob"_s, u"lunch?"_s));
        QSignalSpy changed(&c.model, &MessageModel::dataChanged);
        QVERIFY(c.model.applyReaction(1, u"\U0001F44D"_s, 2, true));
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(Qt::AccessibleTextRole));
        const QString spoken = c.at(0, Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.endsWith(MessageModel::tr("%1, reactions: %2")
                                     .arg(u"lunch?"_s, MessageModel::tr("%1 %2 (yours)").arg(u"\U0001F44D"_s).arg(2))),
                 qPrintable(spoken));
    }
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
