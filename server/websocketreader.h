#pragma once

// Reads the frames a WebSocket client sends (RFC 6455, section 5) from the bytes of its connection, one message
// at a time, and refuses everything the RFC says a server must refuse: unmasked frames, reserved bits or opcodes,
// fragmented or oversized control frames, broken fragment sequences, text that is not UTF-8, messages over the
// size cap. The server reads its connections itself rather than through QWebSocket so that it can stop reading a
// client that sends too fast, and can see and count every frame, pings included (docs/architecture.md).

#include <QByteArray>
#include <QString>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Natter {

class WebSocketReader
{
public:
    enum class Kind { Text, Binary, Ping, Pong, Close };
    enum class Result {
        NeedMore, // every complete frame has been read; append more bytes
        Message, // a message (or control frame) is ready: kind(), payload(), text(), closeCode()
        Failed, // the stream broke the protocol: failureCode() and failureReason(), then nothing more is read
    };

    // A message (all its fragments together) or control frame larger than maxMessageBytes fails with 1009.
    explicit WebSocketReader(qint64 maxMessageBytes);

    void append(const char *data, qsizetype size);
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
    // Appends up to maxBytes read straight from the device; returns how many it read (-1 on a read error).
    qint64 readFrom(QIODevice *device, qint64 maxBytes);
    // Bytes received and not yet part of a returned message: the unread input this reader holds.
    qsizetype pendingBytes() const { return m_buffer.size() - m_offset + m_message.size(); }

    // Reads on until a message is complete, more bytes are needed, or the stream fails.
    Result next();

    Kind kind() const { return m_kind; }
    // The message's bytes (unmasked); for Close, the reason's UTF-8.
    const QByteArray &payload() const { return m_payload; }
    // A Text message's text, or a Close frame's reason (both checked to be UTF-8 when they were read).
    const QString &text() const { return m_text; }
    // A Close frame's status code; 1005 when it carried none.
    quint16 closeCode() const { return m_closeCode; }

    quint16 failureCode() const { return m_failureCode; }
    QString failureReason() const { return m_failureReason; }

private:
    Result needMore();
    Result fail(quint16 code, const char *reason);
    Result finishControl(int opcode, QByteArray payload);
    void compact();

    const qint64 m_maxMessageBytes;
    QByteArray m_buffer; // received bytes; those before m_offset are read already
    qsizetype m_offset = 0;
    QByteArray m_message; // the fragments of an unfinished data message
    int m_messageOpcode = 0; // 0: no data message is under way
    Kind m_kind = Kind::Text;
    QByteArray m_payload;
    QString m_text;
    quint16 m_closeCode = 0;
    quint16 m_failureCode = 0;
    QString m_failureReason;
};

} // namespace Natter
