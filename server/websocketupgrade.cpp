#include "websocketupgrade.h"

#include "httprequesthead.h"
#include "originpolicy.h"
#include "protocol.h"

#include <QCryptographicHash>

namespace Natter {

namespace {

constexpr QByteArrayView HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr qsizetype KeyBytes = 16;

WebSocketUpgrade refusal(int status, QByteArray reason, QByteArray body, QByteArray fields = {})
{
    WebSocketUpgrade upgrade;
    upgrade.status = status;
    upgrade.reason = std::move(reason);
    upgrade.body = std::move(body);
    upgrade.fields = std::move(fields);
    return upgrade;
}

// Whether a comma-separated list in any of the fields of that name holds the token (tokens are case-sensitive).
bool offers(const HttpRequestHead &head, const QByteArray &field, QByteArrayView token)
{
    for (const auto &[name, value] : head.fields) {
        if (name != field)
            continue;
        for (const QByteArray &item : value.split(','))
            if (item.trimmed() == token)
                return true;
    }
    return false;
}

} // namespace

QByteArray WebSocketUpgrade::acceptKey(const QByteArray &clientKey)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(clientKey);
    hash.addData(HandshakeGuid);
    return hash.result().toBase64();
}

WebSocketUpgrade WebSocketUpgrade::answer(const HttpRequestHead &head, const OriginPolicy &origins)
{
    if (head.method != "GET")
        return refusal(400, "Bad Request", "A WebSocket handshake is a GET request.\n");
    if (head.field("host").isEmpty())
        return refusal(400, "Bad Request", "The request has no Host field.\n");
    if (head.field("sec-websocket-version") != "13") {
        return refusal(426, "Upgrade Required", "This server speaks WebSocket version 13.\n",
                       "Sec-WebSocket-Version: 13\r\n");
    }
    const QByteArray key = head.field("sec-websocket-key");
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != KeyBytes)
        return refusal(400, "Bad Request", "The Sec-WebSocket-Key field is not 16 bytes in base64.\n");
    if (!origins.allows(head.field("origin"), head.field("host"))) {
        return refusal(403, "Forbidden",
                       "Web pages from this origin may not connect to this chat server. Its owner can allow them "
                       "with allowed-origins.\n");
    }

    WebSocketUpgrade upgrade;
    upgrade.status = 101;
    upgrade.reason = "Switching Protocols";
    upgrade.natter = offers(head, "sec-websocket-protocol", Protocol::subprotocol().toLatin1());
    upgrade.fields = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + acceptKey(key) + "\r\n";
    if (upgrade.natter)
        upgrade.fields += "Sec-WebSocket-Protocol: " + Protocol::subprotocol().toLatin1() + "\r\n";
    return upgrade;
}

QByteArray WebSocketUpgrade::acceptance() const
{
    return "HTTP/1.1 101 " + reason + "\r\n" + fields + "\r\n";
}

} // namespace Natter
