#pragma once

// Which web pages may open a WebSocket to this server. A browser names the page that opens a connection in its
// Origin header; without a check, any site a person on the LAN visits could read and post in the LAN's chat
// through that person's browser (cross-site WebSocket hijacking). Native clients send no Origin.
//
// The "default" rule allows no Origin, "null" (a page opened from a file), pages on a loopback host, and pages
// served by this server itself (the Origin's host and port are the request's Host). "*" allows every origin;
// anything else is an exact origin (scheme://host[:port], compared without regard to case).

#include <QByteArray>
#include <QStringList>

namespace Natter {

class OriginPolicy
{
public:
    explicit OriginPolicy(const QStringList &allowed);

    // origin: the request's Origin field, empty when it sent none; host: its Host field.
    bool allows(const QByteArray &origin, const QByteArray &host) const;

private:
    static bool isDefaultAllowed(const QByteArray &origin, const QByteArray &host);

    bool m_any = false;
    bool m_default = false;
    QList<QByteArray> m_exact; // lower case
};

} // namespace Natter
