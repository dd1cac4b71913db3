#pragma once

// The head of an HTTP/1.1 request (request line and header fields, RFC 9112), read strictly: anything malformed is
// refused rather than guessed at. It decides what a connection on the chat port is for.

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace Natter {

struct HttpRequestHead
{
    static constexpr int MaxBytes = 8 * 1024; // the whole head, blank line included
    static constexpr int MaxFields = 100;

    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> fields; // names in lower case, values trimmed

    // Where the head ends (just past its blank line) in the bytes a connection has sent so far; -1 when it has not
    // ended yet.
    static qsizetype endOf(const QByteArray &received);
    // Whether bytes received so far can be the start of a request: a method starts with a token character. A TLS
    // handshake (0x16) or other binary opening can be refused at once rather than waited on.
    static bool canStart(const QByteArray &received);
    // Whether a head (ending with its blank line) has more than MaxFields header fields: answered with 431.
    static bool hasTooManyFields(const QByteArray &head);
    // The head in bytes that end with its blank line; nullopt if it is not a well-formed HTTP/1.x request head.
    static std::optional<HttpRequestHead> parse(const QByteArray &head);

    // The value of a field (the first one of that name), or an empty array.
    QByteArray field(const QByteArray &lowerCaseName) const;
    // A request to switch this connection to the WebSocket protocol.
    bool isWebSocketUpgrade() const;
};

} // namespace Natter
