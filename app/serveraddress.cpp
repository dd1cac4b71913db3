#include "serveraddress.h"

#include "invitelink.h"
#include "protocol.h"

#include <QRegularExpression>

#include <algorithm>

namespace Natter {

std::optional<QUrl> ServerAddress::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<QUrl> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("Type the address the host shared with you."));
    if (std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isSpace(); }))
        return fail(tr("An address cannot contain spaces."));

    // QUrl would read "localhost:8642" as scheme "localhost", so split off the scheme ourselves. Without one,
    // the connection is encrypted: a Natter server speaks both on its one port.
    QString scheme = QStringLiteral("wss");
    QString rest = trimmed;
    const qsizetype separator = trimmed.indexOf(QLatin1String("://"));
    if (separator >= 0) {
        scheme = trimmed.left(separator).toLower();
        rest = trimmed.mid(separator + 3);
    }
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        return fail(tr("Chat addresses start with ws:// or wss://, not %1://.").arg(scheme));
    }

    const qsizetype authorityEnd = rest.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
    const QString authority = rest.left(authorityEnd);
    const QString tail = authorityEnd < 0 ? QString() : rest.mid(authorityEnd);
    if (authority.contains(u'@'))
        return fail(tr("Leave names and passwords out of the address; use the password field."));

    QString host = authority;
    std::optional<QString> portText;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        const QString afterHost = close < 0 ? QString() : authority.mid(close + 1);
        if (close < 0 || (!afterHost.isEmpty() && !afterHost.startsWith(u':')))
            return fail(tr("That is not a valid IPv6 address."));
        host = authority.left(close + 1);
        if (!afterHost.isEmpty())
            portText = afterHost.mid(1);
    } else if (authority.count(u':') > 1) {
        return fail(tr("Put IPv6 addresses in brackets, such as wss://[fe80::1]:8642."));
    } else if (const qsizetype colon = authority.indexOf(u':'); colon >= 0) {
        host = authority.left(colon);
        portText = authority.mid(colon + 1);
    }
    if (host.isEmpty() || host == QLatin1String("[]"))
        return fail(tr("The address needs a computer name or IP address, such as 192.168.1.20."));

    int port = -1;
    if (portText) {
        bool isNumber = false;
        port = portText->toInt(&isNumber);
        const bool digitsOnly = std::all_of(portText->cbegin(), portText->cend(), [](QChar c) { return c.isDigit(); });
        if (!isNumber || !digitsOnly || port < 1 || port > 65535)
            return fail(tr("The port must be a number from 1 to 65535."));
    } else if (scheme == QLatin1String("ws") || separator < 0) {
        port = Protocol::DefaultPort; // wss:// typed out without a port is the web's port 443
    }

    QUrl hostOnly;
    hostOnly.setScheme(scheme);
    hostOnly.setHost(host.startsWith(u'[') ? host.mid(1, host.size() - 2) : host, QUrl::StrictMode);
    if (!hostOnly.isValid() || hostOnly.host().isEmpty())
        return fail(tr("“%1” is not a valid computer name or IP address.").arg(host));

    QUrl url(scheme + QLatin1String("://") + host + tail, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("That is not a valid address."));
    url.setPort(port);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    // An invite link's fragment names the certificate to expect; any other fragment means nothing here.
    if (Protocol::InviteLink::hasPin(url)) {
        if (scheme != QLatin1String("wss"))
            return fail(tr("This invite link names a certificate, so it must start with wss://."));
        const QString pin = Protocol::InviteLink::pin(url);
        if (pin.isEmpty())
            return fail(tr("The certificate fingerprint at the end of this invite link is damaged. Ask the host "
                           "for the link again."));
        return Protocol::InviteLink::make(url, pin);
    }
    return url.adjusted(QUrl::RemoveFragment);
}

QString ServerAddress::identity(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("wss") ? 443 : Protocol::DefaultPort;
    QString host = url.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return host + u':' + QString::number(url.port(defaultPort));
}

} // namespace Natter
