#include "serverconfig.h"

#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <cmath>

namespace Natter {

QString ServerConfig::defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

namespace {

bool readInt(const QSettings &settings, const QString &key, int minimum, int &field, QString *errorMessage)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int value = settings.value(key).toString().toInt(&ok);
    if (!ok || value < minimum) {
        if (errorMessage)
            *errorMessage = QStringLiteral("%1: expected a whole number of at least %2").arg(key).arg(minimum);
        return false;
    }
    field = value;
    return true;
}

} // namespace

std::optional<ServerConfig::Tls> ServerConfig::parseTls(const QString &text)
{
    const QString value = text.trimmed().toLower();
    if (value == u"on" || value == u"true" || value == u"yes")
        return Tls::On;
    if (value == u"off" || value == u"false" || value == u"no")
        return Tls::Off;
    if (value == u"required")
        return Tls::Required;
    return std::nullopt;
}

bool ServerConfig::loadFile(const QString &path, QString *errorMessage)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot read the config file %1").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        if (errorMessage)
            *errorMessage = QStringLiteral("%1 is not a valid INI file").arg(path);
        return false;
    }
    name = settings.value(QStringLiteral("name"), name).toString().trimmed();
    if (name.isEmpty()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("name: the server name cannot be empty");
        return false;
    }
    password = settings.value(QStringLiteral("password"), password).toString();
    databasePath = settings.value(QStringLiteral("db"), databasePath).toString();
    if (settings.contains(QStringLiteral("durable-commits"))) {
        const QString value = settings.value(QStringLiteral("durable-commits")).toString().trimmed().toLower();
        if (value == u"true" || value == u"yes" || value == u"on" || value == u"1") {
            durableCommits = true;
        } else if (value == u"false" || value == u"no" || value == u"off" || value == u"0") {
            durableCommits = false;
        } else {
            if (errorMessage)
                *errorMessage = QStringLiteral("durable-commits: expected true or false");
            return false;
        }
    }
    if (settings.contains(QStringLiteral("tls"))) {
        const std::optional<Tls> mode = parseTls(settings.value(QStringLiteral("tls")).toString());
        if (!mode) {
            if (errorMessage)
                *errorMessage = QStringLiteral("tls: expected on, off or required");
            return false;
        }
        tls = *mode;
    }
    if (settings.contains(QStringLiteral("allowed-origins"))) {
        // QSettings reads "a, b" as a list and "a" as a string.
        const QVariant value = settings.value(QStringLiteral("allowed-origins"));
        QStringList origins =
            value.typeId() == QMetaType::QStringList ? value.toStringList() : value.toString().split(u',');
        for (QString &origin : origins)
            origin = origin.trimmed();
        origins.removeAll(QString());
        if (origins.isEmpty()) {
            if (errorMessage)
                *errorMessage = QStringLiteral("allowed-origins: expected default, * or a list of origins");
            return false;
        }
        allowedOrigins = origins;
    }
    tlsCertificatePath = settings.value(QStringLiteral("tls-cert"), tlsCertificatePath).toString();
    tlsKeyPath = settings.value(QStringLiteral("tls-key"), tlsKeyPath).toString();
    if (tlsCertificatePath.isEmpty() != tlsKeyPath.isEmpty()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("tls-cert and tls-key: give both or neither");
        return false;
    }
    if (settings.contains(QStringLiteral("bind"))) {
        const QString bind = settings.value(QStringLiteral("bind")).toString();
        if (!bindAddress.setAddress(bind)) {
            if (errorMessage)
                *errorMessage = QStringLiteral("bind: %1 is not an IP address").arg(bind);
            return false;
        }
    }
    int portValue = port;
    bool ok = readInt(settings, QStringLiteral("port"), 0, portValue, errorMessage) && portValue <= 65535
        && readInt(settings, QStringLiteral("max-clients"), 1, maxClients, errorMessage)
        && readInt(settings, QStringLiteral("max-connections-per-address"), 1, maxConnectionsPerAddress, errorMessage)
        && readInt(settings, QStringLiteral("max-rooms"), 1, maxRooms, errorMessage)
        && readInt(settings, QStringLiteral("new-rooms-per-hour"), 1, newRoomsPerHour, errorMessage)
        && readInt(settings, QStringLiteral("max-rooms-per-creator"), 1, maxRoomsPerCreator, errorMessage)
        && readInt(settings, QStringLiteral("empty-room-expiry-ms"), 1000, emptyRoomExpiryMs, errorMessage)
        && readInt(settings, QStringLiteral("max-identities"), 1, maxIdentities, errorMessage)
        && readInt(settings, QStringLiteral("names-per-key"), 1, namesPerIdentity, errorMessage)
        && readInt(settings, QStringLiteral("max-reactions-per-message"), 1, limits.maxReactionsPerMessage,
                   errorMessage)
        && readInt(settings, QStringLiteral("handshake-timeout-ms"), 100, handshakeTimeoutMs, errorMessage)
        && readInt(settings, QStringLiteral("ping-interval-ms"), 100, pingIntervalMs, errorMessage)
        && readInt(settings, QStringLiteral("ping-timeout-ms"), 100, pingTimeoutMs, errorMessage)
        && readInt(settings, QStringLiteral("max-input-bytes"), 65536, maxInputBytes, errorMessage)
        && readInt(settings, QStringLiteral("max-buffered-bytes"), 65536, maxBufferedBytes, errorMessage)
        && readInt(settings, QStringLiteral("slow-consumer-grace-ms"), 100, slowConsumerGraceMs, errorMessage)
        && readInt(settings, QStringLiteral("max-output-bytes"), 1024 * 1024, maxOutputBytes, errorMessage)
        && readInt(settings, QStringLiteral("limits/max-text-bytes"), 1, limits.maxTextBytes, errorMessage)
        && readInt(settings, QStringLiteral("limits/max-frame-bytes"), 1024, limits.maxFrameBytes, errorMessage)
        && readInt(settings, QStringLiteral("limits/max-topic-length"), 0, limits.maxTopicLength, errorMessage)
        && readInt(settings, QStringLiteral("limits/max-rooms-per-session"), 1, limits.maxRoomsPerSession, errorMessage)
        && readInt(settings, QStringLiteral("limits/history-page-size"), 1, limits.historyPageSize, errorMessage)
        && readInt(settings, QStringLiteral("limits/max-history-page"), 1, limits.maxHistoryPage, errorMessage)
        && readInt(settings, QStringLiteral("limits/burst"), 1, limits.burst, errorMessage);
    if (!ok) {
        if (errorMessage && portValue > 65535)
            *errorMessage = QStringLiteral("port: expected a number from 0 to 65535");
        return false;
    }
    port = static_cast<quint16>(portValue);
    if (limits.maxReactionsPerMessage > 1000) {
        if (errorMessage)
            *errorMessage = QStringLiteral("max-reactions-per-message: expected a number from 1 to 1000");
        return false;
    }
    if (pingTimeoutMs <= pingIntervalMs) {
        if (errorMessage) {
            *errorMessage =
                QStringLiteral("ping-timeout-ms: must be longer than ping-interval-ms (%1)").arg(pingIntervalMs);
        }
        return false;
    }
    if (settings.contains(QStringLiteral("limits/messages-per-second"))) {
        const double rate = settings.value(QStringLiteral("limits/messages-per-second")).toString().toDouble(&ok);
        // "inf" and "nan" read as numbers too; neither is a rate a token bucket can keep.
        if (!ok || !std::isfinite(rate) || rate <= 0) {
            if (errorMessage)
                *errorMessage = QStringLiteral("limits/messages-per-second: expected a positive number");
            return false;
        }
        limits.messagesPerSecond = rate;
    }
    return true;
}

} // namespace Natter
