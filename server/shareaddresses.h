#pragma once

// The addresses people can join a chat at, built in one place for the server's log and the app's share line:
// one URL per address of this machine that others can reach, the URL this machine itself uses last. The scheme
// comes from the server's own URL, so a server that speaks another scheme is shared with it.

#include <QHostAddress>
#include <QList>
#include <QUrl>

namespace Natter {

class ShareAddresses
{
public:
    // scheme://HOST:PORT for one address (IPv6 in brackets, without a scope id).
    static QUrl url(QHostAddress address, quint16 port, const QString &scheme);
    // The URL this machine reaches a server listening on bindAddress at: loopback when it listens on every
    // interface, else the address itself.
    static QUrl localUrl(const QHostAddress &bindAddress, quint16 port, const QString &scheme);
    // For a server listening on bindAddress and reached here at localUrl, on a machine with these addresses:
    // IPv4 ones (people read them out and type them), then global IPv6 ones, each once, then localUrl. A server
    // bound to one address is shared at that address only (none but localUrl for a loopback address).
    static QList<QUrl> forMachine(const QHostAddress &bindAddress, const QUrl &localUrl, QList<QHostAddress> addresses);
    // The addresses of the up, running, non-loopback interfaces of this machine.
    static QList<QHostAddress> interfaceAddresses();
};

} // namespace Natter
