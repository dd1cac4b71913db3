// Drives the name, start and preferences dialogs the way a person would: typing, Enter and clicks.

#include "namedialog.h"
#include "preferencesdialog.h"
#include "startdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Natter;

namespace {

// QTest::keyClicks only types Latin-1; this also types any other character, as an input method would.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void clearByKeyboard(QWidget *widget)
{
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_Backspace);
}

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

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void nameDialogRejectsInvalidNames_data();
    void nameDialogRejectsInvalidNames();
    void nameDialogAcceptsTrimmedName();
    void nameDialogValidatesInitialName();
    void nameDialogShowsMessageAsPlainText();

    void startDialogDisablesJoinForInvalidUrl();
    void startDialogEnterInUrlFieldJoins();
    void startDialogOffersRecentUrlsInOrder();
    void startDialogHostChoice();
    void startDialogShowsErrorLiterally();

    void preferencesRoundTrip_data();
    void preferencesRoundTrip();
};

void TestDialogs::nameDialogRejectsInvalidNames_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty") << QString() << QStringLiteral("cannot be empty");
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("cannot be empty");
    QTest::newRow("bidi override") << QStringLiteral("\u202Eevil") << QStringLiteral("U+202E");
    QTest::newRow("33 characters") << QString(33, u'a') << QStringLiteral("at most 32 characters");
}

void TestDialogs::nameDialogRejectsInvalidNames()
{
    QFETCH(QString, typed);
    QFETCH(QString, errorPart);

    NameDialog dialog(QStringLiteral("ada"));
    QVERIFY(showAndWait(&dialog));
    auto *edit = child<QLineEdit>(&dialog, "nameEdit");
    auto *ok = child<QPushButton>(&dialog, "okButton");
    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(edit && ok && error);
    QVERIFY(ok->isEnabled());

    clearByKeyboard(edit);
    typeText(edit, typed);
    QCOMPARE(edit->text(), typed);

    QVERIFY(!ok->isEnabled());
    QVERIFY2(error->text().contains(errorPart), qPrintable(error->text()));
    QCOMPARE(error->textFormat(), Qt::PlainText);

    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestDialogs::nameDialogAcceptsTrimmedName()
{
    NameDialog dialog(QStringLiteral("ada"));
    QVERIFY(showAndWait(&dialog));
    auto *edit = child<QLineEdit>(&dialog, "nameEdit");
    auto *ok = child<QPushButton>(&dialog, "okButton");
    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(edit && ok && error);

    clearByKeyboard(edit);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("  Ada Lovelace "));
    QVERIFY(ok->isEnabled());
    QVERIFY(error->text().isEmpty());

    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.name(), QStringLiteral("Ada Lovelace"));
}

void TestDialogs::nameDialogValidatesInitialName()
{
    NameDialog valid(QStringLiteral(" grace "));
    QVERIFY(child<QPushButton>(&valid, "okButton")->isEnabled());
    QCOMPARE(valid.name(), QStringLiteral("grace"));

    // Nothing typed yet: Continue waits for a name, and nobody is told off before typing.
    NameDialog empty{QString()};
    QVERIFY(!child<QPushButton>(&empty, "okButton")->isEnabled());
    QVERIFY(child<QLabel>(&empty, "errorLabel")->text().isEmpty());
    QTest::keyClicks(child<QLineEdit>(&empty, "nameEdit"), QStringLiteral(" "));
    QVERIFY(child<QLabel>(&empty, "errorLabel")->text().contains(QStringLiteral("empty")));
}

void TestDialogs::nameDialogShowsMessageAsPlainText()
{
    NameDialog dialog(QStringLiteral("Ada"));
    QVERIFY(showAndWait(&dialog));
    auto *message = child<QLabel>(&dialog, "messageLabel");
    QVERIFY(message);
    QVERIFY(!message->isVisible());

    const QString text = QStringLiteral("<b>Ada</b> is already taken on this server. Pick another name.");
    dialog.setMessage(text);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), text);
    QCOMPARE(message->textFormat(), Qt::PlainText);

    dialog.setMessage(QString());
    QVERIFY(!message->isVisible());
}

void TestDialogs::startDialogDisablesJoinForInvalidUrl()
{
    StartDialog dialog({}, StartDialog::Choice::Join);
    QVERIFY(showAndWait(&dialog));
    auto *urlEdit = child<QComboBox>(&dialog, "urlEdit");
    auto *join = child<QPushButton>(&dialog, "joinButton");
    auto *reason = child<QLabel>(&dialog, "urlErrorLabel");
    auto *password = child<QLineEdit>(&dialog, "passwordEdit");
    QVERIFY(urlEdit && join && reason && password);
    QCOMPARE(reason->textFormat(), Qt::PlainText);

    QVERIFY(!join->isEnabled()); // nothing typed yet
    QTest::keyClicks(urlEdit->lineEdit(), QStringLiteral("http://192.0.2.20:8642"));
    QVERIFY(!join->isEnabled());
    QVERIFY2(reason->text().contains(QStringLiteral("ws://")), qPrintable(reason->text()));
    QTest::mouseClick(join, Qt::LeftButton);
    QVERIFY(dialog.isVisible());

    clearByKeyboard(urlEdit->lineEdit());
    QTest::keyClicks(urlEdit->lineEdit(), QStringLiteral("192.0.2.20:99999"));
    QVERIFY(!join->isEnabled());
    QVERIFY2(reason->text().contains(QStringLiteral("port")), qPrintable(reason->text()));

    clearByKeyboard(urlEdit->lineEdit());
    QTest::keyClicks(urlEdit->lineEdit(), QStringLiteral(" Chat.Example.org "));
    QVERIFY(join->isEnabled());
    QCOMPARE(dialog.url(), QUrl(QStringLiteral("wss://chat.example.org:8642")));
    QVERIFY(reason->text().contains(QStringLiteral("wss://chat.example.org:8642")));

    QTest::keyClicks(password, QStringLiteral("s3cret"));
    QTest::mouseClick(join, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), StartDialog::Choice::Join);
    QCOMPARE(dialog.password(), QStringLiteral("s3cret"));
}

void TestDialogs::startDialogEnterInUrlFieldJoins()
{
    // Host is preselected, but a person who types an address and presses Enter means "Join".
    StartDialog dialog({}, StartDialog::Choice::Host);
    QVERIFY(showAndWait(&dialog));
    auto *urlEdit = child<QComboBox>(&dialog, "urlEdit");
    QVERIFY(urlEdit);

    urlEdit->setFocus();
    QTest::keyClicks(urlEdit->lineEdit(), QStringLiteral("wss://chat.example.org"));
    QTest::keyClick(urlEdit->lineEdit(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), StartDialog::Choice::Join);
    QCOMPARE(dialog.url(), QUrl(QStringLiteral("wss://chat.example.org")));
}

void TestDialogs::startDialogOffersRecentUrlsInOrder()
{
    const QStringList recent{QStringLiteral("ws://198.51.100.7:8642"), QStringLiteral("wss://chat.example.org"),
                             QStringLiteral("ws://198.51.100.7:8642"), QString()};
    StartDialog dialog(recent, StartDialog::Choice::Join);
    auto *urlEdit = child<QComboBox>(&dialog, "urlEdit");
    QVERIFY(urlEdit);

    QCOMPARE(urlEdit->count(), 2);
    QCOMPARE(urlEdit->itemText(0), recent.at(0));
    QCOMPARE(urlEdit->itemText(1), recent.at(1));
    QCOMPARE(urlEdit->currentText(), recent.at(0));
    QVERIFY(child<QPushButton>(&dialog, "joinButton")->isEnabled());

    urlEdit->setCurrentIndex(1);
    QCOMPARE(dialog.url(), QUrl(recent.at(1)));
}

void TestDialogs::startDialogHostChoice()
{
    StartDialog dialog({QStringLiteral("ws://198.51.100.7:8642")}, StartDialog::Choice::Join);
    QVERIFY(showAndWait(&dialog));
    QCOMPARE(dialog.choice(), StartDialog::Choice::Join);
    auto *host = child<QPushButton>(&dialog, "hostButton");
    QVERIFY(host);

    QTest::mouseClick(host, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), StartDialog::Choice::Host);

    // Preselected Host: a stray Enter does not start a server for the whole network; the button (Space) does.
    StartDialog preselected({}, StartDialog::Choice::Host);
    QVERIFY(showAndWait(&preselected));
    QTest::keyClick(&preselected, Qt::Key_Return);
    QVERIFY(preselected.isVisible());
    QCOMPARE(preselected.result(), int(QDialog::Rejected));
    auto *preselectedHost = child<QPushButton>(&preselected, "hostButton");
    QVERIFY(preselectedHost->hasFocus());
    QTest::keyClick(preselectedHost, Qt::Key_Space);
    QCOMPARE(preselected.result(), int(QDialog::Accepted));
    QCOMPARE(preselected.choice(), StartDialog::Choice::Host);
}

void TestDialogs::startDialogShowsErrorLiterally()
{
    StartDialog dialog({}, StartDialog::Choice::Join);
    QVERIFY(showAndWait(&dialog));
    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(error);
    QVERIFY(!error->isVisible());

    dialog.setError(QStringLiteral("<b>refused</b>"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("<b>refused</b>"));
    QCOMPARE(error->textFormat(), Qt::PlainText);

    dialog.setError(QString());
    QVERIFY(!error->isVisible());
}

void TestDialogs::preferencesRoundTrip_data()
{
    QTest::addColumn<bool>("directMessages");
    QTest::addColumn<bool>("mentions");
    QTest::addColumn<bool>("tray");

    QTest::newRow("all off") << false << false << false;
    QTest::newRow("all on") << true << true << true;
    QTest::newRow("mixed") << true << false << true;
}

void TestDialogs::preferencesRoundTrip()
{
    QFETCH(bool, directMessages);
    QFETCH(bool, mentions);
    QFETCH(bool, tray);

    PreferencesDialog dialog;
    dialog.setNotifyDirectMessages(directMessages);
    dialog.setNotifyMentions(mentions);
    dialog.setMinimizeToTrayWhileHosting(tray);
    QCOMPARE(dialog.notifyDirectMessages(), directMessages);
    QCOMPARE(dialog.notifyMentions(), mentions);
    QCOMPARE(dialog.minimizeToTrayWhileHosting(), tray);

    QVERIFY(showAndWait(&dialog));
    auto *mentionsCheck = child<QCheckBox>(&dialog, "notifyMentionsCheck");
    QVERIFY(mentionsCheck);
    QCOMPARE(mentionsCheck->isChecked(), mentions);
    QTest::mouseClick(mentionsCheck, Qt::LeftButton);
    QCOMPARE(dialog.notifyMentions(), !mentions);
    QCOMPARE(child<QCheckBox>(&dialog, "notifyDirectMessagesCheck")->isChecked(), directMessages);
    QCOMPARE(child<QCheckBox>(&dialog, "minimizeToTrayCheck")->isChecked(), tray);

    QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
