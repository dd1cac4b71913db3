// Fuzzes decodeServerFrame, which the app runs on every frame a server sends: a server the user joins by URL is
// as untrusted as any client. A frame either decodes or is refused; one that decodes survives a round trip.

#include "fuzzcheck.h"
#include "servermessages.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Natter::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString frame = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Parsed<ServerMessage> decoded = decodeServerFrame(frame);
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().message.isEmpty());
        return 0;
    }
    const QString encoded = encodeFrame(decoded.value());
    FUZZ_CHECK(QString::fromUtf8(encodeFrameUtf8(decoded.value())) == encoded);
    const Parsed<ServerMessage> again = decodeServerFrame(encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(encodeFrame(again.value()) == encoded);
    return 0;
}
