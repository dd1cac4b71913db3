#include "websocketreader.h"

#include <QIODevice>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace Natter {

namespace {

constexpr quint8 FinBit = 0x80;
constexpr quint8 ReservedBits = 0x70;
constexpr quint8 OpcodeBits = 0x0f;
constexpr quint8 MaskBit = 0x80;
constexpr quint8 LengthBits = 0x7f;
constexpr int OpContinuation = 0x0;
constexpr int OpText = 0x1;
constexpr int OpBinary = 0x2;
constexpr int OpClose = 0x8;
constexpr int OpPing = 0x9;
constexpr int OpPong = 0xa;
constexpr quint64 MaxControlPayload = 125;

constexpr quint16 ProtocolError = 1002;
constexpr quint16 InvalidPayload = 1007;
constexpr quint16 MessageTooBig = 1009;
constexpr quint16 NoStatus = 1005;

// XORs bytes with the four-byte masking key, eight bytes at a time where it can.
void unmask(char *bytes, qsizetype size, const uchar *key)
{
    quint32 key32;
    std::memcpy(&key32, key, 4);
    const quint64 key64 = (quint64(key32) << 32) | key32;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 block;
        std::memcpy(&block, bytes + i, 8);
        block ^= key64;
        std::memcpy(bytes + i, &block, 8);
    }
    for (; i < size; ++i)
        bytes[i] = char(bytes[i] ^ key[i % 4]);
}

bool isValidCloseCode(quint16 code)
{
    // RFC 6455, section 7.4: the codes a peer may send; 1004-1006 and 1015 are for reporting only.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

bool isUtf8(const QByteArray &bytes, QString *text)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    if (text)
        *text = std::move(decoded);
    return true;
}

} // namespace

WebSocketReader::WebSocketReader(qint64 maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
{ }

void WebSocketReader::append(const char *data, qsizetype size)
{
    m_buffer.append(data, size);
}

qint64 WebSocketReader::readFrom(QIODevice *device, qint64 maxBytes)
{
    const qsizetype before = m_buffer.size();
    m_buffer.resize(before + qsizetype(maxBytes));
    const qint64 read = device->read(m_buffer.data() + before, maxBytes);
    m_buffer.resize(before + qsizetype(std::max<qint64>(read, 0)));
    return read;
}

void WebSocketReader::compact()
{
    if (m_offset == 0)
        return;
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
    } else {
        m_buffer.remove(0, m_offset);
    }
    m_offset = 0;
}

WebSocketReader::Result WebSocketReader::needMore()
{
    compact();
    return Result::NeedMore;
}

WebSocketReader::Result WebSocketReader::fail(quint16 code, const char *reason)
{
    m_failureCode = code;
    m_failureReason = QString::fromLatin1(reason);
    m_buffer.clear();
    m_message.clear();
    m_offset = 0;
    return Result::Failed;
}

WebSocketReader::Result WebSocketReader::next()
{
    if (m_failureCode != 0)
        return Result::Failed;
    for (;;) {
        const qsizetype available = m_buffer.size() - m_offset;
        const auto *head = reinterpret_cast<const uchar *>(m_buffer.constData()) + m_offset;
        if (available < 2)
            return needMore();
        if (head[0] & ReservedBits)
            return fail(ProtocolError, "reserved bits set with no extension agreed");
        const bool final = head[0] & FinBit;
        const int opcode = head[0] & OpcodeBits;
        const bool control = opcode & 0x8;
        quint64 length = head[1] & LengthBits;
        qsizetype headerSize = 2;
        if (length == 126) {
            headerSize = 4;
            if (available < headerSize)
                return needMore();
            length = qFromBigEndian<quint16>(head + 2);
        } else if (length == 127) {
            headerSize = 10;
            if (available < headerSize)
                return needMore();
            length = qFromBigEndian<quint64>(head + 2);
            if (length >> 63)
                return fail(ProtocolError, "frame length out of range");
        }
        // Everything that can be refused from the header is refused before its payload is waited for.
        if (control) {
            if (opcode != OpClose && opcode != OpPing && opcode != OpPong)
                return fail(ProtocolError, "unknown opcode");
            if (!final)
                return fail(ProtocolError, "fragmented control frame");
            if (length > MaxControlPayload)
                return fail(ProtocolError, "control frame over 125 bytes");
            if (length > quint64(m_maxMessageBytes))
                return fail(MessageTooBig, "control frame over the size cap");
        } else {
            if (opcode != OpContinuation && opcode != OpText && opcode != OpBinary)
                return fail(ProtocolError, "unknown opcode");
            if (opcode == OpContinuation && m_messageOpcode == 0)
                return fail(ProtocolError, "continuation frame with no message to continue");
            if (opcode != OpContinuation && m_messageOpcode != 0)
                return fail(ProtocolError, "new message before the last one ended");
            if (length > quint64(m_maxMessageBytes) || quint64(m_message.size()) + length > quint64(m_maxMessageBytes))
                return fail(MessageTooBig, "message too big");
        }
        if (!(head[1] & MaskBit))
            return fail(ProtocolError, "unmasked frame from a client");
        headerSize += 4;
        if (quint64(available) < quint64(headerSize) + length) {
            compact();
            // The frame's size is known and within the cap: room for all of it at once.
            m_buffer.reserve(headerSize + qsizetype(length));
            return Result::NeedMore;
        }
        const uchar *key = head + headerSize - 4;
        const char *payload = reinterpret_cast<const char *>(head) + headerSize;
        const auto size = qsizetype(length);
        m_offset += headerSize + size;

        if (control) {
            QByteArray bytes(payload, size);
            unmask(bytes.data(), size, key);
            return finishControl(opcode, std::move(bytes));
        }
        const qsizetype start = m_message.size();
        m_message.append(payload, size);
        unmask(m_message.data() + start, size, key);
        if (opcode != OpContinuation)
            m_messageOpcode = opcode;
        if (!final)
            continue;

        m_kind = m_messageOpcode == OpText ? Kind::Text : Kind::Binary;
        m_messageOpcode = 0;
        m_payload = std::move(m_message);
        m_message = QByteArray();
        m_text.clear();
        if (m_kind == Kind::Text && !isUtf8(m_payload, &m_text))
            return fail(InvalidPayload, "text that is not UTF-8");
        return Result::Message;
    }
}

WebSocketReader::Result WebSocketReader::finishControl(int opcode, QByteArray payload)
{
    m_text.clear();
    if (opcode == OpPing || opcode == OpPong) {
        m_kind = opcode == OpPing ? Kind::Ping : Kind::Pong;
        m_payload = std::move(payload);
        return Result::Message;
    }
    m_kind = Kind::Close;
    if (payload.isEmpty()) {
        m_closeCode = NoStatus;
        m_payload.clear();
        return Result::Message;
    }
    if (payload.size() == 1)
        return fail(ProtocolError, "close frame with a one-byte body");
    m_closeCode = qFromBigEndian<quint16>(payload.constData());
    if (!isValidCloseCode(m_closeCode))
        return fail(ProtocolError, "close code that may not be sent");
    m_payload = payload.sliced(2);
    if (!isUtf8(m_payload, &m_text))
        return fail(InvalidPayload, "close reason that is not UTF-8");
    return Result::Message;
}

} // namespace Natter
