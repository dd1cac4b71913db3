// Drives the Browse Rooms dialog the way a person would: typing to filter, arrow keys, Enter, clicks and
// double-clicks, against a RoomDirectoryModel that changes underneath it.

#include "chatmessage.h"
#include "roomdirectorydialog.h"
#include "roomdirectorymodel.h"
#include "validation.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Natter;
using namespace Qt::StringLiterals;

namespace {

template<typename T> T *child(const QWidget *parent, const char *objectName)
{
    return parent->findChild<T *>(QString::fromLatin1(objectName));
}

bool showAndWait(QDialog *dialog)
{
    dialog->show();
    QApplication::setActiveWindow(dialog);
    return QTest::qWaitForWindowActive(dialog);
}

void clearByKeyboard(QWidget *widget)
{
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_Backspace);
}

QStringList shownRooms(const QListView *list)
{
    QStringList result;
    const QAbstractItemModel *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row)
        result.append(model->index(row, 0).data(RoomDirectoryModel::NameRole).toString());
    return result;
}

QModelIndex shownIndex(const QListView *list, const QString &room)
{
    const QAbstractItemModel *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(RoomDirectoryModel::NameRole).toString() == room)
            return index;
    }
    return {};
}

QList<Protocol::RoomSummary> someRooms()
{
    return {{u"dev"_s, u"Release on Friday"_s, 3},
            {u"devops"_s, QString(), 1},
            {u"lobby"_s, QString(), 5},
            {u"music"_s, u"<b>Jazz</b> & blues"_s, 2}};
}

} // namespace

class TestRoomDirectoryDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void titleAndAccessibleNames();
    void refreshRequestedOnShow();
    void loadingThenListThenEmptyState();
    void filtersByNameAndTopic();
    void joinButtonEmitsSelectedRoom();
    void doubleClickJoins();
    void enterInFilterTakesExactMatchOrBusiest();
    void joinedRoomSaysOpen();
    void createAppearsOnlyForValidNewNames_data();
    void createAppearsOnlyForValidNewNames();
    void enterCreatesTypedRoom();
    void enterOnAFocusedButtonPressesThatButton();
    void invalidTextKeepsTextAndShowsRule();
    void invalidTextThatMatchesShowsNoRule();
    void downMovesIntoListAndUpComesBack();
    void typingInListRefinesFilter();
    void selectionSurvivesANewList();
    void roomAppearingWhileTypingTakesOverCreate();

private:
    struct Widgets
    {
        QLineEdit *filter = nullptr;
        QListView *list = nullptr;
        QPushButton *join = nullptr;
        QPushButton *create = nullptr;
        QLabel *error = nullptr;
        QLabel *state = nullptr;
    };
    static Widgets widgetsOf(const RoomDirectoryDialog &dialog);

    std::unique_ptr<RoomDirectoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TestRoomDirectoryDialog::Widgets TestRoomDirectoryDialog::widgetsOf(const RoomDirectoryDialog &dialog)
{
    Widgets widgets{child<QLineEdit>(&dialog, "filterEdit"),   child<QListView>(&dialog, "roomList"),
                    child<QPushButton>(&dialog, "joinButton"), child<QPushButton>(&dialog, "createButton"),
                    child<QLabel>(&dialog, "errorLabel"),      child<QLabel>(&dialog, "stateLabel")};
    return widgets;
}

void TestRoomDirectoryDialog::init()
{
    m_model = std::make_unique<RoomDirectoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRoomDirectoryDialog::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestRoomDirectoryDialog::titleAndAccessibleNames()
{
    RoomDirectoryDialog dialog(m_model.get(), u"Ada's Server"_s);
    QVERIFY(dialog.windowTitle().contains(u"Ada's Server"_s));
    const Widgets w = widgetsOf(dialog);
    QVERIFY(w.filter && w.list && w.join && w.create && w.error && w.state);
    QCOMPARE(w.filter->placeholderText(), u"Find or create a room"_s);
    QVERIFY(!w.filter->accessibleName().isEmpty());
    QVERIFY(!w.list->accessibleName().isEmpty());
    QCOMPARE(w.error->textFormat(), Qt::PlainText);
    QCOMPARE(w.state->textFormat(), Qt::PlainText);
}

void TestRoomDirectoryDialog::refreshRequestedOnShow()
{
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QSignalSpy refresh(&dialog, &RoomDirectoryDialog::refreshRequested);
    QCOMPARE(refresh.size(), 0); // not for being built, only for being seen
    QVERIFY(showAndWait(&dialog));
    QCOMPARE(refresh.size(), 1);
    dialog.hide();
    QVERIFY(showAndWait(&dialog));
    QCOMPARE(refresh.size(), 2);
}

void TestRoomDirectoryDialog::loadingThenListThenEmptyState()
{
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QVERIFY(w.state->isVisible());
    QVERIFY(!w.list->isVisible());
    QCOMPARE(w.state->text(), u"Loading rooms…"_s);
    QVERIFY(!w.join->isEnabled());

    m_model->setRooms(someRooms());
    QVERIFY(w.list->isVisible());
    QVERIFY(!w.state->isVisible());
    QCOMPARE(shownRooms(w.list), (QStringList{u"lobby"_s, u"dev"_s, u"music"_s, u"devops"_s}));

    QTest::keyClicks(w.filter, u"zzz"_s);
    QVERIFY(w.state->isVisible());
    QCOMPARE(w.state->text(), u"No rooms match"_s);

    m_model->setRooms({});
    clearByKeyboard(w.filter);
    QVERIFY(w.state->isVisible());
    QVERIFY(w.state->text() != u"Loading rooms…"_s);
}

void TestRoomDirectoryDialog::filtersByNameAndTopic()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);

    QTest::keyClicks(w.filter, u"DEV"_s);
    QCOMPARE(shownRooms(w.list), (QStringList{u"dev"_s, u"devops"_s}));
    clearByKeyboard(w.filter);
    QTest::keyClicks(w.filter, u"friday"_s);
    QCOMPARE(shownRooms(w.list), (QStringList{u"dev"_s})); // by its topic
    clearByKeyboard(w.filter);
    QTest::keyClicks(w.filter, u"JAZZ"_s);
    QCOMPARE(shownRooms(w.list), (QStringList{u"music"_s}));
    clearByKeyboard(w.filter);
    QCOMPARE(shownRooms(w.list).size(), 4);
}

void TestRoomDirectoryDialog::joinButtonEmitsSelectedRoom()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    const QModelIndex music = shownIndex(w.list, u"music"_s);
    QTest::mouseClick(w.list->viewport(), Qt::LeftButton, {}, w.list->visualRect(music).center());
    QCOMPARE(dialog.selectedRoom(), u"music"_s);
    QVERIFY(w.join->isEnabled());
    QCOMPARE(w.join->text(), u"Join"_s);
    QCOMPARE(joins.size(), 0); // a single click only selects

    QTest::mouseClick(w.join, Qt::LeftButton);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"music"_s);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestRoomDirectoryDialog::doubleClickJoins()
{
    if (QApplication::style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick))
        QSKIP("this style activates rows on a single click");
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    const QPoint devops = w.list->visualRect(shownIndex(w.list, u"devops"_s)).center();
    QTest::mouseClick(w.list->viewport(), Qt::LeftButton, {}, devops);
    QTest::mouseDClick(w.list->viewport(), Qt::LeftButton, {}, devops);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"devops"_s);
    QVERIFY(!dialog.isVisible());
}

void TestRoomDirectoryDialog::enterInFilterTakesExactMatchOrBusiest()
{
    m_model->setRooms({{u"dev"_s, u"Weekly sync"_s, 1}, {u"devops"_s, u"Weekly sync, too"_s, 4}});
    {
        RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
        QVERIFY(showAndWait(&dialog));
        QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);
        QLineEdit *filter = widgetsOf(dialog).filter;
        QTest::keyClicks(filter, u"dev"_s); // devops has more people, but dev is named exactly
        QCOMPARE(dialog.selectedRoom(), u"dev"_s);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(joins.size(), 1);
        QCOMPARE(joins.at(0).at(0).toString(), u"dev"_s);
        QVERIFY(!dialog.isVisible());
    }
    {
        RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
        QVERIFY(showAndWait(&dialog));
        QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);
        QLineEdit *filter = widgetsOf(dialog).filter;
        QTest::keyClicks(filter, u"weekly sync"_s); // no room's name, nor a name to create: the busiest match
        QCOMPARE(dialog.selectedRoom(), u"devops"_s);
        QTest::keyClick(filter, Qt::Key_Enter);
        QCOMPARE(joins.size(), 1);
        QCOMPARE(joins.at(0).at(0).toString(), u"devops"_s);
    }
}

void TestRoomDirectoryDialog::joinedRoomSaysOpen()
{
    m_model->setRooms(someRooms());
    m_model->setJoinedRooms({u"dev"_s});
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    QTest::keyClicks(w.filter, u"dev"_s);
    QCOMPARE(dialog.selectedRoom(), u"dev"_s);
    QCOMPARE(w.join->text(), u"Open"_s);

    // Leaving the room elsewhere while the dialog is open turns the button back.
    m_model->setJoinedRooms({});
    QCOMPARE(w.join->text(), u"Join"_s);
    m_model->setJoinedRooms({u"dev"_s});
    QCOMPARE(w.join->text(), u"Open"_s);

    clearByKeyboard(w.filter);
    QTest::keyClicks(w.filter, u"lobby"_s);
    QCOMPARE(w.join->text(), u"Join"_s);

    clearByKeyboard(w.filter);
    QTest::keyClicks(w.filter, u"dev"_s);
    QTest::mouseClick(w.join, Qt::LeftButton);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"dev"_s); // opening is asked for like joining
}

void TestRoomDirectoryDialog::createAppearsOnlyForValidNewNames_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("created"); // empty: no create offered

    QTest::newRow("new name") << u"newroom"_s << u"newroom"_s;
    QTest::newRow("lower-cased and trimmed") << u"  NewRoom "_s << u"newroom"_s;
    QTest::newRow("leading hash") << u"#fresh"_s << u"fresh"_s;
    QTest::newRow("digits, dash, underscore") << u"team-2_b"_s << u"team-2_b"_s;
    QTest::newRow("listed already") << u"dev"_s << QString();
    QTest::newRow("listed in other case") << u"LOBBY"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("space inside") << u"two words"_s << QString();
    QTest::newRow("starts with dash") << u"-x"_s << QString();
    QTest::newRow("33 characters") << QString(33, u'a') << QString();
    QTest::newRow("punctuation") << u"what?"_s << QString();
}

void TestRoomDirectoryDialog::createAppearsOnlyForValidNewNames()
{
    QFETCH(QString, typed);
    QFETCH(QString, created);

    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    QTest::keyClicks(w.filter, typed);
    QCOMPARE(dialog.roomToCreate(), created);
    QCOMPARE(w.create->isVisible(), !created.isEmpty());
    if (created.isEmpty())
        return;
    QCOMPARE(w.create->text(), u"Create #"_s + created);
    QTest::mouseClick(w.create, Qt::LeftButton);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), created);
    QVERIFY(!dialog.isVisible());
}

void TestRoomDirectoryDialog::enterCreatesTypedRoom()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    // "de" matches dev and devops but is a new name: Enter creates it rather than taking a near match.
    QTest::keyClicks(w.filter, u"de"_s);
    QCOMPARE(shownRooms(w.list).size(), 2);
    QVERIFY(w.create->isVisible());
    QVERIFY(dialog.selectedRoom().isEmpty());
    QVERIFY(!w.join->isEnabled());
    QTest::keyClick(w.filter, Qt::Key_Return);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"de"_s);
}

void TestRoomDirectoryDialog::enterOnAFocusedButtonPressesThatButton()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);

    QTest::keyClicks(w.filter, u"de"_s);
    QTest::keyClick(w.filter, Qt::Key_Down); // dev is selected now, and Join would take it
    QCOMPARE(dialog.selectedRoom(), u"dev"_s);
    w.create->setFocus();
    QTRY_VERIFY(w.create->hasFocus());
    QTest::keyClick(w.create, Qt::Key_Return);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"de"_s);
}

void TestRoomDirectoryDialog::invalidTextKeepsTextAndShowsRule()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);
    QVERIFY(!w.error->isVisible());

    QTest::keyClicks(w.filter, u"Bad Name!"_s);
    QCOMPARE(w.filter->text(), u"Bad Name!"_s);
    QVERIFY(w.error->isVisible());
    const auto rule = Protocol::validateRoomName(u"bad name!"_s);
    QVERIFY(rule);
    QCOMPARE(w.error->text(), rule->message);
    QVERIFY(!w.create->isVisible());
    QCOMPARE(w.state->text(), u"No rooms match"_s);

    // The error colour is red, and differs from the normal text in both schemes.
    const QColor red = w.error->palette().color(QPalette::WindowText);
    QVERIFY(red.red() > red.green() * 2 && red.red() > red.blue() * 2);
    QVERIFY(red != dialog.palette().color(QPalette::WindowText));

    QTest::keyClick(w.filter, Qt::Key_Return); // nothing to join or create: the dialog stays, the text too
    QCOMPARE(joins.size(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(w.filter->text(), u"Bad Name!"_s);

    // Fixing the text takes the rule away.
    clearByKeyboard(w.filter);
    QTest::keyClicks(w.filter, u"bad-name"_s);
    QVERIFY(!w.error->isVisible());
    QVERIFY(w.create->isVisible());
}

void TestRoomDirectoryDialog::invalidTextThatMatchesShowsNoRule()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);

    QTest::keyClicks(w.filter, u"Release on"_s); // not a room name, but it finds dev by its topic
    QCOMPARE(shownRooms(w.list), (QStringList{u"dev"_s}));
    QVERIFY(!w.error->isVisible());
    QVERIFY(!w.create->isVisible());
    QCOMPARE(dialog.selectedRoom(), u"dev"_s);
}

void TestRoomDirectoryDialog::downMovesIntoListAndUpComesBack()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);
    QSignalSpy joins(&dialog, &RoomDirectoryDialog::joinRequested);
    QTRY_VERIFY(w.filter->hasFocus());

    QTest::keyClicks(w.filter, u"de"_s); // a create is offered, so nothing is selected yet
    QVERIFY(dialog.selectedRoom().isEmpty());
    QTest::keyClick(w.filter, Qt::Key_Down);
    QVERIFY(w.list->hasFocus());
    QCOMPARE(dialog.selectedRoom(), u"dev"_s);
    QTest::keyClick(w.list, Qt::Key_Down);
    QCOMPARE(dialog.selectedRoom(), u"devops"_s);
    QTest::keyClick(w.list, Qt::Key_Up);
    QTest::keyClick(w.list, Qt::Key_Up); // past the top: back to the field
    QVERIFY(w.filter->hasFocus());
    QCOMPARE(w.filter->text(), u"de"_s);

    QTest::keyClick(w.filter, Qt::Key_Down);
    QTest::keyClick(w.list, Qt::Key_Down);
    QTest::keyClick(w.list, Qt::Key_Return);
    QCOMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).toString(), u"devops"_s);
    QVERIFY(!dialog.isVisible());
}

void TestRoomDirectoryDialog::typingInListRefinesFilter()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);

    QTest::keyClick(w.filter, Qt::Key_Down);
    QVERIFY(w.list->hasFocus());
    QTest::keyClicks(w.list, u"mu"_s);
    QVERIFY(w.filter->hasFocus());
    QCOMPARE(w.filter->text(), u"mu"_s);
    QCOMPARE(shownRooms(w.list), (QStringList{u"music"_s}));
}

void TestRoomDirectoryDialog::selectionSurvivesANewList()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);

    const QModelIndex music = shownIndex(w.list, u"music"_s);
    QTest::mouseClick(w.list->viewport(), Qt::LeftButton, {}, w.list->visualRect(music).center());
    QCOMPARE(dialog.selectedRoom(), u"music"_s);

    // The refresh the dialog asked for arrives: music got busier, lobby is gone, a room is new.
    m_model->setRooms({{u"dev"_s, u"Release on Friday"_s, 3},
                       {u"devops"_s, QString(), 1},
                       {u"music"_s, u"Jazz"_s, 8},
                       {u"new"_s, QString(), 2}});
    QCOMPARE(dialog.selectedRoom(), u"music"_s);
    QCOMPARE(shownRooms(w.list).first(), u"music"_s);

    // The selected room itself going away leaves Enter a room to take.
    m_model->setRooms({{u"dev"_s, QString(), 3}});
    QCOMPARE(dialog.selectedRoom(), u"dev"_s);
}

void TestRoomDirectoryDialog::roomAppearingWhileTypingTakesOverCreate()
{
    m_model->setRooms(someRooms());
    RoomDirectoryDialog dialog(m_model.get(), u"Natter"_s);
    QVERIFY(showAndWait(&dialog));
    const Widgets w = widgetsOf(dialog);

    QTest::keyClicks(w.filter, u"games"_s);
    QVERIFY(w.create->isVisible());
    m_model->noteRoom({u"games"_s, QString(), 1}); // someone else created it meanwhile
    QVERIFY(!w.create->isVisible());
    QCOMPARE(dialog.selectedRoom(), u"games"_s);
}

QTEST_MAIN(TestRoomDirectoryDialog)
#include "tst_roomdirectorydialog.moc"
