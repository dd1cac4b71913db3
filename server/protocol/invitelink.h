#pragma once

// An invite link: a chat's address with the server certificate's fingerprint in its fragment,
// wss://HOST:PORT/#sha256=<64 lower-case hex digits>, so whoever follows it can tell the real server from anyone
// in between without asking a certificate authority. The fragment never reaches the server.

#include <QString>
#include <QUrl>

namespace Natter::Protocol {

class InviteLink
{
public:
    // url with the fingerprint in its fragment (and "/" as its path when it has none).
    static QUrl make(QUrl url, const QString &fingerprint);
    // The fingerprint a link carries, in lower case; empty when it carries none or a malformed one.
    static QString pin(const QUrl &url);
    // Whether the fragment names a fingerprint at all, well-formed or not (a malformed one is refused, not ignored).
    static bool hasPin(const QUrl &url);
    // The address to connect to: the link without its fragment.
    static QUrl address(QUrl url);
    // 64 hex digits.
    static bool isFingerprint(const QString &text);
};

} // namespace Natter::Protocol
