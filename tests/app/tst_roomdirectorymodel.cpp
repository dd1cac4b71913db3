// RoomDirectoryModel and RoomDirectoryFilter: the server's rooms busiest first, each new list applied in place
// (rows that stay keep their identity), and the filter over names and topics the Browse Rooms dialog uses.

#include "chatmessage.h"
#include "roomdirectoryfilter.h"
#include "roomdirectorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Natter::RoomDirectoryFilter;
using Natter::RoomDirectoryModel;
using Natter::Protocol::RoomSummary;

namespace {

using Rooms = QList<RoomSummary>;

// Every signal a change can send, recorded from the moment it is made.
struct Spies
{
    explicit Spies(RoomDirectoryModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , loaded(model, &RoomDirectoryModel::loadedChanged)
    { }

    // {first, last} of each rowsInserted / rowsRemoved.
    static QList<QPair<int, int>> ranges(const QSignalSpy &spy)
    {
        QList<QPair<int, int>> result;
        for (const QList<QVariant> &signal : spy)
            result.append({signal.at(1).toInt(), signal.at(2).toInt()});
        return result;
    }

    // The row and roles of each dataChanged, which must each cover one row.
    QList<QPair<int, QList<int>>> changes() const
    {
        QList<QPair<int, QList<int>>> result;
        for (const QList<QVariant> &signal : changed) {
            const QModelIndex first = signal.at(0).toModelIndex();
            const QModelIndex last = signal.at(1).toModelIndex();
            result.append({first.row() == last.row() ? first.row() : -1, signal.at(2).value<QList<int>>()});
        }
        return result;
    }

    bool structureUntouched() const
    {
        return inserted.isEmpty() && removed.isEmpty() && moved.isEmpty() && reset.isEmpty() && layout.isEmpty();
    }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy loaded;
};

QStringList rowNames(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(RoomDirectoryModel::NameRole).toString());
    return result;
}

} // namespace

class TestRoomDirectoryModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstListIsOneInsertBusiestFirst();
    void emptyListStillLoads();
    void sameListChangesNothing();
    void topicChangeIsOneRoleInPlace();
    void memberCountChangeMovesTheRow();
    void newRoomsAreInsertedAndGoneRoomsRemoved();
    void selectionLikeIndexesSurviveAWholeNewList();
    void duplicateAndNamelessEntriesAreDropped();
    void joinedRoomsChangeOnlyTheirRows();
    void joinedIsRememberedForRoomsNotListedYet();
    void noteTopicAndMemberCount();
    void presenceAdjustsMemberCount();
    void noteRoomAddsOrUpdates();
    void clearForgetsEverything();
    void accessibleTextNamesTheFields();

    void filterMatchesNameOrTopicIgnoringCase();
    void filterFollowsInPlaceUpdates();

private:
    std::unique_ptr<RoomDirectoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRoomDirectoryModel::init()
{
    m_model = std::make_unique<RoomDirectoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRoomDirectoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestRoomDirectoryModel::firstListIsOneInsertBusiestFirst()
{
    Spies spies(m_model.get());
    QVERIFY(!m_model->isLoaded());

    // The server sends rooms sorted by name; the directory shows where people are first.
    m_model->setRooms({{u"dev"_s, u"Release on Friday"_s, 2},
                       {u"lobby"_s, QString(), 5},
                       {u"music"_s, QString(), 2},
                       {u"quiet"_s, QString(), 0}});
    QCOMPARE(Spies::ranges(spies.inserted), (QList<QPair<int, int>>{{0, 3}}));
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(spies.loaded.size(), 1);
    QVERIFY(m_model->isLoaded());
    QCOMPARE(m_model->names(), (QStringList{u"lobby"_s, u"dev"_s, u"music"_s, u"quiet"_s}));

    const QModelIndex dev = m_model->index(1);
    QCOMPARE(dev.data(Qt::DisplayRole).toString(), u"dev"_s);
    QCOMPARE(dev.data(RoomDirectoryModel::NameRole).toString(), u"dev"_s);
    QCOMPARE(dev.data(RoomDirectoryModel::TopicRole).toString(), u"Release on Friday"_s);
    QCOMPARE(dev.data(RoomDirectoryModel::MemberCountRole).toInt(), 2);
    QCOMPARE(dev.data(RoomDirectoryModel::JoinedRole).toBool(), false);
}

void TestRoomDirectoryModel::emptyListStillLoads()
{
    Spies spies(m_model.get());
    m_model->setRooms({});
    QVERIFY(m_model->isLoaded());
    QCOMPARE(spies.loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(spies.structureUntouched());

    m_model->setRooms({});
    QCOMPARE(spies.loaded.size(), 1); // loaded once, not again
}

void TestRoomDirectoryModel::sameListChangesNothing()
{
    const Rooms rooms{{u"dev"_s, u"t"_s, 2}, {u"lobby"_s, QString(), 5}};
    m_model->setRooms(rooms);
    Spies spies(m_model.get());
    m_model->setRooms(rooms);
    QVERIFY(spies.structureUntouched());
    QVERIFY(spies.changed.isEmpty());
    QVERIFY(spies.loaded.isEmpty());
}

void TestRoomDirectoryModel::topicChangeIsOneRoleInPlace()
{
    m_model->setRooms({{u"dev"_s, QString(), 2}, {u"lobby"_s, QString(), 5}});
    const QPersistentModelIndex dev = m_model->index(1);
    Spies spies(m_model.get());

    m_model->setRooms({{u"dev"_s, u"Release on Friday"_s, 2}, {u"lobby"_s, QString(), 5}});
    QVERIFY(spies.structureUntouched());
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 1);
    const QList<int> roles = spies.changes().at(0).second;
    QVERIFY(roles.contains(RoomDirectoryModel::TopicRole));
    QVERIFY(!roles.contains(RoomDirectoryModel::MemberCountRole));
    QVERIFY(!roles.contains(RoomDirectoryModel::NameRole));
    QVERIFY(!roles.contains(RoomDirectoryModel::JoinedRole));
    QCOMPARE(dev.row(), 1);
    QCOMPARE(dev.data(RoomDirectoryModel::TopicRole).toString(), u"Release on Friday"_s);
}

void TestRoomDirectoryModel::memberCountChangeMovesTheRow()
{
    m_model->setRooms({{u"art"_s, QString(), 1}, {u"dev"_s, QString(), 2}, {u"lobby"_s, QString(), 5}});
    QCOMPARE(m_model->names(), (QStringList{u"lobby"_s, u"dev"_s, u"art"_s}));
    const QPersistentModelIndex art = m_model->index(2);
    const QPersistentModelIndex lobby = m_model->index(0);
    Spies spies(m_model.get());

    m_model->setRooms({{u"art"_s, QString(), 9}, {u"dev"_s, QString(), 2}, {u"lobby"_s, QString(), 5}});
    QCOMPARE(m_model->names(), (QStringList{u"art"_s, u"lobby"_s, u"dev"_s}));
    QCOMPARE(spies.moved.size(), 1);
    QCOMPARE(spies.moved.at(0).at(1).toInt(), 2); // from row 2
    QCOMPARE(spies.moved.at(0).at(4).toInt(), 0); // to the top
    QVERIFY(spies.inserted.isEmpty() && spies.removed.isEmpty() && spies.reset.isEmpty());
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 0);
    QVERIFY(spies.changes().at(0).second.contains(RoomDirectoryModel::MemberCountRole));
    QVERIFY(!spies.changes().at(0).second.contains(RoomDirectoryModel::TopicRole));
    QCOMPARE(art.row(), 0);
    QCOMPARE(art.data(RoomDirectoryModel::MemberCountRole).toInt(), 9);
    QCOMPARE(lobby.row(), 1);

    // Equal counts sort by name.
    m_model->setRooms({{u"art"_s, QString(), 9}, {u"dev"_s, QString(), 5}, {u"lobby"_s, QString(), 5}});
    QCOMPARE(m_model->names(), (QStringList{u"art"_s, u"dev"_s, u"lobby"_s}));
}

void TestRoomDirectoryModel::newRoomsAreInsertedAndGoneRoomsRemoved()
{
    m_model->setRooms({{u"a"_s, QString(), 4},
                       {u"b"_s, QString(), 3},
                       {u"c"_s, QString(), 2},
                       {u"d"_s, QString(), 1},
                       {u"e"_s, QString(), 0}});
    const QPersistentModelIndex a = m_model->index(0);
    const QPersistentModelIndex d = m_model->index(3);
    Spies spies(m_model.get());

    // b and c leave (one run of neighbours), x arrives between a and d, z at the end.
    m_model->setRooms({{u"a"_s, QString(), 4},
                       {u"d"_s, QString(), 1},
                       {u"e"_s, QString(), 0},
                       {u"x"_s, QString(), 2},
                       {u"z"_s, QString(), 0}});
    QCOMPARE(Spies::ranges(spies.removed), (QList<QPair<int, int>>{{1, 2}}));
    QCOMPARE(Spies::ranges(spies.inserted), (QList<QPair<int, int>>{{1, 1}, {4, 4}}));
    QVERIFY(spies.reset.isEmpty() && spies.layout.isEmpty() && spies.moved.isEmpty());
    QVERIFY(spies.changed.isEmpty());
    QCOMPARE(m_model->names(), (QStringList{u"a"_s, u"x"_s, u"d"_s, u"e"_s, u"z"_s}));
    QCOMPARE(a.row(), 0);
    QCOMPARE(d.row(), 2);
    QCOMPARE(d.data().toString(), u"d"_s);

    // Everything gone is removals, not a reset.
    m_model->setRooms({});
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(spies.reset.isEmpty());
    QVERIFY(!a.isValid());
    QVERIFY(m_model->isLoaded());
}

void TestRoomDirectoryModel::selectionLikeIndexesSurviveAWholeNewList()
{
    // What a view's selection holds on to: a persistent index on the room, through every kind of change at once.
    m_model->setRooms({{u"dev"_s, QString(), 2}, {u"lobby"_s, QString(), 5}, {u"old"_s, QString(), 1}});
    const QPersistentModelIndex dev = m_model->index(m_model->rowOf(u"dev"_s));
    Spies spies(m_model.get());

    m_model->setRooms({{u"dev"_s, u"new topic"_s, 7}, {u"lobby"_s, QString(), 4}, {u"fresh"_s, QString(), 3}});
    QVERIFY(dev.isValid());
    QCOMPARE(dev.data().toString(), u"dev"_s);
    QCOMPARE(dev.row(), 0);
    QCOMPARE(m_model->names(), (QStringList{u"dev"_s, u"lobby"_s, u"fresh"_s}));
    QVERIFY(spies.reset.isEmpty() && spies.layout.isEmpty());
}

void TestRoomDirectoryModel::duplicateAndNamelessEntriesAreDropped()
{
    m_model->setRooms(
        {{u"dev"_s, u"first"_s, 2}, {QString(), QString(), 9}, {u"dev"_s, u"second"_s, 8}, {u"neg"_s, QString(), -3}});
    QCOMPARE(m_model->names(), (QStringList{u"dev"_s, u"neg"_s}));
    QCOMPARE(m_model->index(0).data(RoomDirectoryModel::TopicRole).toString(), u"first"_s);
    QCOMPARE(m_model->index(1).data(RoomDirectoryModel::MemberCountRole).toInt(), 0);
}

void TestRoomDirectoryModel::joinedRoomsChangeOnlyTheirRows()
{
    m_model->setRooms({{u"a"_s, QString(), 3}, {u"b"_s, QString(), 2}, {u"c"_s, QString(), 1}});
    Spies spies(m_model.get());

    m_model->setJoinedRooms({u"b"_s});
    QVERIFY(spies.structureUntouched());
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 1);
    QVERIFY(spies.changes().at(0).second.contains(RoomDirectoryModel::JoinedRole));
    QVERIFY(!spies.changes().at(0).second.contains(RoomDirectoryModel::TopicRole));
    QVERIFY(m_model->index(1).data(RoomDirectoryModel::JoinedRole).toBool());
    QVERIFY(!m_model->index(0).data(RoomDirectoryModel::JoinedRole).toBool());

    spies.changed.clear();
    m_model->setJoinedRooms({u"b"_s, u"c"_s}); // only c changes
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 2);

    spies.changed.clear();
    m_model->setJoinedRooms({u"c"_s}); // only b changes
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 1);
    QVERIFY(!m_model->index(1).data(RoomDirectoryModel::JoinedRole).toBool());
}

void TestRoomDirectoryModel::joinedIsRememberedForRoomsNotListedYet()
{
    // welcome with a hello.since rejoin can tell the session its rooms before the directory has a list.
    m_model->setJoinedRooms({u"dev"_s});
    m_model->setRooms({{u"dev"_s, QString(), 1}, {u"lobby"_s, QString(), 1}});
    QVERIFY(m_model->index(m_model->rowOf(u"dev"_s)).data(RoomDirectoryModel::JoinedRole).toBool());
    QVERIFY(!m_model->index(m_model->rowOf(u"lobby"_s)).data(RoomDirectoryModel::JoinedRole).toBool());
}

void TestRoomDirectoryModel::noteTopicAndMemberCount()
{
    m_model->setRooms({{u"dev"_s, QString(), 1}, {u"lobby"_s, QString(), 3}});
    Spies spies(m_model.get());

    m_model->noteTopic(u"dev"_s, u"Builds"_s);
    QVERIFY(spies.structureUntouched());
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(spies.changes().at(0).first, 1);
    QVERIFY(spies.changes().at(0).second.contains(RoomDirectoryModel::TopicRole));
    QVERIFY(!spies.changes().at(0).second.contains(RoomDirectoryModel::MemberCountRole));

    m_model->noteTopic(u"dev"_s, u"Builds"_s); // unchanged: silent
    m_model->noteTopic(u"nowhere"_s, u"x"_s); // not listed: ignored
    m_model->noteMemberCount(u"nowhere"_s, 4);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);

    m_model->noteMemberCount(u"dev"_s, 4);
    QCOMPARE(spies.moved.size(), 1);
    QCOMPARE(m_model->names(), (QStringList{u"dev"_s, u"lobby"_s}));
    QCOMPARE(spies.changes().size(), 2);
    QCOMPARE(spies.changes().at(1).first, 0);
    QVERIFY(spies.changes().at(1).second.contains(RoomDirectoryModel::MemberCountRole));
    QVERIFY(!spies.changes().at(1).second.contains(RoomDirectoryModel::TopicRole));

    m_model->noteMemberCount(u"dev"_s, -1); // never below zero
    QCOMPARE(m_model->index(m_model->rowOf(u"dev"_s)).data(RoomDirectoryModel::MemberCountRole).toInt(), 0);
}

void TestRoomDirectoryModel::presenceAdjustsMemberCount()
{
    m_model->setRooms({{u"dev"_s, QString(), 2}, {u"lobby"_s, QString(), 2}});
    QCOMPARE(m_model->names(), (QStringList{u"dev"_s, u"lobby"_s}));
    const QPersistentModelIndex lobby = m_model->index(1);
    Spies spies(m_model.get());

    m_model->adjustMemberCount(u"lobby"_s, +1); // someone joined: lobby is now the busier room
    QCOMPARE(m_model->names(), (QStringList{u"lobby"_s, u"dev"_s}));
    QCOMPARE(lobby.row(), 0);
    QCOMPARE(lobby.data(RoomDirectoryModel::MemberCountRole).toInt(), 3);
    QCOMPARE(spies.moved.size(), 1);
    QCOMPARE(spies.changes().size(), 1);
    QVERIFY(spies.changes().at(0).second.contains(RoomDirectoryModel::MemberCountRole));

    m_model->adjustMemberCount(u"dev"_s, -1);
    m_model->adjustMemberCount(u"dev"_s, -1);
    m_model->adjustMemberCount(u"dev"_s, -1); // never below zero, and no signal once there
    QCOMPARE(m_model->index(1).data(RoomDirectoryModel::MemberCountRole).toInt(), 0);
    QCOMPARE(spies.changes().size(), 3);
    m_model->adjustMemberCount(u"nowhere"_s, 1);
    QCOMPARE(m_model->rowCount(), 2);
}

void TestRoomDirectoryModel::noteRoomAddsOrUpdates()
{
    m_model->setRooms({{u"lobby"_s, QString(), 3}});
    Spies spies(m_model.get());

    m_model->noteRoom({u"new"_s, QString(), 1}); // the user just created it
    QCOMPARE(Spies::ranges(spies.inserted), (QList<QPair<int, int>>{{1, 1}}));
    m_model->noteRoom({u"new"_s, u"hi"_s, 1});
    QCOMPARE(spies.inserted.size(), 1);
    QCOMPARE(spies.changes().size(), 1);
    QCOMPARE(m_model->index(1).data(RoomDirectoryModel::TopicRole).toString(), u"hi"_s);
}

void TestRoomDirectoryModel::clearForgetsEverything()
{
    m_model->setJoinedRooms({u"dev"_s});
    m_model->setRooms({{u"dev"_s, QString(), 1}});
    Spies spies(m_model.get());

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->isLoaded());
    QCOMPARE(spies.loaded.size(), 1);
    QCOMPARE(spies.reset.size(), 1);

    m_model->setRooms({{u"dev"_s, QString(), 1}});
    QVERIFY(!m_model->index(0).data(RoomDirectoryModel::JoinedRole).toBool());
}

void TestRoomDirectoryModel::accessibleTextNamesTheFields()
{
    m_model->setJoinedRooms({u"dev"_s});
    m_model->setRooms({{u"dev"_s, u"Release on Friday"_s, 3}});
    const QString text = m_model->index(0).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(text.contains(u"dev"_s), qPrintable(text));
    QVERIFY2(text.contains(u"3"_s), qPrintable(text));
    QVERIFY2(text.contains(u"joined"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Release on Friday"_s), qPrintable(text));
}

void TestRoomDirectoryModel::filterMatchesNameOrTopicIgnoringCase()
{
    m_model->setRooms({{u"dev"_s, u"Release on Friday"_s, 3},
                       {u"lobby"_s, QString(), 5},
                       {u"devops"_s, QString(), 1},
                       {u"music"_s, u"Jazz and DEVELOPMENT tunes"_s, 2}});
    RoomDirectoryFilter filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(rowNames(filter), (QStringList{u"lobby"_s, u"dev"_s, u"music"_s, u"devops"_s}));
    filter.setFilterText(u"DEV"_s);
    QCOMPARE(rowNames(filter), (QStringList{u"dev"_s, u"music"_s, u"devops"_s})); // music by its topic
    filter.setFilterText(u"  #dev "_s);
    QCOMPARE(filter.filterText(), u"dev"_s);
    QCOMPARE(rowNames(filter).size(), 3);
    filter.setFilterText(u"friday"_s);
    QCOMPARE(rowNames(filter), (QStringList{u"dev"_s}));
    filter.setFilterText(u"nothing like it"_s);
    QCOMPARE(filter.rowCount(), 0);
    filter.setFilterText(QString());
    QCOMPARE(filter.rowCount(), 4);
}

void TestRoomDirectoryModel::filterFollowsInPlaceUpdates()
{
    m_model->setRooms({{u"dev"_s, QString(), 3}, {u"lobby"_s, QString(), 5}});
    RoomDirectoryFilter filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setFilterText(u"friday"_s);
    QCOMPARE(filter.rowCount(), 0);

    m_model->noteTopic(u"lobby"_s, u"Pizza on Friday"_s);
    QCOMPARE(rowNames(filter), (QStringList{u"lobby"_s}));
    m_model->setRooms({{u"dev"_s, u"Friday release"_s, 9}, {u"lobby"_s, u"Pizza on Friday"_s, 5}});
    QCOMPARE(rowNames(filter), (QStringList{u"dev"_s, u"lobby"_s}));
}

QTEST_GUILESS_MAIN(TestRoomDirectoryModel)
#include "tst_roomdirectorymodel.moc"
