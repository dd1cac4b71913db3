#include "invitelink.h"

namespace Natter::Protocol {

namespace {
const QLatin1String PinPrefix("sha256=");
}

bool InviteLink::isFingerprint(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

QUrl InviteLink::make(QUrl url, const QString &fingerprint)
{
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    url.setFragment(PinPrefix + fingerprint.toLower());
    return url;
}

bool InviteLink::hasPin(const QUrl &url)
{
    return url.fragment().startsWith(PinPrefix, Qt::CaseInsensitive);
}

QString InviteLink::pin(const QUrl &url)
{
    if (!hasPin(url))
        return {};
    const QString value = url.fragment().mid(PinPrefix.size());
    return isFingerprint(value) ? value.toLower() : QString();
}

QUrl InviteLink::address(QUrl url)
{
    url.setFragment(QString());
    return url;
}

} // namespace Natter::Protocol
