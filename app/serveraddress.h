#pragma once

// Reads what a person typed, pasted or passed on the command line as a chat's address.

#include <QCoreApplication>
#include <QUrl>

#include <optional>

namespace Natter {

class ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(Natter::ServerAddress)

public:
    // "wss://" is assumed when no scheme is given; such addresses and ws:// ones without a port get
    // Protocol::DefaultPort. An invite link keeps its certificate fingerprint (#sha256=…), checked. Returns the
    // normalized URL, or nullopt and a message for people in *error.
    static std::optional<QUrl> parse(const QString &text, QString *error = nullptr);
    // The same server whatever way its address was written: "host:port", lower case, for naming its cache.
    static QString identity(const QUrl &url);
};

} // namespace Natter
