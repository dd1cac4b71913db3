#include "appsettings.h"

#include "protocol.h"

#include <QSettings>

namespace Natter {

namespace {
constexpr QLatin1StringView UserNameKey("user/name");
constexpr QLatin1StringView RecentServerUrlsKey("join/recentServerUrls");
constexpr QLatin1StringView LastModeKey("start/lastMode");
constexpr QLatin1StringView LastUrlKey("start/lastUrl");
constexpr QLatin1StringView ResumeLastChatKey("start/resumeLastChat");
constexpr QLatin1StringView ThemeKey("window/theme");
constexpr QLatin1StringView WindowGeometryKey("window/geometry");
constexpr QLatin1StringView WindowStateKey("window/state");
constexpr QLatin1StringView NotifyDirectMessagesKey("notify/directMessages");
constexpr QLatin1StringView NotifyMentionsKey("notify/mentions");
constexpr QLatin1StringView MinimizeToTrayKey("tray/minimizeWhileHosting");
constexpr QLatin1StringView TrayExplanationShownKey("tray/explanationShown");
constexpr QLatin1StringView HostPortKey("host/port");
constexpr QLatin1StringView ServerNameKey("host/serverName");
constexpr QLatin1StringView CertificatePinsGroup("certificatePins");

// Written as words so that the INI file reads well.
const QString HostModeValue = QStringLiteral("host");
const QString JoinModeValue = QStringLiteral("join");

// Two spellings of the same server count as one entry.
QUrl normalized(const QUrl &url)
{
    QUrl result = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (result.path() == u"/")
        result.setPath({});
    return result;
}
// "[::1]:8642" as a key: base64url keeps the brackets and colons of addresses out of QSettings' key syntax.
QString pinKey(const QString &server)
{
    return CertificatePinsGroup + u'/'
        + QString::fromLatin1(server.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

AppSettings::AppSettings(QSettings *settings)
    : m_ownSettings(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_ownSettings.get())
{ }

AppSettings::~AppSettings() = default;

QString AppSettings::userName() const
{
    return m_settings->value(UserNameKey).toString();
}

void AppSettings::setUserName(const QString &name)
{
    m_settings->setValue(UserNameKey, name);
}

QList<QUrl> AppSettings::recentServerUrls() const
{
    QList<QUrl> urls;
    const QStringList stored = m_settings->value(RecentServerUrlsKey).toStringList();
    for (const QString &text : stored) {
        const QUrl url = normalized(QUrl(text));
        if (url.isValid() && !url.isEmpty() && !urls.contains(url) && urls.size() < MaxRecentServerUrls)
            urls.append(url);
    }
    return urls;
}

void AppSettings::addRecentServerUrl(const QUrl &url)
{
    const QUrl entry = normalized(url);
    if (!entry.isValid() || entry.isEmpty())
        return;
    QList<QUrl> urls = recentServerUrls();
    urls.removeAll(entry);
    urls.prepend(entry);
    QStringList stored;
    for (qsizetype i = 0; i < urls.size() && i < MaxRecentServerUrls; ++i)
        stored.append(urls.at(i).toString());
    m_settings->setValue(RecentServerUrlsKey, stored);
}

void AppSettings::clearRecentServerUrls()
{
    m_settings->remove(RecentServerUrlsKey);
}

AppSettings::StartMode AppSettings::lastMode() const
{
    return m_settings->value(LastModeKey).toString() == HostModeValue ? StartMode::Host : StartMode::Join;
}

void AppSettings::setLastMode(StartMode mode)
{
    m_settings->setValue(LastModeKey, mode == StartMode::Host ? HostModeValue : JoinModeValue);
}

QUrl AppSettings::lastUrl() const
{
    return QUrl(m_settings->value(LastUrlKey).toString());
}

void AppSettings::setLastUrl(const QUrl &url)
{
    m_settings->setValue(LastUrlKey, url.toString());
}

bool AppSettings::resumeLastChat() const
{
    return m_settings->value(ResumeLastChatKey, false).toBool();
}

void AppSettings::setResumeLastChat(bool resume)
{
    m_settings->setValue(ResumeLastChatKey, resume);
}

AppSettings::ThemeChoice AppSettings::theme() const
{
    const QString value = m_settings->value(ThemeKey).toString();
    if (value == u"light")
        return ThemeChoice::Light;
    if (value == u"dark")
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

void AppSettings::setTheme(ThemeChoice theme)
{
    static const QString names[] = {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
    m_settings->setValue(ThemeKey, names[static_cast<int>(theme)]);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(WindowGeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(WindowGeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(WindowStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(WindowStateKey, state);
}

bool AppSettings::notifyDirectMessages() const
{
    return m_settings->value(NotifyDirectMessagesKey, true).toBool();
}

void AppSettings::setNotifyDirectMessages(bool notify)
{
    m_settings->setValue(NotifyDirectMessagesKey, notify);
}

bool AppSettings::notifyMentions() const
{
    return m_settings->value(NotifyMentionsKey, true).toBool();
}

void AppSettings::setNotifyMentions(bool notify)
{
    m_settings->setValue(NotifyMentionsKey, notify);
}

bool AppSettings::minimizeToTrayWhileHosting() const
{
    return m_settings->value(MinimizeToTrayKey, true).toBool();
}

void AppSettings::setMinimizeToTrayWhileHosting(bool minimize)
{
    m_settings->setValue(MinimizeToTrayKey, minimize);
}

bool AppSettings::trayExplanationShown() const
{
    return m_settings->value(TrayExplanationShownKey, false).toBool();
}

void AppSettings::setTrayExplanationShown(bool shown)
{
    m_settings->setValue(TrayExplanationShownKey, shown);
}

quint16 AppSettings::hostPort() const
{
    bool ok = false;
    const uint port = m_settings->value(HostPortKey).toUInt(&ok);
    return ok && port <= 65535 ? static_cast<quint16>(port) : Protocol::DefaultPort;
}

void AppSettings::setHostPort(quint16 port)
{
    m_settings->setValue(HostPortKey, port);
}

QString AppSettings::serverName() const
{
    return m_settings->value(ServerNameKey).toString();
}

void AppSettings::setServerName(const QString &name)
{
    m_settings->setValue(ServerNameKey, name);
}

QString AppSettings::certificatePin(const QString &server) const
{
    return m_settings->value(pinKey(server)).toString();
}

void AppSettings::setCertificatePin(const QString &server, const QString &fingerprint)
{
    const QString key = pinKey(server);
    if (fingerprint.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, fingerprint);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Natter
