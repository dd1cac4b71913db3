#include "shareaddresses.h"

#include <QNetworkInterface>

#include <algorithm>

namespace Natter {

namespace {

bool isShareableIPv4(const QHostAddress &address)
{
    return !address.isNull() && address != QHostAddress(QHostAddress::AnyIPv4) && !address.isBroadcast()
        && !address.isMulticast();
}

} // namespace

QUrl ShareAddresses::url(QHostAddress address, quint16 port, const QString &scheme)
{
    address.setScopeId({});
    QUrl url;
    url.setScheme(scheme);
    url.setHost(address.toString());
    url.setPort(port);
    return url;
}

QUrl ShareAddresses::localUrl(const QHostAddress &bindAddress, quint16 port, const QString &scheme)
{
    QHostAddress host = bindAddress;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    return url(host, port, scheme);
}

QList<QUrl> ShareAddresses::forMachine(const QHostAddress &bindAddress, const QUrl &localUrl,
                                       QList<QHostAddress> addresses)
{
    QList<QUrl> urls;
    const auto add = [&](const QHostAddress &address) {
        const QUrl shared = url(address, static_cast<quint16>(localUrl.port()), localUrl.scheme());
        if (shared != localUrl && !urls.contains(shared))
            urls.append(shared);
    };
    const bool anyIPv4 = bindAddress == QHostAddress(QHostAddress::AnyIPv4);
    const bool anyIPv6 = bindAddress == QHostAddress(QHostAddress::AnyIPv6);
    if (anyIPv4 || anyIPv6 || bindAddress == QHostAddress(QHostAddress::Any)) {
        std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &address) {
            return address.protocol() == QAbstractSocket::IPv4Protocol;
        });
        for (const QHostAddress &address : std::as_const(addresses)) {
            const bool usable = address.protocol() == QAbstractSocket::IPv4Protocol
                ? !anyIPv6 && isShareableIPv4(address)
                : !anyIPv4 && address.protocol() == QAbstractSocket::IPv6Protocol && address.isGlobal();
            if (usable)
                add(address);
        }
    } else if (!bindAddress.isLoopback()) {
        add(bindAddress); // listening on one address only: that is the one others can reach
    }
    urls.append(localUrl);
    return urls;
}

QList<QHostAddress> ShareAddresses::interfaceAddresses()
{
    QList<QHostAddress> addresses;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &networkInterface : interfaces) {
        const auto flags = networkInterface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = networkInterface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries)
            addresses.append(entry.ip());
    }
    return addresses;
}

} // namespace Natter
