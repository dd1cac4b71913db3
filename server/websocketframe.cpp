#include "websocketframe.h"

#include <QString>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace Natter::WebSocketFrame {

namespace {
constexpr char FinBit = char(0x80);
constexpr char OpText = 0x1;
constexpr char OpClose = 0x8;
constexpr char OpPing = 0x9;
constexpr char OpPong = 0xa;
constexpr qsizetype MaxControlPayload = 125;
constexpr qsizetype MaxSevenBitLength = 125;
constexpr qsizetype MaxSixteenBitLength = 0xffff;
constexpr char SixteenBitLengthFollows = 126;
constexpr char SixtyFourBitLengthFollows = 127;

QByteArray finalFrame(char opcode, QByteArrayView payload)
{
    const qsizetype size = payload.size();
    QByteArray frame;
    frame.reserve(size + 10);
    frame.append(char(FinBit | opcode));
    if (size <= MaxSevenBitLength) {
        frame.append(char(size));
    } else if (size <= MaxSixteenBitLength) {
        frame.append(SixteenBitLengthFollows);
        char length[2];
        qToBigEndian(quint16(size), length);
        frame.append(length, sizeof length);
    } else {
        frame.append(SixtyFourBitLengthFollows);
        char length[8];
        qToBigEndian(quint64(size), length);
        frame.append(length, sizeof length);
    }
    frame.append(payload);
    return frame;
}

} // namespace

QByteArray text(QByteArrayView utf8)
{
    return finalFrame(OpText, utf8);
}

QByteArray ping(QByteArrayView payload)
{
    return finalFrame(OpPing, payload.first(std::min(payload.size(), MaxControlPayload)));
}

QByteArray pong(QByteArrayView payload)
{
    return finalFrame(OpPong, payload.first(std::min(payload.size(), MaxControlPayload)));
}

QByteArray close(quint16 code, const QString &reason)
{
    char body[MaxControlPayload];
    qToBigEndian(code, body);
    // The reason is cut to what fits, at a character boundary so that it stays UTF-8.
    QByteArray utf8 = reason.toUtf8();
    qsizetype length = std::min(utf8.size(), MaxControlPayload - 2);
    while (length < utf8.size() && length > 0 && (quint8(utf8.at(length)) & 0xc0) == 0x80)
        --length;
    std::memcpy(body + 2, utf8.constData(), size_t(length));
    return finalFrame(OpClose, QByteArrayView(body, length + 2));
}

QByteArray close()
{
    return finalFrame(OpClose, {});
}

} // namespace Natter::WebSocketFrame
