#pragma once

// The desktop app's remembered choices (name, servers, window, notifications), kept in QSettings.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Natter {

class AppSettings
{
public:
    enum class StartMode { Host, Join };
    enum class ThemeChoice { System, Light, Dark };

    static constexpr int MaxRecentServerUrls = 10;

    // Uses `settings` (not owned) if given, else the application's default QSettings.
    explicit AppSettings(QSettings *settings = nullptr);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    QString userName() const;
    void setUserName(const QString &name);

    // Most recent first, without duplicates, at most MaxRecentServerUrls.
    QList<QUrl> recentServerUrls() const;
    void addRecentServerUrl(const QUrl &url);
    void clearRecentServerUrls();

    StartMode lastMode() const; // Join until the user has chosen
    void setLastMode(StartMode mode);
    QUrl lastUrl() const;
    void setLastUrl(const QUrl &url);

    // Whether the next start goes straight back to the last chat (lastMode, lastUrl): true from the moment a
    // chat is entered until the user stops hosting or leaves it for good.
    bool resumeLastChat() const; // default false
    void setResumeLastChat(bool resume);

    ThemeChoice theme() const; // default System
    void setTheme(ThemeChoice theme);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    bool notifyDirectMessages() const; // default true
    void setNotifyDirectMessages(bool notify);
    bool notifyMentions() const; // default true
    void setNotifyMentions(bool notify);
    bool minimizeToTrayWhileHosting() const; // default true
    void setMinimizeToTrayWhileHosting(bool minimize);
    bool trayExplanationShown() const; // default false
    void setTrayExplanationShown(bool shown);

    quint16 hostPort() const; // default Protocol::DefaultPort
    void setHostPort(quint16 port);
    // Empty by default: the caller shows "<user>'s chat" then.
    QString serverName() const;
    void setServerName(const QString &name);

    // The fingerprint of the certificate trusted for a server ("host:port", see ServerAddress::identity) that no
    // certificate authority vouches for; empty when none is.
    QString certificatePin(const QString &server) const;
    void setCertificatePin(const QString &server, const QString &fingerprint);

    void sync();

private:
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
};

} // namespace Natter
