// Fuzzes what the server does with the first bytes of a connection: finding the end of the HTTP request head,
// reading it strictly (HttpRequestHead), and answering a WebSocket upgrade (WebSocketUpgrade, OriginPolicy).

#include "fuzzcheck.h"
#include "httprequesthead.h"
#include "originpolicy.h"
#include "websocketupgrade.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace Natter;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray received(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)HttpRequestHead::canStart(received);
    const qsizetype end = HttpRequestHead::endOf(received);
    if (end < 0)
        return 0;
    FUZZ_CHECK(end >= 4 && end <= received.size());
    const QByteArray head = received.first(end);
    if (HttpRequestHead::hasTooManyFields(head))
        return 0;
    const std::optional<HttpRequestHead> request = HttpRequestHead::parse(head);
    if (!request)
        return 0;
    FUZZ_CHECK(!request->method.isEmpty() && !request->target.isEmpty());
    for (const auto &[name, value] : request->fields)
        FUZZ_CHECK(name == name.toLower() && value == value.trimmed());
    if (!request->isWebSocketUpgrade())
        return 0;
    static const OriginPolicy origins({QStringLiteral("default"), QStringLiteral("https://chat.example.org")});
    const WebSocketUpgrade answer = WebSocketUpgrade::answer(*request, origins);
    FUZZ_CHECK(answer.status == 101 || answer.status == 400 || answer.status == 403 || answer.status == 426);
    if (answer.isAccepted())
        FUZZ_CHECK(answer.acceptance().endsWith("\r\n\r\n"));
    return 0;
}
