// A new user's first run, driven through the real widgets: name prompt, hosting, chatting with someone else.

#include "appsettings.h"
#include "chatclient.h"
#include "chatsession.h"
#include "clientcache.h"
#include "composer.h"
#include "hostcontroller.h"
#include "hostingquestion.h"
#include "infobar.h"
#include "launcher.h"
#include "mainwindow.h"
#include "messagemodel.h"
#include "namedialog.h"
#include "protocol.h"
#include "roomdirectorydialog.h"
#include "roomdirectorymodel.h"
#include "roomlistmodel.h"
#include "startdialog.h"
#include "testclient.h"
#include "testserver.h"
#include "trayicon.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Natter;
using namespace Natter::Protocol;

class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QAction *findAction(QMainWindow *window, const QString &text)
    {
        const auto actions = window->menuBar()->findChildren<QAction *>();
        for (QAction *action : actions) {
            if (action->text().remove(u'&') == text)
                return action;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void newUserHostsAndChats()
    {
        QSettings store(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setHostPort(0);
        Launcher launcher(&settings);
        Launcher::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("hosted.sqlite"));
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.hostAddress = QHostAddress(QHostAddress::LocalHost);
        launcher.start(options);

        // 1. The name prompt: refuses a name the server would refuse, accepts a good one.
        QTRY_VERIFY(launcher.nameDialog()); // once this install's key is loaded
        NameDialog *nameDialog = launcher.nameDialog();
        QTRY_VERIFY(nameDialog->isVisible());
        auto *nameEdit = nameDialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        auto *ok = nameDialog->findChild<QPushButton *>(QStringLiteral("okButton"));
        QVERIFY(nameEdit && ok);
        nameEdit->clear();
        nameEdit->insert(QStringLiteral("\u202Eevil")); // as pasted: keyClicks only types ASCII
        QVERIFY(!ok->isEnabled());
        nameEdit->clear();
        QTest::keyClicks(nameEdit, QStringLiteral("Ada"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        // 2. The start dialog offers hosting first.
        QTRY_VERIFY(launcher.startDialog() && launcher.startDialog()->isVisible());
        StartDialog *start = launcher.startDialog();
        QCOMPARE(start->choice(), StartDialog::Choice::Host);
        start->accept();

        // 3. Hosting: the window shows where others can join, and Ada is in the lobby.
        QTRY_VERIFY(launcher.window() && launcher.window()->isVisible());
        QVERIFY(launcher.host()->isHosting());
        QVERIFY(!launcher.window()->shareUrls().isEmpty());
        // The invite link is encrypted and carries the certificate's fingerprint; the status bar shows the
        // address alone, Copy Invite Link the whole link.
        const QUrl invite = launcher.window()->shareUrls().constFirst();
        QCOMPARE(invite.scheme(), QStringLiteral("wss"));
        QCOMPARE(invite.fragment(), QStringLiteral("sha256=") + launcher.host()->certificateFingerprint());
        auto *copy = launcher.window()->findChild<QAbstractButton *>(QStringLiteral("copyShareButton"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), invite.toString());
        bool shownShort = false;
        for (const QLabel *label : launcher.window()->findChildren<QLabel *>()) {
            if (label->text().startsWith(u"Others can join at"))
                shownShort = !label->text().contains(u"sha256") && label->text().contains(invite.host())
                    && !label->text().endsWith(u'/');
        }
        QVERIFY(shownShort);
        QTRY_COMPARE(launcher.client()->state(), ChatClient::State::Connected);
        QTRY_COMPARE(launcher.session()->current(), ConversationId::room(lobbyRoom()));
        QCOMPARE(settings.userName(), QStringLiteral("Ada"));

        // 4. Someone else joins by the loopback address, with a client and models of their own.
        ChatClient bobClient;
        ChatSession bob(&bobClient);
        bobClient.connectToServer(launcher.host()->localUrl(), QStringLiteral("Bob"));
        QTRY_COMPARE(bob.current(), ConversationId::room(lobbyRoom()));
        MessageModel *bobsLobby = bob.messages(ConversationId::room(lobbyRoom()));

        // 5. Ada types and presses Enter; markup stays text all the way.
        QPlainTextEdit *editor = launcher.window()->composer()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("<b>x</b> hi Bob"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QString());
        QTRY_COMPARE(bobsLobby->rowCount(), 1);
        QCOMPARE(bobsLobby->index(0).data(MessageModel::TextRole).toString(), QStringLiteral("<b>x</b> hi Bob"));
        QCOMPARE(bobsLobby->index(0).data(MessageModel::SenderRole).toString(), QStringLiteral("Ada"));
        MessageModel *lobby = launcher.session()->messages(ConversationId::room(lobbyRoom()));
        QTRY_COMPARE(lobby->index(lobby->rowCount() - 1).data(MessageModel::StateRole).toInt(),
                     int(MessageModel::DeliveryState::Sent));

        // 6. Create a room from the room directory: type its name, press Enter.
        QAction *browse = findAction(launcher.window(), QStringLiteral("Browse Rooms…"));
        QVERIFY(browse);
        browse->trigger();
        RoomDirectoryDialog *directory = nullptr;
        QTRY_VERIFY((directory = launcher.window()->findChild<RoomDirectoryDialog *>()) && directory->isVisible());
        auto *filter = directory->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(filter);
        QTRY_VERIFY(launcher.session()->roomDirectory()->isLoaded());
        QTest::keyClicks(filter, QStringLiteral("dev"));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_COMPARE(launcher.session()->current(), ConversationId::room(QStringLiteral("dev")));
        QCOMPARE(editor->placeholderText(), QStringLiteral("Message #dev"));

        // 7. What Bob says in the lobby is now unread, in the list and in the tray.
        bob.send(QStringLiteral("are you there?"));
        QTRY_COMPARE(launcher.session()->conversations()->unread(ConversationId::room(lobbyRoom())), 1);
        QTRY_COMPARE(launcher.tray()->unread(), 1);
        launcher.window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(launcher.window()));
        auto *list = launcher.window()->findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        const QRect lobbyRow = list->visualRect(launcher.session()->conversations()->index(
            launcher.session()->conversations()->rowOf(ConversationId::room(lobbyRoom()))));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, lobbyRow.center() + QPoint(0, lobbyRow.height() / 4));
        QTRY_COMPARE(launcher.session()->current(), ConversationId::room(lobbyRoom()));
        QTRY_COMPARE(launcher.tray()->unread(), 0);
        QCOMPARE(editor->placeholderText(), QStringLiteral("Message #lobby"));
    }

    void closingWhileHostingKeepsTheChatInTheTray()
    {
        QSettings store(m_dir.filePath(QStringLiteral("tray.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setHostPort(0);
        Launcher::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("tray.sqlite"));
        options.dataDirectory = m_dir.filePath(QStringLiteral("tray-data"));
        options.hostAddress = QHostAddress(QHostAddress::LocalHost);
        options.host = true;
        options.name = QStringLiteral("Tess");
        options.trayAvailable = [] { return true; };
        Launcher launcher(&settings);
        QSignalSpy quit(&launcher, &Launcher::quitRequested);
        launcher.start(options);
        QTRY_VERIFY(launcher.window() && launcher.window()->isVisible());
        QTRY_COMPARE(launcher.client()->state(), ChatClient::State::Connected);

        QVERIFY(!settings.trayExplanationShown());
        launcher.window()->close();
        QVERIFY(!launcher.window()->isVisible());
        QCOMPARE(quit.size(), 0);
        QVERIFY(launcher.host()->isHosting()); // others can go on chatting
        QVERIFY(settings.trayExplanationShown()); // explained once, and only once

        emit launcher.tray()->showRequested();
        QVERIFY(launcher.window()->isVisible());

        settings.setMinimizeToTrayWhileHosting(false); // the preference turns it off, and closing asks first
        launcher.window()->close();
        QVERIFY(launcher.hostingQuestion());
        QCOMPARE(quit.size(), 0);
        auto *stop = launcher.hostingQuestion()->findChild<QPushButton *>(QStringLiteral("stopHostingButton"));
        QVERIFY(stop);
        stop->click();
        QCOMPARE(quit.size(), 1);
        // Quitting is not giving the chat up: the next start hosts it again, with everything in it.
        QVERIFY(settings.resumeLastChat());
        QCOMPARE(settings.lastMode(), AppSettings::StartMode::Host);
    }

    void aMissingPasswordIsNotCalledWrong()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.password = QStringLiteral("open sesame");
        TestServer server(config);
        QVERIFY(server.start());
        QSettings store(m_dir.filePath(QStringLiteral("password.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        Launcher::Options options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("password-data"));
        options.joinUrl = server.url();
        options.name = QStringLiteral("Quinn");
        Launcher launcher(&settings);
        launcher.start(options);
        QTRY_VERIFY(launcher.startDialog() && launcher.startDialog()->isVisible());
        auto *error = launcher.startDialog()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error);
        QVERIFY2(error->text().contains(QStringLiteral("needs a password")), qPrintable(error->text()));

        // Now with a wrong one: that is what the user is told.
        auto *password = launcher.startDialog()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QTest::keyClicks(password, QStringLiteral("sesame"));
        launcher.startDialog()->findChild<QPushButton *>(QStringLiteral("joinButton"))->click();
        QTRY_VERIFY(launcher.startDialog() && launcher.startDialog()->isVisible());
        error = launcher.startDialog()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QTRY_VERIFY2(error->text().contains(QStringLiteral("not right")), qPrintable(error->text()));
    }

    void anOwnedNameAsksForAnother()
    {
        TestServer server;
        QVERIFY(server.start());
        {
            // Someone else's install took the name and went away: it stays theirs.
            TestClient owner;
            QVERIFY(owner.open(server.url()) && owner.signInWithKey(QStringLiteral("Quinn"), IdentityKey::generate()));
        }
        QSettings store(m_dir.filePath(QStringLiteral("owned.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        Launcher::Options options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("owned-data"));
        options.joinUrl = server.url();
        options.name = QStringLiteral("quinn");
        Launcher launcher(&settings);
        launcher.start(options);
        QTRY_VERIFY(launcher.nameDialog() && launcher.nameDialog()->isVisible());
        auto *error = launcher.nameDialog()->findChild<QLabel *>(QStringLiteral("messageLabel"));
        QVERIFY(error);
        QVERIFY2(error->text().contains(QStringLiteral("belongs to someone else")), qPrintable(error->text()));
        auto *nameEdit = launcher.nameDialog()->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        nameEdit->clear();
        QTest::keyClicks(nameEdit, QStringLiteral("Quincy"));
        QTest::mouseClick(launcher.nameDialog()->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
        QTRY_VERIFY(launcher.window() && launcher.window()->isVisible());
        QTRY_COMPARE(launcher.session()->ownName(), QStringLiteral("Quincy"));
    }

    void aBusyPortIsExplained()
    {
        QTcpServer squatter; // another program already has the port Natter prefers
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        QSettings store(m_dir.filePath(QStringLiteral("port.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setHostPort(squatter.serverPort());
        Launcher::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("port.sqlite"));
        options.dataDirectory = m_dir.filePath(QStringLiteral("port-data"));
        options.hostAddress = QHostAddress(QHostAddress::LocalHost);
        options.host = true;
        options.name = QStringLiteral("Pia");
        Launcher launcher(&settings);
        launcher.start(options);
        QTRY_VERIFY(launcher.window() && launcher.window()->isVisible());
        QVERIFY(launcher.host()->portFallback());
        InfoBar *notice = launcher.window()->noticeBar();
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QString::number(squatter.serverPort()))
                     && notice->text().contains(QString::number(launcher.host()->port())),
                 qPrintable(notice->text()));
        QCOMPARE(notice->kind(), InfoBar::Kind::Information);
        QTRY_COMPARE(launcher.client()->state(), ChatClient::State::Connected);
    }

    void aRenameTakesTheChatsMemoryAlong()
    {
        QSettings store(m_dir.filePath(QStringLiteral("rename.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setHostPort(0);
        Launcher::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("rename.sqlite"));
        options.dataDirectory = m_dir.filePath(QStringLiteral("rename-data"));
        options.hostAddress = QHostAddress(QHostAddress::LocalHost);
        options.host = true;
        options.name = QStringLiteral("Grace");
        Launcher launcher(&settings);
        launcher.start(options);
        QTRY_COMPARE(launcher.client()->state(), ChatClient::State::Connected);
        launcher.session()->openDirect(QStringLiteral("Linus"));
        const QString before = launcher.cache()->path();
        QCOMPARE(settings.userName(), QStringLiteral("Grace"));

        launcher.session()->changeName(QStringLiteral("Gracie"));
        QTRY_COMPARE(settings.userName(), QStringLiteral("Gracie")); // remembered once the server agreed
        QVERIFY(launcher.cache()->isOpen());
        QVERIFY(launcher.cache()->path() != before);
        QVERIFY(!QFile::exists(before));
        // The conversations the app knew are still known, and remembered under the new name.
        launcher.cache()->flush();
        ClientCache::ConversationRecord linus;
        for (const ClientCache::ConversationRecord &record : launcher.cache()->conversations()) {
            if (record.id == ConversationId::direct(QStringLiteral("Linus")))
                linus = record;
        }
        QVERIFY(linus.id.isValid());
    }

    void windowSizeAndNameAreRemembered()
    {
        QSettings store(m_dir.filePath(QStringLiteral("remember.ini")), QSettings::IniFormat);
        AppSettings settings(&store);
        settings.setHostPort(0);
        Launcher::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("remember.sqlite"));
        options.dataDirectory = m_dir.filePath(QStringLiteral("remember-data"));
        options.hostAddress = QHostAddress(QHostAddress::LocalHost);
        options.host = true;
        options.name = QStringLiteral("Grace");
        {
            Launcher first(&settings);
            first.start(options);
            QTRY_VERIFY(first.window() && first.window()->isVisible());
            QTRY_COMPARE(first.client()->state(), ChatClient::State::Connected); // the name is the server's now
            first.window()->resize(777, 555);
            QSignalSpy quit(&first, &Launcher::quitRequested);
            QAction *quitAction = findAction(first.window(), QStringLiteral("Quit"));
            QVERIFY(quitAction);
            quitAction->trigger();
            QVERIFY(first.hostingQuestion()); // everyone else would be cut off: asked first
            first.hostingQuestion()->findChild<QPushButton *>(QStringLiteral("stopHostingButton"))->click();
            QCOMPARE(quit.size(), 1);
        }
        QCOMPARE(settings.userName(), QStringLiteral("Grace"));

        options.name.clear(); // the second start asks nothing: the name is remembered
        Launcher second(&settings);
        second.start(options);
        QTRY_VERIFY(second.window() && second.window()->isVisible());
        QVERIFY(!second.nameDialog());
        QCOMPARE(second.window()->size(), QSize(777, 555));
        QTRY_COMPARE(second.client()->name(), QStringLiteral("Grace"));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
