// RoomListModel: rooms by name, then direct conversations by latest activity, following their Conversation
// objects with single inserts, moves and removals, and unread counts for the tray and the window.

#include "chatmessage.h"
#include "conversation.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Natter;

namespace {

constexpr auto room = &ConversationId::room;
constexpr auto direct = &ConversationId::direct;
using Moves = QList<QPair<int, int>>;

constexpr qint64 Start = 1'700'000'000'000;

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
    void unreadFollowsTheConversations();
    void mentionsAndPresence();
    void removesAndForgetsDestroyedConversations();
    void nextUnreadWrapsAround();
    void clearResetsOnce();

private:
    Conversation *object(const ConversationId &id);
    void add(const QList<ConversationId> &ids);
    // A message from someone else at Start + seconds.
    void say(const ConversationId &id, int seconds, const QString &text = u"hi"_s);
    QStringList keys() const;
    QVariant dataAt(int row, int role) const { return m_model->index(row).data(role); }

    std::unique_ptr<RoomListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_resets;
    std::map<QString, std::unique_ptr<Conversation>> m_objects;
    qint64 m_seq = 0;
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
    m_objects.clear();
}

Conversation *TestRoomListModel::object(const ConversationId &id)
{
    auto &slot = m_objects[id.key()];
    if (!slot) {
        slot = std::make_unique<Conversation>(id, nullptr, nullptr);
        slot->setOwnName(u"me"_s);
    }
    return slot.get();
}

void TestRoomListModel::add(const QList<ConversationId> &ids)
{
    for (const ConversationId &id : ids)
        m_model->addConversation(object(id));
}

void TestRoomListModel::say(const ConversationId &id, int seconds, const QString &text)
{
    Protocol::ChatMessage message;
    message.seq = ++m_seq;
    message.id = u"m%1"_s.arg(m_seq);
    message.from = id.isRoom() ? u"someone"_s : id.name;
    if (id.isRoom())
        message.room = id.name;
    else
        message.to = u"me"_s;
    message.text = text;
    message.ts = Start + seconds * 1000LL;
    object(id)->addMessage(message, false);
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
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    add({room(u"lobby"_s), room(u"dev"_s), room(u"zoo"_s), room(u"art"_s)});
    QCOMPARE(keys(), (QStringList{u"#art"_s, u"#dev"_s, u"#lobby"_s, u"#zoo"_s}));
    QCOMPARE(inserted.size(), 4);
    add({room(u"dev"_s)}); // already listed
    QCOMPARE(inserted.size(), 4);
}

void TestRoomListModel::insertsDirectsAfterRooms()
{
    add({direct(u"Bob"_s), room(u"lobby"_s), direct(u"alice"_s)});
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@alice"_s, u"@bob"_s}));
    QVERIFY(m_model->contains(direct(u"BOB"_s))); // one person, however spelled
    QCOMPARE(m_model->rowOf(direct(u"bob"_s)), 2);
    QCOMPARE(m_model->conversationAt(2).name, u"Bob"_s);
}

void TestRoomListModel::rolesDescribeTheConversation()
{
    add({room(u"dev"_s), direct(u"bob"_s)});
    object(room(u"dev"_s))->setTopic(u"Release on Friday"_s);
    object(room(u"dev"_s))->setMembers({u"me"_s, u"ann"_s, u"cy"_s});
    QCOMPARE(dataAt(0, RoomListModel::NameRole).toString(), u"dev"_s);
    QCOMPARE(dataAt(0, RoomListModel::KindRole).toInt(), int(ConversationId::Kind::Room));
    QCOMPARE(dataAt(0, RoomListModel::TopicRole).toString(), u"Release on Friday"_s);
    QCOMPARE(dataAt(0, RoomListModel::MemberCountRole).toInt(), 3);
    QCOMPARE(dataAt(0, RoomListModel::SectionRole).toString(), u"Rooms"_s);
    QCOMPARE(dataAt(1, RoomListModel::SectionRole).toString(), u"Direct messages"_s);
    QVERIFY(!dataAt(1, RoomListModel::LastActivityRole).toDateTime().isValid());
    QVERIFY(!dataAt(1, RoomListModel::HasDraftRole).toBool());
    object(direct(u"bob"_s))->setDraft(u"half a thought"_s);
    QVERIFY(dataAt(1, RoomListModel::HasDraftRole).toBool());
    QVERIFY(dataAt(0, Qt::AccessibleTextRole).toString().contains(u"dev"_s));
}

void TestRoomListModel::activityMovesDirectUpAndTiesGoByName()
{
    add({room(u"lobby"_s), direct(u"carol"_s), direct(u"alice"_s), direct(u"bob"_s)});
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@alice"_s, u"@bob"_s, u"@carol"_s}));
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);

    const QPersistentModelIndex carol = m_model->index(3);
    say(direct(u"carol"_s), 10);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(carol.row(), 1); // views keep their selection on the moved row
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@carol"_s, u"@alice"_s, u"@bob"_s}));

    say(direct(u"bob"_s), 20);
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s, u"@carol"_s, u"@alice"_s}));
    say(room(u"lobby"_s), 99); // rooms stay in alphabetical order
    QCOMPARE(keys().first(), u"#lobby"_s);
    QCOMPARE(moved.size(), 2);
}

void TestRoomListModel::unreadFollowsTheConversations()
{
    add({room(u"lobby"_s), direct(u"bob"_s)});
    QSignalSpy total(m_model.get(), &RoomListModel::totalUnreadChanged);
    say(room(u"lobby"_s), 1);
    say(room(u"lobby"_s), 2);
    say(direct(u"bob"_s), 3);
    QCOMPARE(m_model->unread(room(u"lobby"_s)), 2);
    QCOMPARE(m_model->unread(direct(u"bob"_s)), 1);
    QCOMPARE(m_model->totalUnread(), 3);
    QCOMPARE(total.last().at(0).toInt(), 3);
    object(room(u"lobby"_s))->markAllRead();
    QCOMPARE(m_model->totalUnread(), 1);
    QCOMPARE(dataAt(0, RoomListModel::UnreadRole).toInt(), 0);
    QCOMPARE(total.last().at(0).toInt(), 1);
}

void TestRoomListModel::mentionsAndPresence()
{
    add({room(u"dev"_s), direct(u"bob"_s)});
    say(room(u"dev"_s), 1, u"lunch?"_s);
    say(room(u"dev"_s), 2, u"@me are you coming"_s);
    QCOMPARE(dataAt(0, RoomListModel::UnreadRole).toInt(), 2);
    QCOMPARE(dataAt(0, RoomListModel::MentionRole).toInt(), 1);
    say(direct(u"bob"_s), 3); // every direct message is addressed to the user
    QCOMPARE(dataAt(1, RoomListModel::MentionRole).toInt(), 1);
    QVERIFY(dataAt(0, RoomListModel::OnlineRole).toBool());
    QVERIFY(!dataAt(1, RoomListModel::OnlineRole).toBool());
    object(direct(u"bob"_s))->setPeerOnline(true);
    QVERIFY(dataAt(1, RoomListModel::OnlineRole).toBool());
}

void TestRoomListModel::removesAndForgetsDestroyedConversations()
{
    add({room(u"lobby"_s), room(u"dev"_s), direct(u"bob"_s)});
    say(room(u"dev"_s), 1);
    QCOMPARE(m_model->totalUnread(), 1);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->removeConversation(room(u"dev"_s));
    QCOMPARE(keys(), (QStringList{u"#lobby"_s, u"@bob"_s}));
    QCOMPARE(m_model->totalUnread(), 0);
    m_objects.erase(direct(u"bob"_s).key()); // destroyed while listed
    QCOMPARE(keys(), QStringList{u"#lobby"_s});
    QCOMPARE(removed.size(), 2);
    say(room(u"dev"_s), 2); // no longer listed: changes nothing here
    QCOMPARE(m_model->rowCount(), 1);
}

void TestRoomListModel::nextUnreadWrapsAround()
{
    add({room(u"a"_s), room(u"b"_s), room(u"c"_s), direct(u"dora"_s)});
    QVERIFY(!m_model->nextUnread(room(u"a"_s)).isValid());
    say(room(u"c"_s), 1);
    say(direct(u"dora"_s), 2);
    QCOMPARE(m_model->nextUnread(room(u"a"_s)), room(u"c"_s));
    QCOMPARE(m_model->nextUnread(room(u"c"_s)), direct(u"dora"_s));
    QCOMPARE(m_model->nextUnread(direct(u"dora"_s)), room(u"c"_s)); // wraps
    QCOMPARE(m_model->nextUnread(room(u"a"_s), -1), direct(u"dora"_s));
    QCOMPARE(m_model->nextUnread({}), room(u"c"_s));
}

void TestRoomListModel::clearResetsOnce()
{
    add({room(u"lobby"_s), direct(u"bob"_s)});
    say(direct(u"bob"_s), 1);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(resets.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->totalUnread(), 0);
    m_resets->clear();
}

QTEST_GUILESS_MAIN(TestRoomListModel)
#include "tst_roomlistmodel.moc"
