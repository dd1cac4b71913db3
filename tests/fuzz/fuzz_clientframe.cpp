// Fuzzes decodeClientFrame, which the server runs on every natter.v1 text frame a client sends. A frame either
// decodes or is refused with an error; one that decodes encodes back to a frame that decodes to the same value.

#include "clientmessages.h"
#include "fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Natter::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString frame = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)errorReference(frame);
    const Parsed<ClientMessage> decoded = decodeClientFrame(frame);
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().message.isEmpty());
        return 0;
    }
    const Parsed<ClientMessage> again = decodeClientFrame(encodeFrame(decoded.value()));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == decoded.value());
    return 0;
}
