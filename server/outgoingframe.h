#pragma once

// One server event on its way to many sessions, encoded at most once per dialect: each dialect's WebSocket
// frame is built on first use and then written to every session that speaks it.

#include "servermessages.h"

#include <QByteArray>

#include <optional>

namespace Natter {

class OutgoingFrame
{
public:
    explicit OutgoingFrame(Protocol::ServerMessage message);

    const Protocol::ServerMessage &message() const { return m_message; }
    const QByteArray &natterFrame(); // the natter.v1 JSON, as a complete WebSocket text frame
    const QByteArray &plainFrame(); // the plain-text line as a frame; empty when plain clients do not see this event

private:
    Protocol::ServerMessage m_message;
    std::optional<QByteArray> m_natter;
    std::optional<QByteArray> m_plain;
};

} // namespace Natter
