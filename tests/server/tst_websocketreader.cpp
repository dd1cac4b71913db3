// The server's WebSocket frame reader: every frame kind, fragments, every refusal RFC 6455 asks of a server, bytes
// arriving one at a time, and random input that must never crash it or make it hold more than its cap.

#include "websocketreader.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Natter;
using Result = WebSocketReader::Result;
using Kind = WebSocketReader::Kind;

namespace {

constexpr qint64 Cap = 64 * 1024;

QByteArray frame(quint8 opcode, const QByteArray &payload, bool final = true, bool masked = true, quint8 rsv = 0)
{
    QByteArray bytes;
    bytes.append(char((final ? 0x80 : 0) | rsv | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    const auto length = quint64(payload.size());
    if (length < 126) {
        bytes.append(char(maskBit | char(length)));
    } else if (length <= 0xffff) {
        bytes.append(char(maskBit | 126));
        char be[2];
        qToBigEndian(quint16(length), be);
        bytes.append(be, 2);
    } else {
        bytes.append(char(maskBit | 127));
        char be[8];
        qToBigEndian(length, be);
        bytes.append(be, 8);
    }
    if (!masked)
        return bytes + payload;
    const char key[4] = {char(0x37), char(0xfa), char(0x21), char(0x3d)};
    bytes.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        bytes.append(char(payload.at(i) ^ key[i % 4]));
    return bytes;
}

QByteArray closeBody(quint16 code, const QByteArray &reason = {})
{
    char be[2];
    qToBigEndian(code, be);
    return QByteArray(be, 2) + reason;
}

} // namespace

class TestWebSocketReader : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryLengthClass_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {0, 1, 125, 126, 65535, 65536})
            QTest::addRow("%d bytes", size) << size;
    }

    void readsEveryLengthClass()
    {
        QFETCH(int, size);
        QByteArray text(size, 'x');
        for (int i = 0; i < size; ++i)
            text[i] = char('a' + i % 26);
        WebSocketReader reader(Cap * 2);
        reader.append(frame(0x1, text));
        QCOMPARE(reader.next(), Result::Message);
        QCOMPARE(reader.kind(), Kind::Text);
        QCOMPARE(reader.payload(), text);
        QCOMPARE(reader.text(), QString::fromLatin1(text));
        QCOMPARE(reader.next(), Result::NeedMore);
        QCOMPARE(reader.pendingBytes(), 0);
    }

    void readsBytesArrivingOneAtATime()
    {
        const QByteArray text = QStringLiteral("Grüße, 世界 🎉").toUtf8();
        const QByteArray stream = frame(0x1, text.first(5), false) + frame(0x9, "ping") + frame(0x0, text.sliced(5))
            + frame(0x8, closeBody(1000, "bye"));
        WebSocketReader reader(Cap);
        QList<Kind> kinds;
        for (char byte : stream) {
            reader.append(&byte, 1);
            for (Result result = reader.next(); result != Result::NeedMore; result = reader.next()) {
                QCOMPARE(result, Result::Message);
                kinds.append(reader.kind());
                if (reader.kind() == Kind::Text)
                    QCOMPARE(reader.payload(), text);
                if (reader.kind() == Kind::Ping)
                    QCOMPARE(reader.payload(), QByteArray("ping"));
                if (reader.kind() == Kind::Close) {
                    QCOMPARE(reader.closeCode(), quint16(1000));
                    QCOMPARE(reader.text(), QStringLiteral("bye"));
                }
            }
        }
        // The ping between the fragments comes first, as it arrived.
        QCOMPARE(kinds, (QList<Kind>{Kind::Ping, Kind::Text, Kind::Close}));
    }

    void readsBinaryPongAndEmptyClose()
    {
        WebSocketReader reader(Cap);
        reader.append(frame(0x2, QByteArray("\x00\xff", 2)) + frame(0xa, "") + frame(0x8, ""));
        QCOMPARE(reader.next(), Result::Message);
        QCOMPARE(reader.kind(), Kind::Binary);
        QCOMPARE(reader.payload(), QByteArray("\x00\xff", 2));
        QCOMPARE(reader.next(), Result::Message);
        QCOMPARE(reader.kind(), Kind::Pong);
        QCOMPARE(reader.next(), Result::Message);
        QCOMPARE(reader.kind(), Kind::Close);
        QCOMPARE(reader.closeCode(), quint16(1005));
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked text") << frame(0x1, "hi", true, false) << 1002;
        QTest::newRow("unmasked ping") << frame(0x9, "", true, false) << 1002;
        QTest::newRow("reserved bit 1") << frame(0x1, "hi", true, true, 0x40) << 1002;
        QTest::newRow("reserved bit 3") << frame(0x1, "hi", true, true, 0x10) << 1002;
        QTest::newRow("opcode 3") << frame(0x3, "hi") << 1002;
        QTest::newRow("opcode 0xb") << frame(0xb, "") << 1002;
        QTest::newRow("fragmented ping") << frame(0x9, "a", false) << 1002;
        QTest::newRow("ping of 126 bytes") << frame(0x9, QByteArray(126, 'p')) << 1002;
        QTest::newRow("continuation first") << frame(0x0, "hi") << 1002;
        QTest::newRow("text inside a text") << frame(0x1, "a", false) + frame(0x1, "b") << 1002;
        QTest::newRow("invalid UTF-8") << frame(0x1, "\xc3\x28") << 1007;
        QTest::newRow("encoded surrogate") << frame(0x1, "\xed\xa0\x80") << 1007;
        QTest::newRow("overlong") << frame(0x1, "\xc0\xaf") << 1007;
        QTest::newRow("UTF-8 cut between fragments and never finished")
            << frame(0x1, "\xe2\x82", false) + frame(0x0, "x") << 1007;
        QTest::newRow("frame over the cap") << frame(0x1, QByteArray(Cap + 1, 'a')) << 1009;
        QTest::newRow("fragments over the cap")
            << frame(0x1, QByteArray(Cap / 2, 'a'), false) + frame(0x0, QByteArray(Cap / 2 + 1, 'a')) << 1009;
        QTest::newRow("close with one byte") << frame(0x8, "\x03") << 1002;
        QTest::newRow("close code 1005") << frame(0x8, closeBody(1005)) << 1002;
        QTest::newRow("close code 999") << frame(0x8, closeBody(999)) << 1002;
        QTest::newRow("close code 5000") << frame(0x8, closeBody(5000)) << 1002;
        QTest::newRow("close reason not UTF-8") << frame(0x8, closeBody(1000, "\xff")) << 1007;
    }

    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        WebSocketReader reader(Cap);
        reader.append(bytes);
        Result result = reader.next();
        while (result == Result::Message)
            result = reader.next();
        QCOMPARE(result, Result::Failed);
        QCOMPARE(int(reader.failureCode()), code);
        QVERIFY(!reader.failureReason().isEmpty());
        // A broken stream stays broken and holds nothing.
        reader.append(frame(0x1, "after"));
        QCOMPARE(reader.next(), Result::Failed);
    }

    // A reader whose cap is under the 125 bytes a control frame may carry refuses larger ones with 1009 too, as
    // it promises (found by fuzz_websocketreader: a 13-byte ping came through a reader capped at 8 bytes).
    void refusesControlFramesOverASmallCap_data()
    {
        QTest::addColumn<quint8>("opcode");
        QTest::newRow("ping") << quint8(0x9);
        QTest::newRow("pong") << quint8(0xa);
        QTest::newRow("close") << quint8(0x8);
    }

    void refusesControlFramesOverASmallCap()
    {
        QFETCH(quint8, opcode);
        WebSocketReader reader(8);
        reader.append(frame(opcode, closeBody(1000, "too long")));
        QCOMPARE(reader.next(), Result::Failed);
        QCOMPARE(reader.failureCode(), quint16(1009));

        WebSocketReader fits(8);
        fits.append(frame(opcode, closeBody(1000, "bye")));
        QCOMPARE(fits.next(), Result::Message);
        QCOMPARE(fits.payload().size(), opcode == 0x8 ? 3 : 5);
    }

    // A frame announcing more than the cap is refused from its header, before anything of it is held.
    void refusesHugeFramesFromTheirHeader()
    {
        WebSocketReader reader(Cap);
        QByteArray head("\x81\xff", 2);
        char be[8];
        qToBigEndian(quint64(1) << 40, be);
        reader.append(head + QByteArray(be, 8));
        QCOMPARE(reader.next(), Result::Failed);
        QCOMPARE(reader.failureCode(), quint16(1009));

        WebSocketReader top(Cap);
        qToBigEndian(quint64(1) << 63, be);
        top.append(head + QByteArray(be, 8));
        QCOMPARE(top.next(), Result::Failed);
        QCOMPARE(top.failureCode(), quint16(1002));
    }

    void acceptsEveryValidCloseCode_data()
    {
        QTest::addColumn<int>("code");
        for (int code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1014, 3000, 4000, 4999})
            QTest::addRow("%d", code) << code;
    }

    void acceptsEveryValidCloseCode()
    {
        QFETCH(int, code);
        WebSocketReader reader(Cap);
        reader.append(frame(0x8, closeBody(quint16(code))));
        QCOMPARE(reader.next(), Result::Message);
        QCOMPARE(int(reader.closeCode()), code);
    }

    // Random bytes, and valid streams with random damage: the reader answers every time, never holds more than
    // what it was given plus nothing, and a failed reader stays failed.
    void survivesRandomInput()
    {
        QRandomGenerator random(20261203);
        for (int round = 0; round < 20'000; ++round) {
            WebSocketReader reader(4096);
            QByteArray stream;
            if (round % 2 == 0) {
                stream.resize(random.bounded(1, 300));
                for (char &byte : stream)
                    byte = char(random.bounded(256));
            } else {
                for (int i = 0; i < 4; ++i) {
                    const quint8 opcodes[] = {0x0, 0x1, 0x2, 0x8, 0x9, 0xa};
                    stream +=
                        frame(opcodes[random.bounded(6)], QByteArray(random.bounded(200), 'z'), random.bounded(4) != 0);
                }
                for (int flips = random.bounded(3); flips > 0; --flips)
                    stream[random.bounded(stream.size())] = char(random.bounded(256));
            }
            qsizetype given = 0;
            while (given < stream.size()) {
                const qsizetype chunk = std::min<qsizetype>(stream.size() - given, random.bounded(1, 64));
                reader.append(stream.constData() + given, chunk);
                given += chunk;
                Result result;
                do {
                    result = reader.next();
                    QVERIFY(reader.pendingBytes() <= stream.size());
                } while (result == Result::Message);
                if (result == Result::Failed) {
                    QVERIFY(reader.failureCode() == 1002 || reader.failureCode() == 1007
                            || reader.failureCode() == 1009);
                    QCOMPARE(reader.pendingBytes(), 0);
                    break;
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWebSocketReader)
#include "tst_websocketreader.moc"
