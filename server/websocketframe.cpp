#include "websocketframe.h"

#include <QtEndian>

namespace Natter::WebSocketFrame {

namespace {
constexpr char FinalTextFrame = char(0x81); // FIN bit and opcode 1 (text)
constexpr qsizetype MaxSevenBitLength = 125;
constexpr qsizetype MaxSixteenBitLength = 0xffff;
constexpr char SixteenBitLengthFollows = 126;
constexpr char SixtyFourBitLengthFollows = 127;
} // namespace

QByteArray text(QByteArrayView utf8)
{
    const qsizetype size = utf8.size();
    QByteArray frame;
    frame.reserve(size + 10);
    frame.append(FinalTextFrame);
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
    frame.append(utf8);
    return frame;
}

} // namespace Natter::WebSocketFrame
