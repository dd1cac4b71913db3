#include "launcher.h"

#include "chatclient.h"
#include "chatsession.h"
#include "hostcontroller.h"
#include "mainwindow.h"
#include "namedialog.h"
#include "preferencesdialog.h"
#include "roomlistmodel.h"
#include "startdialog.h"
#include "trayicon.h"
#include "validation.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMessageBox>
#include <QStandardPaths>

namespace Natter {

using Protocol::ErrorCode;

Launcher::Launcher(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_client(std::make_unique<ChatClient>())
    , m_session(std::make_unique<ChatSession>(m_client.get()))
    , m_host(std::make_unique<HostController>())
{
    connect(m_client.get(), &ChatClient::signInFailed, this,
            [this](const Protocol::ErrorEvent &error) { onSignInFailed(static_cast<int>(error.code), error.message); });
    connect(m_client.get(), &ChatClient::connectionFailed, this, &Launcher::onConnectionFailed);
    connect(m_client.get(), &ChatClient::sessionEnded, this, &Launcher::onConnectionFailed);
    connect(m_client.get(), &ChatClient::nameChanged, this, [this](const QString &name) {
        m_name = name;
        m_settings->setUserName(name);
    });
}

Launcher::~Launcher()
{
    // The window refers to the session, the session to the client: take them down in that order.
    m_tray.reset();
    m_window.reset();
    m_session.reset();
    m_client.reset();
    m_host.reset();
}

NameDialog *Launcher::nameDialog() const
{
    return m_nameDialog;
}

StartDialog *Launcher::startDialog() const
{
    return m_startDialog;
}

void Launcher::start(const Options &options)
{
    m_options = options;
    m_name = !options.name.isEmpty() ? options.name : m_settings->userName();
    if (Protocol::validateName(m_name)) {
        askForName({});
        return;
    }
    if (options.host)
        hostChat();
    else if (options.joinUrl.isValid())
        joinChat(options.joinUrl, {});
    else
        askHowToStart({});
}

void Launcher::askForName(const QString &why)
{
    QString suggestion = m_name;
    if (suggestion.isEmpty())
        suggestion = qEnvironmentVariable("USER");
    m_nameDialog = new NameDialog(suggestion.trimmed());
    m_nameDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_nameDialog->setMessage(why);
    connect(m_nameDialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            if (!m_window)
                quit();
            return;
        }
        m_name = m_nameDialog->name();
        m_settings->setUserName(m_name);
        if (m_client->state() == ChatClient::State::Disconnected && m_client->url().isValid()) {
            m_client->connectToServer(m_client->url(), m_name); // the name was taken: try again with the new one
        } else if (m_client->state() == ChatClient::State::Connected) {
            m_client->changeName(m_name);
        } else if (m_options.host) {
            hostChat();
        } else if (m_options.joinUrl.isValid()) {
            joinChat(m_options.joinUrl, {});
        } else {
            askHowToStart({});
        }
    });
    m_nameDialog->open();
}

void Launcher::askHowToStart(const QString &error)
{
    QStringList recent;
    for (const QUrl &url : m_settings->recentServerUrls())
        recent.append(url.toString());
    const auto preselected = m_settings->lastMode() == AppSettings::StartMode::Join && !recent.isEmpty()
        ? StartDialog::Choice::Join
        : StartDialog::Choice::Host;
    m_startDialog = new StartDialog(recent, preselected);
    m_startDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.isEmpty())
        m_startDialog->setError(error);
    connect(m_startDialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            if (!m_window || !m_window->isVisible())
                quit();
            return;
        }
        if (m_startDialog->choice() == StartDialog::Choice::Host)
            hostChat();
        else
            joinChat(m_startDialog->url(), m_startDialog->password());
    });
    m_startDialog->open();
}

void Launcher::hostChat()
{
    m_settings->setLastMode(AppSettings::StartMode::Host);
    HostOptions options;
    options.serverName = m_settings->serverName().isEmpty() ? tr("%1's chat").arg(m_name) : m_settings->serverName();
    options.databasePath = m_options.historyPath.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/hosted-history.sqlite")
        : m_options.historyPath;
    options.preferredPort = m_settings->hostPort();
    options.bindAddress = m_options.hostAddress;
    if (!m_host->isHosting() && !m_host->start(options)) {
        askHowToStart(tr("Could not start hosting: %1").arg(m_host->lastError()));
        return;
    }
    showWindow();
    m_window->setShareUrls(m_host->shareUrls());
    m_client->connectToServer(m_host->localUrl(), m_name);
}

void Launcher::joinChat(const QUrl &url, const QString &password)
{
    m_settings->setLastMode(AppSettings::StartMode::Join);
    m_settings->addRecentServerUrl(url);
    showWindow();
    m_client->connectToServer(url, m_name, password);
}

void Launcher::showWindow()
{
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->restoreGeometry(m_settings->windowGeometry());
        m_window->restoreState(m_settings->windowState());
        connect(m_window.get(), &MainWindow::activeChanged, m_session.get(), &ChatSession::setWindowActive);
        connect(m_window.get(), &MainWindow::closeRequested, this, &Launcher::onWindowClose);
        connect(m_window.get(), &MainWindow::quitRequested, this, &Launcher::quit);
        connect(m_window.get(), &MainWindow::stopHostingRequested, this, &Launcher::stopHosting);
        connect(m_window.get(), &MainWindow::changeNameRequested, this, &Launcher::changeName);
        connect(m_window.get(), &MainWindow::preferencesRequested, this, &Launcher::editPreferences);

        m_tray = std::make_unique<TrayIcon>(QApplication::windowIcon());
        connect(m_tray.get(), &TrayIcon::showRequested, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        connect(m_tray.get(), &TrayIcon::quitRequested, this, &Launcher::quit);
        connect(m_session->conversations(), &RoomListModel::totalUnreadChanged, m_tray.get(), &TrayIcon::setUnread);
        connect(m_session.get(), &ChatSession::attentionRequested, this,
                [this](const ConversationId &conversation, const QString &from, const QString &text) {
                    const bool wanted =
                        conversation.isRoom() ? m_settings->notifyMentions() : m_settings->notifyDirectMessages();
                    if (wanted && !m_window->isActiveWindow())
                        m_tray->notify(conversation.isRoom() ? tr("%1 in #%2").arg(from, conversation.name) : from,
                                       text);
                });
    }
    m_window->show();
}

void Launcher::onSignInFailed(int code, const QString &message)
{
    if (code == static_cast<int>(ErrorCode::NameTaken) || code == static_cast<int>(ErrorCode::NameInvalid)) {
        askForName(tr("%1 Pick another name.").arg(message));
        return;
    }
    if (code == static_cast<int>(ErrorCode::AuthFailed)) {
        askHowToStart(tr("Wrong password for %1.").arg(m_client->url().toString()));
        return;
    }
    askHowToStart(message);
}

void Launcher::onConnectionFailed(const QString &reason)
{
    askHowToStart(tr("Could not connect to %1: %2").arg(m_client->url().toString(), reason));
}

void Launcher::onWindowClose(QCloseEvent *event)
{
    if (m_quitting || !m_host->isHosting() || !m_settings->minimizeToTrayWhileHosting() || !m_options.trayAvailable()) {
        event->accept();
        quit();
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

void Launcher::stopHosting()
{
    const auto answer = QMessageBox::question(m_window.get(), tr("Stop Hosting"),
                                              tr("Everyone connected to this computer will be disconnected. "
                                                 "Stop hosting?"));
    if (answer != QMessageBox::Yes)
        return;
    m_client->disconnectFromServer();
    m_host->stop();
    m_window->setShareUrls({});
    askHowToStart({});
}

void Launcher::changeName()
{
    askForName({});
}

void Launcher::editPreferences()
{
    auto *dialog = new PreferencesDialog(m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNotifyDirectMessages(m_settings->notifyDirectMessages());
    dialog->setNotifyMentions(m_settings->notifyMentions());
    dialog->setMinimizeToTrayWhileHosting(m_settings->minimizeToTrayWhileHosting());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings->setNotifyDirectMessages(dialog->notifyDirectMessages());
        m_settings->setNotifyMentions(dialog->notifyMentions());
        m_settings->setMinimizeToTrayWhileHosting(dialog->minimizeToTrayWhileHosting());
    });
    dialog->open();
}

void Launcher::quit()
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
    m_host->stop();
    m_settings->sync();
    emit quitRequested();
}

} // namespace Natter
