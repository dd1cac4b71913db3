// The quick switcher's list: which conversations a query leaves, in which order, and which letters it marks,
// while the conversation list underneath keeps changing.

#include "conversation.h"
#include "quickswitchermodel.h"
#include "roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

using namespace Natter;

namespace {

// Stands in for RoomListModel: the same roles, rows set directly.
class Conversations
{
public:
    QStandardItemModel model;

    void add(const QString &name, int unread = 0) { model.appendRow(item(name, unread)); }
    void insert(int row, const QString &name, int unread = 0) { model.insertRow(row, item(name, unread)); }
    QStandardItem *find(const QString &name) const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.item(row)->data(RoomListModel::NameRole).toString() == name)
                return model.item(row);
        }
        return nullptr;
    }

private:
    static QStandardItem *item(const QString &name, int unread)
    {
        auto *item = new QStandardItem(name);
        item->setData(QStringLiteral("#") + name, RoomListModel::KeyRole);
        item->setData(name, RoomListModel::NameRole);
        item->setData(int(ConversationId::Kind::Room), RoomListModel::KindRole);
        item->setData(unread, RoomListModel::UnreadRole);
        return item;
    }
};

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(RoomListModel::NameRole).toString());
    return result;
}

} // namespace

class TestQuickSwitcherModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_conversations = std::make_unique<Conversations>();
        m_switcher = std::make_unique<QuickSwitcherModel>(RoomListModel::NameRole, RoomListModel::UnreadRole);
        m_tester = std::make_unique<QAbstractItemModelTester>(m_switcher.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_switcher.reset();
        m_conversations.reset();
    }

    void withoutQueryListsUnreadFirstThenInSourceOrder()
    {
        m_conversations->add(QStringLiteral("general"));
        m_conversations->add(QStringLiteral("dev"), 3);
        m_conversations->add(QStringLiteral("random-ideas"));
        m_conversations->add(QStringLiteral("ada"), 1);
        m_switcher->setSourceModel(&m_conversations->model);

        QCOMPARE(names(*m_switcher),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("ada"), QStringLiteral("general"),
                              QStringLiteral("random-ideas")}));
    }

    void queryFiltersAndRanksBestFirst()
    {
        m_conversations->add(QStringLiteral("general"));
        m_conversations->add(QStringLiteral("random-ideas"), 5);
        m_conversations->add(QStringLiteral("dev"));
        m_conversations->add(QStringLiteral("Dévelopment"));
        m_switcher->setSourceModel(&m_conversations->model);

        m_switcher->setQuery(QStringLiteral("dv"));
        QCOMPARE(names(*m_switcher), (QStringList{QStringLiteral("dev"), QStringLiteral("Dévelopment")}));

        // An unread count does not lift a poor match above a good one.
        m_switcher->setQuery(QStringLiteral("de"));
        QCOMPARE(names(*m_switcher),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("Dévelopment"), QStringLiteral("random-ideas")}));

        m_switcher->setQuery(QStringLiteral("xyz"));
        QCOMPARE(m_switcher->rowCount(), 0);

        m_switcher->setQuery(QString());
        QCOMPARE(m_switcher->rowCount(), 4);
    }

    void unreadBreaksTiesBeforeSourceOrder()
    {
        m_conversations->add(QStringLiteral("team-a"));
        m_conversations->add(QStringLiteral("team-b"), 2);
        m_conversations->add(QStringLiteral("team-c"));
        m_switcher->setSourceModel(&m_conversations->model);
        m_switcher->setQuery(QStringLiteral("team"));

        QCOMPARE(names(*m_switcher),
                 (QStringList{QStringLiteral("team-b"), QStringLiteral("team-a"), QStringLiteral("team-c")}));
    }

    void exposesMatchedPositions()
    {
        m_conversations->add(QStringLiteral("dev"));
        m_switcher->setSourceModel(&m_conversations->model);
        const QPersistentModelIndex dev = m_switcher->index(0, 0);

        QCOMPARE(dev.data(QuickSwitcherModel::MatchPositionsRole).value<QList<int>>(), QList<int>());
        m_switcher->setQuery(QStringLiteral("dv"));
        QCOMPARE(dev.data(QuickSwitcherModel::MatchPositionsRole).value<QList<int>>(), (QList<int>{0, 2}));
        // Other roles are the source's.
        QCOMPARE(dev.data(RoomListModel::KeyRole).toString(), QStringLiteral("#dev"));
        QVERIFY(m_switcher->roleNames().contains(QuickSwitcherModel::MatchPositionsRole));
    }

    void reportsQueryChangesOnce()
    {
        QSignalSpy changed(m_switcher.get(), &QuickSwitcherModel::queryChanged);
        m_switcher->setQuery(QStringLiteral("de"));
        m_switcher->setQuery(QStringLiteral("de"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_switcher->query(), QStringLiteral("de"));
    }

    void followsChangesInTheSource()
    {
        m_conversations->add(QStringLiteral("dev"));
        m_conversations->add(QStringLiteral("design"));
        m_conversations->add(QStringLiteral("general"));
        m_switcher->setSourceModel(&m_conversations->model);
        m_switcher->setQuery(QStringLiteral("de"));
        QCOMPARE(names(*m_switcher), (QStringList{QStringLiteral("dev"), QStringLiteral("design")}));

        // A new unread message lifts its conversation among equal matches.
        m_conversations->find(QStringLiteral("design"))->setData(1, RoomListModel::UnreadRole);
        QCOMPARE(names(*m_switcher), (QStringList{QStringLiteral("design"), QStringLiteral("dev")}));

        // A rename can make a conversation match, or stop it matching.
        QStandardItem *general = m_conversations->find(QStringLiteral("general"));
        general->setData(QStringLiteral("deploys"), RoomListModel::NameRole);
        QCOMPARE(names(*m_switcher),
                 (QStringList{QStringLiteral("design"), QStringLiteral("dev"), QStringLiteral("deploys")}));
        general->setData(QStringLiteral("general"), RoomListModel::NameRole);
        QCOMPARE(names(*m_switcher), (QStringList{QStringLiteral("design"), QStringLiteral("dev")}));

        // Joined and left conversations come and go.
        m_conversations->insert(0, QStringLiteral("de"));
        QCOMPARE(names(*m_switcher),
                 (QStringList{QStringLiteral("de"), QStringLiteral("design"), QStringLiteral("dev")}));
        m_conversations->model.removeRow(m_conversations->find(QStringLiteral("design"))->row());
        QCOMPARE(names(*m_switcher), (QStringList{QStringLiteral("de"), QStringLiteral("dev")}));
    }

    void worksOverTheRealConversationList()
    {
        Conversation general(ConversationId::room(QStringLiteral("general")), nullptr, nullptr);
        Conversation dev(ConversationId::room(QStringLiteral("dev")), nullptr, nullptr);
        Conversation dave(ConversationId::direct(QStringLiteral("Dave")), nullptr, nullptr);
        RoomListModel rooms;
        for (Conversation *conversation : {&general, &dev, &dave})
            rooms.addConversation(conversation);
        m_switcher->setSourceModel(&rooms);
        m_switcher->setQuery(QStringLiteral("dv"));
        QCOMPARE(m_switcher->rowCount(), 2);

        Protocol::ChatMessage message;
        message.seq = 1;
        message.id = QStringLiteral("m1");
        message.from = QStringLiteral("Dave");
        message.to = QStringLiteral("me");
        message.text = QStringLiteral("hi");
        dave.setOwnName(QStringLiteral("me"));
        dave.addMessage(message, false);
        QCOMPARE(m_switcher->index(0, 0).data(RoomListModel::NameRole).toString(), QStringLiteral("Dave"));
        QCOMPARE(m_switcher->index(0, 0).data(RoomListModel::KeyRole).toString(), QStringLiteral("@dave"));
    }

private:
    std::unique_ptr<Conversations> m_conversations;
    std::unique_ptr<QuickSwitcherModel> m_switcher;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestQuickSwitcherModel)
#include "tst_quickswitchermodel.moc"
