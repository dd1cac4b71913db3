#pragma once

// The server's configurable limits, announced to clients in welcome.server.limits.

#include "parsed.h"

#include <QJsonObject>

namespace Natter::Protocol {

struct Limits
{
    int maxTextBytes = 16 * 1024; // UTF-8 bytes of one message's text
    int maxFrameBytes = 64 * 1024; // one incoming WebSocket frame or message
    int maxTopicLength = 256; // characters
    int maxRoomsPerSession = 50;
    int historyPageSize = 50; // messages sent with joined, and the default history page
    int maxHistoryPage = 200; // largest history.limit honoured
    double messagesPerSecond = 5.0; // sustained frames per second per connection
    int burst = 30; // frames a connection may send at once before the rate applies
    int maxReactionsPerMessage = 20; // different emoji on one message; absent from older servers, which had 20

    QJsonObject toJson() const;
    // Missing fields keep their defaults; fields of the wrong type are rejected.
    static Parsed<Limits> fromJson(const QJsonObject &object);

    friend bool operator==(const Limits &, const Limits &) = default;
};

} // namespace Natter::Protocol
