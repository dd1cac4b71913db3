#include "originpolicy.h"

#include <QHostAddress>
#include <QUrl>

namespace Natter {

namespace {

// "host[:port]" of an Origin or Host value, in lower case and with the scheme's default port left out, so that
// https://Chat.example:443 and a Host of chat.example compare equal.
QByteArray authority(const QUrl &url)
{
    const int defaultPort = url.scheme() == u"https" || url.scheme() == u"wss" ? 443 : 80;
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(defaultPort);
    return port == defaultPort ? host : host + ':' + QByteArray::number(port);
}

bool isLoopbackHost(const QString &host)
{
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

OriginPolicy::OriginPolicy(const QStringList &allowed)
{
    for (const QString &entry : allowed) {
        if (entry == u"*")
            m_any = true;
        else if (entry.compare(u"default", Qt::CaseInsensitive) == 0)
            m_default = true;
        else
            m_exact.append(entry.toLower().toUtf8());
    }
}

bool OriginPolicy::allows(const QByteArray &origin, const QByteArray &host) const
{
    if (m_any || origin.isEmpty())
        return true;
    if (m_exact.contains(origin.toLower()))
        return true;
    return m_default && isDefaultAllowed(origin, host);
}

bool OriginPolicy::isDefaultAllowed(const QByteArray &origin, const QByteArray &host)
{
    if (origin == "null")
        return true;
    const QUrl page(QString::fromLatin1(origin), QUrl::StrictMode);
    if (!page.isValid() || page.host().isEmpty() || !page.path().isEmpty())
        return false;
    if (isLoopbackHost(page.host()))
        return true;
    // The Host field has no scheme; the page's own is used for its default port.
    const QUrl server(page.scheme() + QStringLiteral("://") + QString::fromLatin1(host), QUrl::StrictMode);
    return server.isValid() && !server.host().isEmpty() && authority(page) == authority(server);
}

} // namespace Natter
