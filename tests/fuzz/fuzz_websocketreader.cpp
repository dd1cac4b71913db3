// Fuzzes WebSocketReader, the state machine that reads a client's WebSocket frames from its connection. The
// first two bytes choose the size cap and how the rest arrives (in pieces of which size); the reader must then
// answer with messages no larger than the cap, or one failure after which it reads nothing more.

#include "fuzzcheck.h"
#include "websocketreader.h"

#include <cstddef>
#include <cstdint>

using namespace Natter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const qint64 maxMessageBytes = qint64(1) << (data[0] % 21); // 1 byte … 1 MiB
    const size_t piece = data[1] == 0 ? size : data[1];
    data += 2;
    size -= 2;

    WebSocketReader reader(maxMessageBytes);
    size_t appended = 0;
    bool failed = false;
    while (!failed && appended < size) {
        const size_t count = std::min(piece, size - appended);
        reader.append(reinterpret_cast<const char *>(data + appended), qsizetype(count));
        appended += count;
        for (;;) {
            const WebSocketReader::Result result = reader.next();
            FUZZ_CHECK(reader.pendingBytes() >= 0 && size_t(reader.pendingBytes()) <= appended);
            if (result == WebSocketReader::Result::NeedMore)
                break;
            if (result == WebSocketReader::Result::Failed) {
                FUZZ_CHECK(reader.failureCode() >= 1000 && !reader.failureReason().isEmpty());
                FUZZ_CHECK(reader.next() == WebSocketReader::Result::Failed);
                failed = true;
                break;
            }
            FUZZ_CHECK(reader.payload().size() <= maxMessageBytes);
            switch (reader.kind()) {
            case WebSocketReader::Kind::Text:
                FUZZ_CHECK(reader.text().toUtf8() == reader.payload());
                break;
            case WebSocketReader::Kind::Close:
                FUZZ_CHECK(reader.text().toUtf8() == reader.payload());
                FUZZ_CHECK(reader.closeCode() >= 1000);
                break;
            case WebSocketReader::Kind::Ping:
            case WebSocketReader::Kind::Pong:
                FUZZ_CHECK(reader.payload().size() <= 125);
                break;
            case WebSocketReader::Kind::Binary:
                break;
            }
        }
    }
    return 0;
}
