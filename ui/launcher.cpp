#include "launcher.h"

#include "certificatepins.h"
#include "certificatequestion.h"
#include "chatcaches.h"
#include "chatclient.h"
#include "chatsession.h"
#include "clientcache.h"
#include "hostcontroller.h"
#include "hostingquestion.h"
#include "identitystore.h"
#include "mainwindow.h"
#include "messagenotifier.h"
#include "namedialog.h"
#include "preferenceseditor.h"
#include "roomlistmodel.h"
#include "serveraddress.h"
#include "signintrouble.h"
#include "startdialog.h"
#include "theme.h"
#include "trayicon.h"
#include "validation.h"

#include <QApplication>
#include <QCloseEvent>
#include <QStandardPaths>

namespace Natter {

namespace {
// The cache of the chat this app hosts: the same whatever port it had to take.
const QString HostedServerIdentity = QStringLiteral("this-computer");
} // namespace

Launcher::Launcher(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_pins(std::make_unique<CertificatePins>(settings))
    , m_client(std::make_unique<ChatClient>())
    , m_caches(std::make_unique<ChatCaches>())
    , m_session(std::make_unique<ChatSession>(m_client.get()))
    , m_host(std::make_unique<HostController>())
{
    m_client->setCertificatePins(m_pins.get());
    m_trouble = new SignInTrouble(m_client.get(), this);
    connect(m_trouble, &SignInTrouble::nameNeeded, this, &Launcher::askForName);
    connect(m_trouble, &SignInTrouble::startNeeded, this, &Launcher::askHowToStart);
    connect(m_client.get(), &ChatClient::sessionEnded, this, [this](const QString &reason) { askHowToStart(reason); });
    // Only a name the server has given counts: the spelling a welcome gives, or a rename it confirmed.
    connect(m_client.get(), &ChatClient::welcomed, this,
            [this](const Protocol::Welcome &welcome) { rememberName(welcome.name); });
    connect(m_client.get(), &ChatClient::nameChanged, this, [this](const QString &name) {
        if (m_client->state() == ChatClient::State::Connected)
            rememberName(name);
    });
}

void Launcher::rememberName(const QString &name)
{
    m_caches->rename(m_name, name); // what the app remembers of the chat goes with the user to the new name
    m_name = name;
    m_settings->setUserName(name);
}

Launcher::~Launcher()
{
    // The window refers to the session, the session to the client and the cache: take them down in that order.
    m_tray.reset();
    m_window.reset();
    m_session.reset();
    m_caches.reset();
    m_client.reset();
    m_host.reset();
    m_identityStore.reset();
}

ClientCache *Launcher::cache() const
{
    return m_caches->cache();
}

NameDialog *Launcher::nameDialog() const
{
    return m_nameDialog;
}

StartDialog *Launcher::startDialog() const
{
    return m_startDialog;
}

HostingQuestion *Launcher::hostingQuestion() const
{
    return m_hostingQuestion;
}

CertificateQuestion *Launcher::certificateQuestion() const
{
    return m_trouble->certificateQuestion();
}

QString Launcher::dataDirectory() const
{
    return m_options.dataDirectory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                             : m_options.dataDirectory;
}

void Launcher::start(const Options &options)
{
    m_options = options;
    m_caches->setDirectory(dataDirectory());
    // This install's key signs every sign-in, so nothing connects before it is known.
    m_identityStore = std::make_unique<IdentityStore>(
        dataDirectory(), options.useKeyring ? IdentityStore::Keyring::Use : IdentityStore::Keyring::Skip);
    connect(m_identityStore.get(), &IdentityStore::ready, this, [this](const IdentityKey &key) {
        m_client->setIdentity(key);
        if (std::exchange(m_identityKnown, true))
            return;
        continueStart();
    });
    connect(m_identityStore.get(), &IdentityStore::failed, this, [this](const QString &reason) {
        qWarning("natter: %s", qUtf8Printable(reason));
        if (std::exchange(m_identityKnown, true))
            return;
        m_options.startProblem = tr("Your identity key could not be read, so you can only join as a guest for now: "
                                    "%1")
                                     .arg(reason);
        continueStart();
    });
    m_identityStore->load();
}

void Launcher::continueStart()
{
    m_name = !m_options.name.isEmpty() ? m_options.name : m_settings->userName();
    if (Protocol::validateName(m_name)) {
        askForName({});
        return;
    }
    proceed();
}

void Launcher::proceed()
{
    if (!m_options.startProblem.isEmpty()) {
        askHowToStart(std::exchange(m_options.startProblem, {}));
    } else if (m_options.host
               || (!m_options.joinUrl.isValid() && m_settings->resumeLastChat()
                   && m_settings->lastMode() == AppSettings::StartMode::Host)) {
        hostChat();
    } else if (m_options.joinUrl.isValid()) {
        joinChat(m_options.joinUrl, {});
    } else if (m_settings->resumeLastChat() && m_settings->lastUrl().isValid()) {
        joinChat(m_settings->lastUrl(), {});
    } else {
        askHowToStart({});
    }
    m_options.host = false;
    m_options.joinUrl.clear();
}

void Launcher::askForName(const QString &why)
{
    QString suggestion = m_name;
    if (suggestion.isEmpty())
        suggestion = qEnvironmentVariable("USER");
    m_nameDialog = new NameDialog(suggestion.trimmed(), m_window.get());
    m_nameDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_nameDialog->setMessage(why);
    connect(m_nameDialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            if (!m_window)
                finishQuit();
            return;
        }
        const QString chosen = m_nameDialog->name();
        if (m_client->state() == ChatClient::State::Connected) {
            m_session->changeName(chosen); // remembered once the server agrees
            return;
        }
        if (!m_client->url().isValid() || !m_window)
            m_settings->setUserName(chosen); // the first start: remembered before any server has seen it
        m_caches->rename(m_name, chosen);
        m_name = chosen;
        if (m_client->url().isValid() && m_window) {
            // The name was taken: enter the same chat again under the new name.
            const bool hosting = m_host->isHosting() && m_client->url() == m_host->localUrl();
            enterChat(hosting ? HostedServerIdentity : ServerAddress::identity(m_client->url()), m_client->url(),
                      m_password);
            return;
        }
        proceed();
    });
    m_nameDialog->open();
}

void Launcher::askHowToStart(const QString &error)
{
    if (m_startDialog) {
        m_startDialog->setError(error);
        m_startDialog->raise();
        return;
    }
    QStringList recent;
    for (const QUrl &url : m_settings->recentServerUrls())
        recent.append(url.toString());
    const auto preselected = m_settings->lastMode() == AppSettings::StartMode::Join && !recent.isEmpty()
        ? StartDialog::Choice::Join
        : StartDialog::Choice::Host;
    m_startDialog = new StartDialog(recent, preselected, m_window && m_window->isVisible() ? m_window.get() : nullptr);
    m_startDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.isEmpty())
        m_startDialog->setError(error);
    connect(m_startDialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            // Without a window there is nothing to go back to; with one, its banner offers the way back here.
            if (!m_window)
                finishQuit();
            return;
        }
        if (m_startDialog->choice() == StartDialog::Choice::Host) {
            hostChat();
            return;
        }
        const QUrl url = m_startDialog->url();
        const QString password = m_startDialog->password();
        if (m_host->isHosting() && url != m_host->localUrl()) {
            // Going elsewhere ends the chat hosted here; ask first, then join.
            m_options.joinUrl = url;
            m_password = password;
            confirmEndOfHosting(AfterHosting::StartDialog);
            return;
        }
        joinChat(url, password);
    });
    m_startDialog->open();
}

void Launcher::hostChat()
{
    m_settings->setLastMode(AppSettings::StartMode::Host);
    if (!m_host->isHosting()) {
        HostOptions options;
        options.serverName =
            m_settings->serverName().isEmpty() ? tr("%1's chat").arg(m_name) : m_settings->serverName();
        options.databasePath = m_options.historyPath.isEmpty()
            ? dataDirectory() + QStringLiteral("/hosted-history.sqlite")
            : m_options.historyPath;
        options.preferredPort = m_settings->hostPort();
        options.bindAddress = m_options.hostAddress;
        if (!m_host->start(options)) {
            askHowToStart(m_host->lastError());
            return;
        }
    }
    m_settings->setResumeLastChat(true);
    enterChat(HostedServerIdentity, m_host->localUrl(), {});
    m_window->setShareUrls(m_host->shareUrls());
    if (m_host->portFallback())
        m_window->showInformation(m_host->notice());
}

void Launcher::joinChat(const QUrl &url, const QString &password)
{
    m_settings->setLastMode(AppSettings::StartMode::Join);
    m_settings->setLastUrl(url);
    m_settings->addRecentServerUrl(url);
    m_settings->setResumeLastChat(true);
    if (m_window)
        m_window->setShareUrls(m_host->isHosting() ? m_host->shareUrls() : QList<QUrl>{});
    enterChat(ServerAddress::identity(url), url, password);
}

void Launcher::enterChat(const QString &serverIdentity, const QUrl &url, const QString &password)
{
    m_password = password;
    m_trouble->setAttempt(m_name, password);
    m_client->disconnectFromServer();
    m_session->reset();
    // The window shows what this computer remembers of the chat before the server has said a word.
    m_session->setCache(m_caches->open(serverIdentity, m_name));
    showWindow();
    m_client->connectToServer(url, m_name, password, m_session->resumePoints(), m_session->unsentMessages());
}

void Launcher::showWindow()
{
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_trouble->setWindow(m_window.get());
        m_window->restoreGeometry(m_settings->windowGeometry());
        m_window->restoreState(m_settings->windowState());
        connect(m_window.get(), &MainWindow::activeChanged, m_session.get(), &ChatSession::setWindowActive);
        connect(m_window.get(), &MainWindow::closeRequested, this, &Launcher::onWindowClose);
        connect(m_window.get(), &MainWindow::quitRequested, this, &Launcher::quit);
        connect(m_window.get(), &MainWindow::stopHostingRequested, this, &Launcher::stopHosting);
        connect(m_window.get(), &MainWindow::changeNameRequested, this, [this] { askForName({}); });
        connect(m_window.get(), &MainWindow::preferencesRequested, this, &Launcher::editPreferences);
        connect(m_window.get(), &MainWindow::connectElsewhereRequested, this, [this] { askHowToStart({}); });
        connect(m_window.get(), &MainWindow::cancelConnectRequested, m_client.get(), &ChatClient::disconnectFromServer);

        m_tray = std::make_unique<TrayIcon>(QApplication::windowIcon());
        connect(m_tray.get(), &TrayIcon::showRequested, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        connect(m_tray.get(), &TrayIcon::quitRequested, this, &Launcher::quit);
        connect(m_session->conversations(), &RoomListModel::totalUnreadChanged, m_tray.get(), &TrayIcon::setUnread);
        connect(m_session.get(), &ChatSession::attentionRequested,
                new MessageNotifier(m_settings, m_window.get(), m_tray.get()), &MessageNotifier::notify);
        m_tray->setUnread(m_session->conversations()->totalUnread());
    }
    m_window->show();
}

void Launcher::onWindowClose(QCloseEvent *event)
{
    if (m_quitting) {
        event->accept();
        return;
    }
    if (!m_host->isHosting() || !m_settings->minimizeToTrayWhileHosting() || !m_options.trayAvailable()) {
        event->ignore();
        quit(); // asks first while hosting
        return;
    }
    // Others are still chatting on this computer: keep the server running in the tray.
    event->ignore();
    m_window->hide();
    if (!m_settings->trayExplanationShown()) {
        m_tray->notify(tr("Natter is still hosting"),
                       tr("Others can keep chatting. Use Quit in the tray menu to stop hosting."));
        m_settings->setTrayExplanationShown(true);
    }
}

void Launcher::confirmEndOfHosting(AfterHosting after)
{
    if (m_hostingQuestion) {
        m_hostingQuestion->raise();
        return;
    }
    QWidget *parent = m_window && m_window->isVisible() ? m_window.get() : nullptr;
    m_hostingQuestion = new HostingQuestion(after == AfterHosting::Quit ? HostingQuestion::Reason::Quit
                                                                        : HostingQuestion::Reason::StopHosting,
                                            m_options.trayAvailable(), parent);
    connect(m_hostingQuestion, &HostingQuestion::answered, this, [this, after](HostingQuestion::Answer answer) {
        if (answer == HostingQuestion::Answer::KeepInTray && m_window) {
            m_window->hide();
            return;
        }
        if (answer != HostingQuestion::Answer::Stop) {
            m_options.joinUrl.clear();
            return;
        }
        if (after == AfterHosting::Quit) {
            // Quitting ends the hosting for now, not the chat: the next start hosts it again.
            finishQuit();
            return;
        }
        m_settings->setResumeLastChat(false);
        m_client->disconnectFromServer();
        m_host->stop();
        m_window->setShareUrls({});
        if (m_options.joinUrl.isValid())
            joinChat(std::exchange(m_options.joinUrl, {}), m_password);
        else
            askHowToStart({});
    });
    m_hostingQuestion->open();
}

void Launcher::stopHosting()
{
    if (m_host->isHosting())
        confirmEndOfHosting(AfterHosting::StartDialog);
}

void Launcher::editPreferences()
{
    PreferencesEditor::open(m_settings, m_identityKnown ? m_identityStore.get() : nullptr, m_client->identity(),
                            m_window.get());
}

void Launcher::quit()
{
    if (m_quitting)
        return;
    if (m_host->isHosting()) {
        confirmEndOfHosting(AfterHosting::Quit);
        return;
    }
    finishQuit();
}

void Launcher::finishQuit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    if (m_window) {
        m_settings->setWindowGeometry(m_window->saveGeometry());
        m_settings->setWindowState(m_window->saveState());
        m_window->close();
    }
    m_client->disconnectFromServer();
    m_session->reset(); // each conversation saves what it has not saved yet, before the cache closes
    m_caches->cache()->close();
    m_host->stop();
    m_settings->sync();
    emit quitRequested();
}

} // namespace Natter
