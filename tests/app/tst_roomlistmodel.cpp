// RoomListModel: rooms by name, then direct conversations by latest activity, kept in order with single
// inserts and moves, and unread counts the window title can show.

#include "chatmessage.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using Natter::ConversationId;
using Natter::RoomListModel;

namespace {

constexpr auto room = &ConversationId::room;
constexpr auto direct = &ConversationId::direct;
using Moves = QList<QPair<int, int>>;

QDateTime at(int seconds)
{
    return QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + seconds * 1000LL, QTimeZone::utc());
}

// Every signal a change can send, recorded from the moment it is made.
struct Spies
{
    explicit Spies(RoomListModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , total(model, &RoomListModel::totalUnreadChanged)
    { }

    // The row of each rowsInserted or rowsRemoved; -1 for one that spans several rows.
    static QList<int> singleRows(const QSignalSpy &spy)
    {
        QList<int> result;
        for (const QList<QVariant> &signal : spy)
            result.append(signal.at(1) == signal.at(2) ? signal.at(1).toInt() : -1);
        return result;
    }
    QList<int> insertedRows() const { return singleRows(inserted); }
    QList<int> removedRows() const { return singleRows(removed); }

    // {from, destination} of each single-row move; the destination is counted before the row leaves.
    Moves moves() const
    {
        Moves result;
        for (const QList<QVariant> &signal : moved)
            result.append({signal.at(1) == signal.at(2) ? signal.at(1).toInt() : -1, signal.at(4).toInt()});
        return result;
    }

    QList<int> changedRows() const
    {
        QList<int> result;
        for (const QList<QVariant> &signal : changed)
            result.append(signal.at(0) == signal.at(1) ? signal.at(0).toModelIndex().row() : -1);
        return result;
    }
    QList<int> changedRoles(int signal) const { return changed.at(signal).at(2).value<QList<int>>(); }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy changed;
    QSignalSpy total;
};

} // namespace

class TestRoomListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertsRoomsAlphabetically();
    void insertsDirectsAfterRooms();
    void rolesDescribeTheConversation();
    void activityMovesDirectUpAndTiesGoByName();
    void activityKeepingThePlaceMovesNothing();
    void unreadCountsAndTotal();
    void unknownConversationsAreIgnored();
    void topicAndMemberCountAndSummaries();
    void removesConversation();
    void renameDirectRekeysAndMoves();
    void renameDirectIntoExistingMerges();
    void clearResetsOnce();

private:
    void add(const QList<ConversationId> &conversations);
    // The lobby, plus direct conversations with alice, bob and carol (no activity yet): rows 0 to 3.
    void addLobbyAndThreeDirects();
    QStringList keys() const;
    QVariant dataAt(int row, int role) const { return m_model->index(row).data(role); }

    std::unique_ptr<RoomListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_resets;
};

void TestRoomListModel::init()
{
    m_model = std::make_unique<RoomListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_resets = std::make_unique<QSignalSpy>(m_model.get(), &QAbstractItemModel::modelReset);
}

void TestRoomListModel::cleanup()
{
    QCOMPARE(m_resets->size(), 0); // adding, moving and removing rows never resets the view
    m_resets.reset();
    m_tester.reset();
    m_model.reset();
}

void TestRoomListModel::add(const QList<ConversationId> &conversations)
{
    for (const ConversationId &conversation : conversations)
        m_model->addConversation(conversation);
}

void TestRoomListModel::addLobbyAndThreeDirects()
{
    add({room(u"lobby"_s), direct(u"carol"_s), direct(u"alice"_s), direct(u"bob"_s)});
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@alice"_s, u"@bob"_s, u"@carol"_s}));
}

QStringList TestRoomListModel::keys() const
{
    QStringList result;
    for (int row = 0; row < m_model->rowCount(); ++row)
        result.append(dataAt(row, RoomListModel::KeyRole).toString());
    return result;
}

void TestRoomListModel::insertsRoomsAlphabetically()
{
    const Spies spies(m_model.get());
    add({room(u"random"_s), room(u"general"_s), room(u"lobby"_s), room(u"art"_s), room(u"zoo"_s)});
    QCOMPARE(spies.insertedRows(), (QList<int>{0, 0, 1, 0, 4}));
    QCOMPARE(keys(), (QStringList{u"#art"_s, u"#general"_s, u"#lobby"_s, u"#random"_s, u"#zoo"_s}));
}

void TestRoomListModel::insertsDirectsAfterRooms()
{
    const Spies spies(m_model.get());
    // A room goes above every direct conversation; case does not decide the order.
    add({direct(u"Zed"_s), room(u"lobby"_s), direct(u"amy"_s), room(u"zoo"_s), direct(u"Bob"_s)});
    QCOMPARE(spies.insertedRows(), (QList<int>{0, 0, 1, 1, 3}));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"#zoo"_s, u"@amy"_s, u"@Bob"_s, u"@Zed"_s}));
    QCOMPARE(
        m_model->conversations(),
        (QList<ConversationId>{room(u"lobby"_s), room(u"zoo"_s), direct(u"amy"_s), direct(u"Bob"_s), direct(u"Zed"_s)}));

    add({room(u"lobby"_s), direct(u"amy"_s), direct(QString())}); // listed already, or no name
    QCOMPARE(spies.inserted.size(), 5);
    m_model->addConversation(direct(u"lobby"_s)); // a room and a person may share a name
    QCOMPARE(spies.insertedRows().value(5), 4);
}

void TestRoomListModel::rolesDescribeTheConversation()
{
    add({direct(u"alice"_s), room(u"lobby"_s)});

    QVERIFY(m_model->contains(room(u"lobby"_s)));
    QVERIFY(!m_model->contains(room(u"alice"_s)));
    QCOMPARE(m_model->rowOf(direct(u"alice"_s)), 1);
    QCOMPARE(m_model->rowOf(direct(u"nobody"_s)), -1);
    QCOMPARE(m_model->conversationAt(0), room(u"lobby"_s));
    QVERIFY(!m_model->conversationAt(2).isValid());

    QCOMPARE(dataAt(0, RoomListModel::KeyRole).toString(), u"#lobby"_s);
    QCOMPARE(dataAt(0, RoomListModel::NameRole).toString(), u"lobby"_s);
    QCOMPARE(dataAt(0, Qt::DisplayRole).toString(), u"lobby"_s);
    QCOMPARE(dataAt(0, RoomListModel::KindRole).toInt(), int(ConversationId::Kind::Room));
    QCOMPARE(dataAt(0, RoomListModel::SectionRole).toString(), u"Rooms"_s);
    QCOMPARE(dataAt(0, RoomListModel::UnreadRole).toInt(), 0);
    QVERIFY(!dataAt(0, RoomListModel::LastActivityRole).toDateTime().isValid());

    QCOMPARE(dataAt(1, RoomListModel::KeyRole).toString(), u"@alice"_s);
    QCOMPARE(dataAt(1, RoomListModel::KindRole).toInt(), int(ConversationId::Kind::Direct));
    QCOMPARE(dataAt(1, RoomListModel::SectionRole).toString(), u"Direct messages"_s);

    QCOMPARE(m_model->roleNames().value(RoomListModel::UnreadRole), "unread");
}

void TestRoomListModel::activityMovesDirectUpAndTiesGoByName()
{
    addLobbyAndThreeDirects();
    const Spies spies(m_model.get());

    const QPersistentModelIndex carol = m_model->index(3);
    m_model->noteActivity(direct(u"carol"_s), at(10));
    QCOMPARE(spies.moves(), (Moves{{3, 1}})); // to just below the rooms
    QCOMPARE(carol.row(), 1); // views keep their selection on the moved row
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@carol"_s, u"@alice"_s, u"@bob"_s}));
    QCOMPARE(spies.changedRows(), QList<int>{1});
    QCOMPARE(spies.changedRoles(0), QList<int>{RoomListModel::LastActivityRole});
    QCOMPARE(dataAt(1, RoomListModel::LastActivityRole).toDateTime(), at(10));

    m_model->noteActivity(direct(u"bob"_s), at(20));
    QCOMPARE(spies.moves().value(1), qMakePair(3, 1));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s, u"@carol"_s, u"@alice"_s}));

    // A conversation with a message passes those that have none, but not newer ones.
    m_model->noteActivity(direct(u"alice"_s), at(15));
    QCOMPARE(spies.moves().value(2), qMakePair(3, 2));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s, u"@alice"_s, u"@carol"_s}));

    m_model->noteActivity(direct(u"carol"_s), at(20)); // as recent as bob: after bob by name
    QCOMPARE(spies.moves().value(3), qMakePair(3, 2));
    m_model->noteActivity(direct(u"alice"_s), at(20));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@alice"_s, u"@bob"_s, u"@carol"_s}));
}

void TestRoomListModel::activityKeepingThePlaceMovesNothing()
{
    addLobbyAndThreeDirects();
    m_model->addConversation(room(u"zoo"_s));
    const Spies spies(m_model.get());

    m_model->noteActivity(direct(u"alice"_s), at(1)); // first direct row already
    m_model->noteActivity(direct(u"alice"_s), at(2));
    m_model->noteActivity(direct(u"bob"_s), at(1)); // older than alice: stays second
    m_model->noteActivity(room(u"zoo"_s), at(99)); // rooms stay in alphabetical order
    QCOMPARE(spies.moved.size(), 0);
    QCOMPARE(spies.changedRows(), (QList<int>{2, 2, 3, 1}));
    QCOMPARE(spies.changedRoles(3), QList<int>{RoomListModel::LastActivityRole});
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"#zoo"_s, u"@alice"_s, u"@bob"_s, u"@carol"_s}));

    // Not newer than what is known (history loaded late), or no time at all: nothing changes.
    m_model->noteActivity(direct(u"alice"_s), at(1));
    m_model->noteActivity(direct(u"alice"_s), at(2));
    m_model->noteActivity(direct(u"alice"_s), QDateTime());
    QCOMPARE(spies.changed.size(), 4);
    QCOMPARE(dataAt(2, RoomListModel::LastActivityRole).toDateTime(), at(2));
}

void TestRoomListModel::unreadCountsAndTotal()
{
    addLobbyAndThreeDirects();
    const Spies spies(m_model.get());
    const ConversationId lobby = room(u"lobby"_s);
    const ConversationId bob = direct(u"bob"_s);

    m_model->incrementUnread(lobby);
    m_model->incrementUnread(lobby);
    m_model->incrementUnread(bob);
    QCOMPARE(m_model->unread(lobby), 2);
    QCOMPARE(m_model->unread(bob), 1);
    QCOMPARE(m_model->totalUnread(), 3);
    QCOMPARE(m_model->property("totalUnread").toInt(), 3);
    QCOMPARE(dataAt(0, RoomListModel::UnreadRole).toInt(), 2);
    QCOMPARE(spies.changedRows(), (QList<int>{0, 0, 2}));
    for (int signal = 0; signal < spies.changed.size(); ++signal)
        QCOMPARE(spies.changedRoles(signal), QList<int>{RoomListModel::UnreadRole});
    QCOMPARE(spies.total.size(), 3);
    QCOMPARE(spies.total.at(2).at(0).toInt(), 3);

    m_model->clearUnread(lobby);
    QCOMPARE(m_model->unread(lobby), 0);
    QCOMPARE(spies.changedRows(), (QList<int>{0, 0, 2, 0}));
    QCOMPARE(spies.changedRoles(3), QList<int>{RoomListModel::UnreadRole});
    QCOMPARE(spies.total.size(), 4);
    QCOMPARE(spies.total.at(3).at(0).toInt(), 1);

    m_model->clearUnread(lobby); // nothing left to clear
    QCOMPARE(spies.changed.size(), 4);
    QCOMPARE(spies.total.size(), 4);
}

void TestRoomListModel::unknownConversationsAreIgnored()
{
    addLobbyAndThreeDirects();
    const Spies spies(m_model.get());

    m_model->incrementUnread(room(u"elsewhere"_s));
    m_model->clearUnread(direct(u"nobody"_s));
    m_model->noteActivity(direct(u"nobody"_s), at(1));
    m_model->setTopic(u"elsewhere"_s, u"Topic"_s);
    m_model->setTopic(u"alice"_s, u"A person has no topic"_s);
    m_model->setMemberCount(u"elsewhere"_s, 3);
    m_model->removeConversation(room(u"alice"_s));
    m_model->renameDirect(u"nobody"_s, u"somebody"_s);
    m_model->renameDirect(u"lobby"_s, u"hall"_s); // a room, not a person

    QCOMPARE(spies.changed.size(), 0);
    QCOMPARE(spies.total.size(), 0);
    QCOMPARE(spies.removed.size(), 0);
    QCOMPARE(m_model->unread(room(u"elsewhere"_s)), 0);
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@alice"_s, u"@bob"_s, u"@carol"_s}));
}

void TestRoomListModel::topicAndMemberCountAndSummaries()
{
    add({room(u"lobby"_s), room(u"zoo"_s)});
    const Spies spies(m_model.get());

    m_model->setTopic(u"zoo"_s, u"Animals only"_s);
    QCOMPARE(spies.changedRows(), QList<int>{1});
    QCOMPARE(spies.changedRoles(0), QList<int>{RoomListModel::TopicRole});
    QCOMPARE(dataAt(1, RoomListModel::TopicRole).toString(), u"Animals only"_s);

    m_model->setMemberCount(u"zoo"_s, 7);
    QCOMPARE(spies.changedRows(), (QList<int>{1, 1}));
    QCOMPARE(spies.changedRoles(1), QList<int>{RoomListModel::MemberCountRole});
    QCOMPARE(dataAt(1, RoomListModel::MemberCountRole).toInt(), 7);

    m_model->setTopic(u"zoo"_s, u"Animals only"_s);
    m_model->setMemberCount(u"zoo"_s, 7);
    QCOMPARE(spies.changed.size(), 2); // unchanged values send nothing
    QCOMPARE(dataAt(0, RoomListModel::TopicRole).toString(), QString());

    // A welcome or rooms reply: only what changed, only for joined rooms.
    m_model->applyRoomSummaries(
        {{u"lobby"_s, u"Say hello"_s, 4}, {u"zoo"_s, u"Animals only"_s, 2}, {u"notjoined"_s, u"Elsewhere"_s, 9}});
    QCOMPARE(spies.inserted.size(), 0);
    QCOMPARE(spies.changedRows(), (QList<int>{1, 1, 0, 1}));
    QCOMPARE(spies.changedRoles(2), (QList<int>{RoomListModel::TopicRole, RoomListModel::MemberCountRole}));
    QCOMPARE(spies.changedRoles(3), QList<int>{RoomListModel::MemberCountRole});
    QCOMPARE(dataAt(0, RoomListModel::TopicRole).toString(), u"Say hello"_s);
    QCOMPARE(dataAt(0, RoomListModel::MemberCountRole).toInt(), 4);
}

void TestRoomListModel::removesConversation()
{
    addLobbyAndThreeDirects();
    m_model->incrementUnread(direct(u"bob"_s));
    m_model->incrementUnread(direct(u"carol"_s));
    const Spies spies(m_model.get());

    m_model->removeConversation(direct(u"bob"_s));
    QCOMPARE(spies.removedRows(), QList<int>{2});
    QCOMPARE(spies.total.size(), 1);
    QCOMPARE(spies.total.at(0).at(0).toInt(), 1);
    QVERIFY(!m_model->contains(direct(u"bob"_s)));
    QCOMPARE(m_model->unread(direct(u"bob"_s)), 0);

    m_model->removeConversation(room(u"lobby"_s)); // nothing unread there
    QCOMPARE(spies.removedRows(), (QList<int>{2, 0}));
    QCOMPARE(spies.total.size(), 1);
    QCOMPARE(keys(), (QStringList{u"@alice"_s, u"@carol"_s}));
}

void TestRoomListModel::renameDirectRekeysAndMoves()
{
    addLobbyAndThreeDirects();
    m_model->incrementUnread(direct(u"alice"_s));
    const Spies spies(m_model.get());

    const QPersistentModelIndex alice = m_model->index(1);
    const QPersistentModelIndex carol = m_model->index(3);
    m_model->renameDirect(u"alice"_s, u"zed"_s);
    QCOMPARE(spies.moves(), (Moves{{1, 4}})); // below carol: the end of the list
    QCOMPARE(alice.row(), 3);
    QCOMPARE(carol.row(), 2);
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s, u"@carol"_s, u"@zed"_s}));
    QCOMPARE(spies.changedRows(), QList<int>{3});
    const QList<int> roles = spies.changedRoles(0);
    QVERIFY(roles.contains(RoomListModel::KeyRole));
    QVERIFY(roles.contains(RoomListModel::NameRole));
    QVERIFY(!roles.contains(RoomListModel::UnreadRole));
    QCOMPARE(m_model->unread(direct(u"zed"_s)), 1);
    QCOMPARE(spies.total.size(), 0);

    // Only a change of case: same place, new key.
    m_model->renameDirect(u"bob"_s, u"Bob"_s);
    QCOMPARE(spies.moved.size(), 1);
    QCOMPARE(spies.changedRows(), (QList<int>{3, 1}));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@Bob"_s, u"@carol"_s, u"@zed"_s}));
}

void TestRoomListModel::renameDirectIntoExistingMerges()
{
    addLobbyAndThreeDirects();
    m_model->noteActivity(direct(u"carol"_s), at(30));
    m_model->incrementUnread(direct(u"carol"_s));
    m_model->incrementUnread(direct(u"bob"_s));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@carol"_s, u"@alice"_s, u"@bob"_s}));
    const Spies spies(m_model.get());

    m_model->renameDirect(u"carol"_s, u"bob"_s);
    QCOMPARE(spies.removedRows(), QList<int>{1});
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s, u"@alice"_s})); // bob took carol's latest time
    QCOMPARE(m_model->unread(direct(u"bob"_s)), 2);
    QCOMPARE(m_model->totalUnread(), 2);
    QCOMPARE(spies.total.size(), 0);
    QCOMPARE(spies.changedRows(), QList<int>{1});
    QCOMPARE(spies.changedRoles(0), (QList<int>{RoomListModel::UnreadRole, RoomListModel::LastActivityRole}));
    QCOMPARE(dataAt(1, RoomListModel::LastActivityRole).toDateTime(), at(30));
}

void TestRoomListModel::clearResetsOnce()
{
    addLobbyAndThreeDirects();
    m_model->incrementUnread(room(u"lobby"_s));
    const Spies spies(m_model.get());

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalUnread(), 0);
    QCOMPARE(spies.total.size(), 1);
    QCOMPARE(m_resets->size(), 1);
    m_resets->clear(); // the one reset this model makes on purpose
}

QTEST_GUILESS_MAIN(TestRoomListModel)

#include "tst_roomlistmodel.moc"
