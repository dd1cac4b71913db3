// The quick switcher used the way a person would: open it, type a few letters, move with the arrow keys, press
// Enter or Esc, or click.

#include "conversation.h"
#include "quickswitcher.h"
#include "quickswitcherdelegate.h"
#include "quickswitchermodel.h"
#include "roomlistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include <memory>
#include <vector>

using namespace Natter;

namespace {

template<typename T> T *child(const QWidget *parent, const char *objectName)
{
    return parent->findChild<T *>(QString::fromLatin1(objectName));
}

QStringList keysShown(const QListView *list)
{
    QStringList keys;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        keys.append(list->model()->index(row, 0).data(RoomListModel::KeyRole).toString());
    return keys;
}

// A window with its conversation list and a switcher over it, opened and ready for typing.
struct Fixture
{
    std::vector<std::unique_ptr<Conversation>> objects;
    RoomListModel conversations;
    void add(const ConversationId &id)
    {
        objects.push_back(std::make_unique<Conversation>(id, nullptr, nullptr));
        conversations.addConversation(objects.back().get());
    }
    QWidget window;
    QuickSwitcher *switcher = nullptr;
    QLineEdit *edit = nullptr;
    QListView *list = nullptr;
    QLabel *noMatch = nullptr;

    Fixture()
    {
        add(ConversationId::room(QStringLiteral("general")));
        add(ConversationId::room(QStringLiteral("dev")));
        add(ConversationId::room(QStringLiteral("random-ideas")));
        add(ConversationId::direct(QStringLiteral("Dave")));
        add(ConversationId::direct(QStringLiteral("Zoë")));
        window.resize(800, 600);
        switcher = new QuickSwitcher(&conversations, &window);
        edit = child<QLineEdit>(switcher, "searchEdit");
        list = child<QListView>(switcher, "resultList");
        noMatch = child<QLabel>(switcher, "noMatchLabel");
    }

    bool open()
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        switcher->open();
        return QTest::qWaitForWindowExposed(switcher) && edit && list && noMatch;
    }
};

} // namespace

class TestQuickSwitcher : public QObject
{
    Q_OBJECT

private slots:
    void opensOverTheWindowWithEveryConversation()
    {
        Fixture f;
        QVERIFY(f.open());
        QCOMPARE(f.edit->placeholderText(), QStringLiteral("Jump to a conversation…"));
        QVERIFY(!f.edit->accessibleName().isEmpty());
        QVERIFY(!f.list->accessibleName().isEmpty());
        QCOMPARE(f.switcher->focusWidget(), f.edit);

        QCOMPARE(f.list->model()->rowCount(), 5);
        QCOMPARE(f.list->currentIndex().row(), 0);
        QVERIFY(f.list->selectionModel()->isRowSelected(0));
        QVERIFY(f.list->isVisible());
        QVERIFY(!f.noMatch->isVisible());

        const QRect window(f.window.mapToGlobal(QPoint(0, 0)), f.window.size());
        const QRect popup = f.switcher->frameGeometry();
        QVERIFY2(window.contains(popup), "the switcher sits inside its window");
        // A few pixels of slack for window frames, which some platforms add even to popups.
        QVERIFY(qAbs(popup.center().x() - window.center().x()) <= 4);
        QVERIFY(popup.top() < window.top() + window.height() / 4);
    }

    void typingFiltersAndSelectsTheBestMatch()
    {
        Fixture f;
        QVERIFY(f.open());
        QTest::keyClicks(f.edit, QStringLiteral("dv"));
        QCOMPARE(keysShown(f.list), (QStringList{QStringLiteral("#dev"), QStringLiteral("@dave")}));
        QCOMPARE(f.list->currentIndex().row(), 0);

        QTest::keyClick(f.edit, Qt::Key_Backspace);
        QCOMPARE(f.list->model()->rowCount(), 3); // "d": dev, random-ideas, Dave
        QCOMPARE(f.list->currentIndex().row(), 0);
    }

    void enterPicksTheSelectedConversation()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy chosen(f.switcher, &QuickSwitcher::conversationChosen);
        QTest::keyClicks(f.edit, QStringLiteral("gen"));
        QTest::keyClick(f.edit, Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("#general"));
        QVERIFY(!f.switcher->isVisible());
    }

    void downThenEnterPicksTheSecond()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy chosen(f.switcher, &QuickSwitcher::conversationChosen);
        QTest::keyClicks(f.edit, QStringLiteral("dv"));
        QTest::keyClick(f.edit, Qt::Key_Down);
        QCOMPARE(f.list->currentIndex().row(), 1);
        QCOMPARE(f.switcher->focusWidget(), f.edit);
        QTest::keyClick(f.edit, Qt::Key_Enter);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("@dave"));
    }

    void arrowAndPageKeysMoveTheSelection()
    {
        Fixture f;
        QVERIFY(f.open());
        QTest::keyClick(f.edit, Qt::Key_Down);
        QTest::keyClick(f.edit, Qt::Key_Down);
        QTest::keyClick(f.edit, Qt::Key_Up);
        QCOMPARE(f.list->currentIndex().row(), 1);
        QTest::keyClick(f.edit, Qt::Key_PageDown);
        QCOMPARE(f.list->currentIndex().row(), 4);
        QTest::keyClick(f.edit, Qt::Key_PageUp);
        QCOMPARE(f.list->currentIndex().row(), 0);
        QTest::keyClick(f.edit, Qt::Key_Up);
        QCOMPARE(f.list->currentIndex().row(), 0);
        QCOMPARE(f.edit->text(), QString());
        QVERIFY(f.switcher->isVisible());
    }

    void escapeClosesWithoutChoosing()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy chosen(f.switcher, &QuickSwitcher::conversationChosen);
        QTest::keyClicks(f.edit, QStringLiteral("dev"));
        QTest::keyClick(f.edit, Qt::Key_Escape);
        QVERIFY(!f.switcher->isVisible());
        QCOMPARE(chosen.size(), 0);
    }

    void clickPicksARow()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy chosen(f.switcher, &QuickSwitcher::conversationChosen);
        const QModelIndex second = f.list->model()->index(1, 0);
        const QString key = second.data(RoomListModel::KeyRole).toString();
        QTest::mouseClick(f.list->viewport(), Qt::LeftButton, {}, f.list->visualRect(second).center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), key);
        QVERIFY(!f.switcher->isVisible());
    }

    void noMatchSaysSoQuietly()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy chosen(f.switcher, &QuickSwitcher::conversationChosen);
        QTest::keyClicks(f.edit, QStringLiteral("xyz"));
        QVERIFY(f.noMatch->isVisible());
        QVERIFY(!f.list->isVisible());
        QCOMPARE(f.noMatch->text(), QStringLiteral("No conversation matches"));
        QCOMPARE(f.noMatch->textFormat(), Qt::PlainText);

        QTest::keyClick(f.edit, Qt::Key_Return);
        QCOMPARE(chosen.size(), 0);
        QVERIFY(f.switcher->isVisible());

        for (int i = 0; i < 3; ++i)
            QTest::keyClick(f.edit, Qt::Key_Backspace);
        QVERIFY(f.list->isVisible());
        QVERIFY(!f.noMatch->isVisible());
        QCOMPARE(f.list->currentIndex().row(), 0);
    }

    void followsTheConversationListWhileOpen()
    {
        Fixture f;
        QVERIFY(f.open());
        QTest::keyClicks(f.edit, QStringLiteral("zz"));
        QVERIFY(f.noMatch->isVisible());

        // Joining a room that matches fills the list and selects it.
        f.add(ConversationId::room(QStringLiteral("jazz")));
        QVERIFY(f.list->isVisible());
        QCOMPARE(keysShown(f.list), QStringList{QStringLiteral("#jazz")});
        QCOMPARE(f.list->currentIndex().row(), 0);

        f.conversations.removeConversation(ConversationId::room(QStringLiteral("jazz")));
        QVERIFY(f.noMatch->isVisible());
    }

    void reopeningStartsOver()
    {
        Fixture f;
        QVERIFY(f.open());
        QTest::keyClicks(f.edit, QStringLiteral("ran"));
        QCOMPARE(f.list->model()->rowCount(), 1);
        QTest::keyClick(f.edit, Qt::Key_Escape);

        f.switcher->open();
        QVERIFY(QTest::qWaitForWindowExposed(f.switcher));
        QCOMPARE(f.edit->text(), QString());
        QCOMPARE(f.list->model()->rowCount(), 5);
        QCOMPARE(f.list->currentIndex().row(), 0);
    }

    void matchedLettersArePaintedDifferently()
    {
        QStandardItemModel model;
        auto *item = new QStandardItem;
        item->setData(QStringLiteral("<b>dev</b>"), RoomListModel::NameRole);
        item->setData(int(ConversationId::Kind::Room), RoomListModel::KindRole);
        model.appendRow(item);
        QuickSwitcherDelegate delegate;

        const auto paint = [&](const QList<int> &positions) {
            item->setData(QVariant::fromValue(positions), QuickSwitcherModel::MatchPositionsRole);
            QStyleOptionViewItem option;
            option.initFrom(&m_canvas);
            option.rect = QRect(0, 0, 300, delegate.sizeHint(option, model.index(0, 0)).height());
            QImage image(option.rect.size(), QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(0, 0));
            return image;
        };

        const QImage plain = paint({});
        QCOMPARE(paint({}), plain);
        QVERIFY(paint({3, 4, 5}) != plain); // "dev" inside the tags, in bold
        QVERIFY(paint({0}) != paint({3}));
    }

private:
    QWidget m_canvas;
};

QTEST_MAIN(TestQuickSwitcher)
#include "tst_quickswitcher.moc"
