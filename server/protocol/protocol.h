#pragma once

// Constants of the natter.v1 wire protocol that client and server must agree on.

#include <QString>

namespace Natter::Protocol {

inline QString subprotocol()
{
    return QStringLiteral("natter.v1");
}
inline QString lobbyRoom()
{
    return QStringLiteral("lobby");
}

constexpr quint16 DefaultPort = 8642;

// WebSocket close codes the server uses; 4000-4999 are Natter's own.
enum class CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    UnsupportedData = 1003,
    PolicyViolation = 1008,
    TooLarge = 1009,
    Replaced = 4000,
    AuthFailed = 4001,
    // Not 1013 (try again later): Qt's own client, and so Natter's, takes 1012-2999 for invalid codes.
    ServerFull = 4002,
};

} // namespace Natter::Protocol
