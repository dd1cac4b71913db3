#pragma once

// A complete server-to-client WebSocket text frame (RFC 6455, section 5.2), built once and written as is.
//
// QWebSocket::sendTextMessage() converts its QString to UTF-8, copies it and builds a header for every
// receiver. A broadcast to many sessions instead encodes its frame once and hands the same bytes to each
// session's TCP socket. Frames from a server are never masked, so the bytes are the same for every receiver.

#include <QByteArray>
#include <QByteArrayView>

namespace Natter::WebSocketFrame {

// One final (FIN) text frame carrying utf8, which must be valid UTF-8.
QByteArray text(QByteArrayView utf8);

} // namespace Natter::WebSocketFrame
