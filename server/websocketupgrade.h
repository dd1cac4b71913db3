#pragma once

// The server's side of the WebSocket opening handshake (RFC 6455, section 4.2): checks a request that asks to
// become a WebSocket and makes the answer, the 101 response with its accept key and the subprotocol chosen, or
// the refusal (400 for a malformed handshake, 403 for a web page whose origin is not allowed, 426 for another
// protocol version).

#include <QByteArray>

namespace Natter {

class OriginPolicy;
struct HttpRequestHead;

struct WebSocketUpgrade
{
    int status = 0; // 101 when accepted
    QByteArray reason; // the status line's reason phrase
    QByteArray fields; // further header fields, each ending with CRLF
    QByteArray body; // a refusal's explanation, for people
    bool natter = false; // the client offered natter.v1 and got it; otherwise the plain-text dialect

    static WebSocketUpgrade answer(const HttpRequestHead &head, const OriginPolicy &origins);
    // Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
    static QByteArray acceptKey(const QByteArray &clientKey);

    bool isAccepted() const { return status == 101; }
    // The whole 101 response head.
    QByteArray acceptance() const;
};

} // namespace Natter
