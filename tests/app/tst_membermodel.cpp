// MemberModel: a room's members sorted by name, the user marked as self, and who is typing until it times out
// or their message arrives.

#include "membermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Natter::MemberModel;

namespace {

QList<int> changedRoles(const QList<QVariant> &dataChanged)
{
    return dataChanged.at(2).value<QList<int>>();
}

} // namespace

class TestMemberModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void presenceAndScreenReaderText();
    void cleanup();

    void setMembersSortsCaseInsensitively();
    void addInsertsAtSortedPlace();
    void removeTakesOneRow();
    void renameMovesOneRow();
    void renameKeepingThePlaceMovesNothing();
    void selfIsDetectedCaseInsensitively();
    void typingAppearsAndExpires();
    void repeatedTypingSignalsOnce();
    void messageClearsTyping();
    void typingNamesFollowTheListOrder();
    void renameKeepsTyping();
    void removingATypistUpdatesTypingNames();
    void newMemberListForgetsTyping();
    void ownAndUnknownTypingIsIgnored();

private:
    std::unique_ptr<MemberModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestMemberModel::init()
{
    m_model = std::make_unique<MemberModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMemberModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestMemberModel::setMembersSortsCaseInsensitively()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setMembers({u"carol"_s, u"Bob"_s, u"alice"_s, u"bob"_s, u"Dave"_s, QString()});
    QCOMPARE(resets.size(), 1);
    QCOMPARE(m_model->names(), (QStringList{u"alice"_s, u"Bob"_s, u"carol"_s, u"Dave"_s})); // one Bob
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(1).data(MemberModel::NameRole).toString(), u"Bob"_s);
    QCOMPARE(m_model->index(1).data(Qt::DisplayRole).toString(), u"Bob"_s);
    QVERIFY(m_model->contains(u"BOB"_s));
    QVERIFY(!m_model->contains(u"eve"_s));
}

void TestMemberModel::addInsertsAtSortedPlace()
{
    m_model->setMembers({u"bob"_s, u"dave"_s});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);

    m_model->addMember(u"Carol"_s);
    m_model->addMember(u"alice"_s);
    m_model->addMember(u"Eve"_s);
    m_model->addMember(u"DAVE"_s); // already here under another case
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(1).toInt(), 0);
    QCOMPARE(inserted.at(2).at(1).toInt(), 4);
    QCOMPARE(inserted.at(2).at(2).toInt(), 4);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m_model->names(), (QStringList{u"alice"_s, u"bob"_s, u"Carol"_s, u"dave"_s, u"Eve"_s}));
}

void TestMemberModel::removeTakesOneRow()
{
    m_model->setMembers({u"alice"_s, u"bob"_s, u"carol"_s});
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

    m_model->removeMember(u"Bob"_s);
    m_model->removeMember(u"nobody"_s);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(m_model->names(), (QStringList{u"alice"_s, u"carol"_s}));
}

void TestMemberModel::renameMovesOneRow()
{
    m_model->setMembers({u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s});
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    const QPersistentModelIndex alice = m_model->index(0);
    m_model->renameMember(u"alice"_s, u"Cyril"_s); // down, between carol and dave
    QCOMPARE(moved.size(), 1);
    QCOMPARE(alice.row(), 2);
    QCOMPARE(alice.data().toString(), u"Cyril"_s);
    QCOMPARE(moved.at(0).at(1).toInt(), 0);
    QCOMPARE(moved.at(0).at(4).toInt(), 3);
    QCOMPARE(m_model->names(), (QStringList{u"bob"_s, u"carol"_s, u"Cyril"_s, u"dave"_s}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QVERIFY(changedRoles(changed.at(0)).contains(MemberModel::NameRole));
    QVERIFY(!changedRoles(changed.at(0)).contains(MemberModel::TypingRole));

    m_model->renameMember(u"dave"_s, u"aaron"_s); // up, to the top
    QCOMPARE(moved.size(), 2);
    QCOMPARE(moved.at(1).at(1).toInt(), 3);
    QCOMPARE(moved.at(1).at(4).toInt(), 0);
    QCOMPARE(m_model->names(), (QStringList{u"aaron"_s, u"bob"_s, u"carol"_s, u"Cyril"_s}));
    QVERIFY(!m_model->contains(u"dave"_s));
}

void TestMemberModel::renameKeepingThePlaceMovesNothing()
{
    m_model->setMembers({u"alice"_s, u"bob"_s, u"carol"_s});
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->renameMember(u"bob"_s, u"Bobby"_s);
    m_model->renameMember(u"carol"_s, u"Carol"_s);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_model->names(), (QStringList{u"alice"_s, u"Bobby"_s, u"Carol"_s}));
}

void TestMemberModel::selfIsDetectedCaseInsensitively()
{
    m_model->setMembers({u"alice"_s, u"Bob"_s});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setOwnName(u"bob"_s);
    QCOMPARE(m_model->ownName(), u"bob"_s);
    QVERIFY(m_model->index(1).data(MemberModel::IsSelfRole).toBool());
    QVERIFY(!m_model->index(0).data(MemberModel::IsSelfRole).toBool());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changedRoles(changed.at(0)), QList<int>{MemberModel::IsSelfRole});

    m_model->setOwnName(u"ALICE"_s); // both rows change
    QCOMPARE(changed.size(), 3);
    QVERIFY(m_model->index(0).data(MemberModel::IsSelfRole).toBool());
    QVERIFY(!m_model->index(1).data(MemberModel::IsSelfRole).toBool());

    // The user's own rename, as the server announces it, keeps the row marked once the own name follows.
    m_model->renameMember(u"alice"_s, u"zoe"_s);
    m_model->setOwnName(u"zoe"_s);
    QCOMPARE(m_model->names(), (QStringList{u"Bob"_s, u"zoe"_s}));
    QVERIFY(m_model->index(1).data(MemberModel::IsSelfRole).toBool());
    QVERIFY(!m_model->index(0).data(MemberModel::IsSelfRole).toBool());
}

void TestMemberModel::typingAppearsAndExpires()
{
    m_model->setMembers({u"alice"_s, u"bob"_s});
    m_model->setTypingTimeout(50);
    QCOMPARE(m_model->typingTimeout(), 50);
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setTyping(u"Bob"_s);
    QVERIFY(m_model->index(1).data(MemberModel::TypingRole).toBool());
    QVERIFY(m_model->isTyping(u"bob"_s));
    QCOMPARE(m_model->typingNames(), QStringList{u"bob"_s});
    QCOMPARE(m_model->property("typingNames").toStringList(), QStringList{u"bob"_s});
    QCOMPARE(typing.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changedRoles(changed.at(0)), QList<int>{MemberModel::TypingRole});

    QTRY_VERIFY(!m_model->index(1).data(MemberModel::TypingRole).toBool());
    QCOMPARE(m_model->typingNames(), QStringList());
    QCOMPARE(typing.size(), 2);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 1);
    QCOMPARE(changedRoles(changed.at(1)), QList<int>{MemberModel::TypingRole});
}

void TestMemberModel::repeatedTypingSignalsOnce()
{
    m_model->setMembers({u"alice"_s});
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setTyping(u"alice"_s);
    m_model->setTyping(u"alice"_s); // a later typing event only extends the time
    m_model->setTyping(u"ALICE"_s);
    QCOMPARE(typing.size(), 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_model->isTyping(u"alice"_s));
}

void TestMemberModel::messageClearsTyping()
{
    m_model->setMembers({u"alice"_s, u"bob"_s});
    m_model->setTyping(u"alice"_s); // default timeout: only the message can end it within this test
    QCOMPARE(m_model->typingTimeout(), MemberModel::DefaultTypingTimeout);
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->clearTyping(u"alice"_s);
    QVERIFY(!m_model->isTyping(u"alice"_s));
    QVERIFY(!m_model->index(0).data(MemberModel::TypingRole).toBool());
    QCOMPARE(m_model->typingNames(), QStringList());
    QCOMPARE(typing.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changedRoles(changed.at(0)), QList<int>{MemberModel::TypingRole});

    m_model->clearTyping(u"alice"_s); // was not typing
    m_model->clearTyping(u"bob"_s);
    QCOMPARE(typing.size(), 1);
    QCOMPARE(changed.size(), 1);
}

void TestMemberModel::typingNamesFollowTheListOrder()
{
    m_model->setMembers({u"alice"_s, u"Bob"_s, u"carol"_s, u"dave"_s});
    m_model->setTypingTimeout(50);
    m_model->setTyping(u"dave"_s);
    m_model->setTypingTimeout(MemberModel::DefaultTypingTimeout);
    m_model->setTyping(u"carol"_s);
    m_model->setTyping(u"alice"_s);
    QCOMPARE(m_model->typingNames(), (QStringList{u"alice"_s, u"carol"_s, u"dave"_s}));

    // Each member has their own deadline: dave's short one ends alone.
    QTRY_COMPARE(m_model->typingNames(), (QStringList{u"alice"_s, u"carol"_s}));
}

void TestMemberModel::renameKeepsTyping()
{
    m_model->setMembers({u"alice"_s, u"bob"_s, u"carol"_s});
    m_model->setTypingTimeout(50);
    m_model->setTyping(u"alice"_s);
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);

    m_model->renameMember(u"alice"_s, u"zoe"_s);
    QCOMPARE(m_model->typingNames(), QStringList{u"zoe"_s});
    QVERIFY(m_model->index(2).data(MemberModel::TypingRole).toBool());
    QVERIFY(!m_model->index(0).data(MemberModel::TypingRole).toBool());
    QCOMPARE(typing.size(), 1); // the name in "… is typing" changed

    QTRY_VERIFY(!m_model->isTyping(u"zoe"_s)); // and the deadline moved along with the member
    QCOMPARE(typing.size(), 2);
}

void TestMemberModel::removingATypistUpdatesTypingNames()
{
    m_model->setMembers({u"alice"_s, u"bob"_s});
    m_model->setTyping(u"bob"_s);
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);

    m_model->removeMember(u"alice"_s);
    QCOMPARE(typing.size(), 0);
    m_model->removeMember(u"bob"_s);
    QCOMPARE(typing.size(), 1);
    QCOMPARE(m_model->typingNames(), QStringList());
}

void TestMemberModel::newMemberListForgetsTyping()
{
    m_model->setMembers({u"alice"_s, u"bob"_s});
    m_model->setTyping(u"bob"_s);
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);

    m_model->setMembers({u"bob"_s, u"carol"_s}); // another room: bob is not typing there
    QCOMPARE(typing.size(), 1);
    QVERIFY(!m_model->isTyping(u"bob"_s));
    QCOMPARE(m_model->typingNames(), QStringList());

    m_model->setMembers({u"dave"_s});
    QCOMPARE(typing.size(), 1); // nobody was typing
}

void TestMemberModel::ownAndUnknownTypingIsIgnored()
{
    m_model->setOwnName(u"Me"_s);
    m_model->setMembers({u"alice"_s, u"me"_s});
    QSignalSpy typing(m_model.get(), &MemberModel::typingChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setTyping(u"me"_s); // the server's echo of the user's own typing
    m_model->setTyping(u"stranger"_s);
    QCOMPARE(typing.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->typingNames(), QStringList());
}

void TestMemberModel::presenceAndScreenReaderText()
{
    m_model->setOwnName(u"Me"_s);
    m_model->setMembers({u"alice"_s, u"me"_s});
    const auto row = [this](const QString &name) { return m_model->index(int(m_model->names().indexOf(name))); };
    QVERIFY(row(u"alice"_s).data(MemberModel::OnlineRole).toBool()); // members of a room are online
    QCOMPARE(row(u"alice"_s).data(Qt::AccessibleTextRole).toString(), u"alice"_s);
    QCOMPARE(row(u"me"_s).data(Qt::AccessibleTextRole).toString(), u"me, you"_s);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setOnline(u"ALICE"_s, false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{MemberModel::OnlineRole});
    QVERIFY(!m_model->isOnline(u"alice"_s));
    QCOMPARE(row(u"alice"_s).data(Qt::AccessibleTextRole).toString(), u"alice, not online"_s);
    m_model->setOnline(u"alice"_s, false); // no change, no signal
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestMemberModel)

#include "tst_membermodel.moc"
