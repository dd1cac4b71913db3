#pragma once

// Complete server-to-client WebSocket frames (RFC 6455, section 5.2), built once and written as they are.
//
// A broadcast to many sessions encodes its frame once and hands the same bytes to each session's TCP socket.
// Frames from a server are never masked, so the bytes are the same for every receiver.

#include <QByteArray>
#include <QByteArrayView>

QT_BEGIN_NAMESPACE
class QString;
QT_END_NAMESPACE

namespace Natter::WebSocketFrame {

// One final (FIN) text frame carrying utf8, which must be valid UTF-8.
QByteArray text(QByteArrayView utf8);
// Control frames; a payload over 125 bytes is cut to 125.
QByteArray ping(QByteArrayView payload = {});
QByteArray pong(QByteArrayView payload);
// A close frame with a status code and a reason, which is cut to the 123 bytes a control frame leaves for it.
QByteArray close(quint16 code, const QString &reason);
// A close frame without a status code (the answer to one that had none).
QByteArray close();

} // namespace Natter::WebSocketFrame
