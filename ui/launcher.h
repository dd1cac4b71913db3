#pragma once

// Runs the app from first start to quit: asks for a name, goes back to the last chat or offers to host or join,
// opens the chat's local cache so the window shows what was there at once, shows the window and tray, and turns
// every connection problem into a question the user can answer.

#include "appsettings.h"
#include "theme.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QCloseEvent;
QT_END_NAMESPACE

namespace Natter {

class CertificatePins;
class ChatCaches;
class CertificateQuestion;
class ChatClient;
class ChatSession;
class ClientCache;
class HostController;
class HostingQuestion;
class IdentityStore;
class MainWindow;
class NameDialog;
class SignInTrouble;
class StartDialog;
class TrayIcon;

class Launcher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString name; // skips the name prompt when valid
        bool host = false; // host at once, without the start dialog
        QUrl joinUrl; // join at once, without the start dialog
        QString startProblem; // why what the command line asked for cannot be done; shown in the start dialog
        QString historyPath; // the hosted server's history file; empty: in the app's data folder
        QString dataDirectory; // where chats are remembered; empty: the app's data folder
        bool useKeyring = true; // keep the identity key in the system keyring when there is one (see IdentityStore)
        QHostAddress hostAddress = QHostAddress(QHostAddress::Any); // where a hosted server listens
        // Whether the desktop shows tray icons; tests stand in for a desktop that has a tray.
        std::function<bool()> trayAvailable = [] { return QSystemTrayIcon::isSystemTrayAvailable(); };
    };

    explicit Launcher(AppSettings *settings, QObject *parent = nullptr);
    ~Launcher() override;

    void start(const Options &options);

    // For tests and the composition root.
    MainWindow *window() const { return m_window.get(); }
    ChatSession *session() const { return m_session.get(); }
    ChatClient *client() const { return m_client.get(); }
    HostController *host() const { return m_host.get(); }
    TrayIcon *tray() const { return m_tray.get(); }
    ClientCache *cache() const;
    NameDialog *nameDialog() const;
    StartDialog *startDialog() const;
    // The question asked before hosting ends for everyone (quit, stop hosting, another chat); null when none.
    HostingQuestion *hostingQuestion() const;
    // The question about a server certificate the app could not trust by itself; null when none.
    CertificateQuestion *certificateQuestion() const;

public slots:
    // Asks first while hosting: everyone connected would be cut off.
    void quit();

signals:
    void quitRequested();

private:
    enum class AfterHosting { Quit, StartDialog };

    void proceed();
    void continueStart();
    void askForName(const QString &why);
    void askHowToStart(const QString &error);
    void hostChat();
    void joinChat(const QUrl &url, const QString &password);
    void enterChat(const QString &serverIdentity, const QUrl &url, const QString &password);
    void rememberName(const QString &name);
    void showWindow();
    void onWindowClose(QCloseEvent *event);
    void confirmEndOfHosting(AfterHosting after);
    void stopHosting();
    void editPreferences();
    void finishQuit();
    QString dataDirectory() const;

    AppSettings *m_settings;
    Options m_options;
    QString m_name;
    QString m_password;
    std::unique_ptr<CertificatePins> m_pins;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<ChatCaches> m_caches;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<HostController> m_host;
    std::unique_ptr<IdentityStore> m_identityStore;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    QPointer<NameDialog> m_nameDialog;
    QPointer<StartDialog> m_startDialog;
    QPointer<HostingQuestion> m_hostingQuestion;
    SignInTrouble *m_trouble = nullptr;
    bool m_quitting = false;
    // Whether the first identity load finished; a later ready() is an import and only changes the key.
    bool m_identityKnown = false;
};

} // namespace Natter
