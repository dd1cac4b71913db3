#pragma once

// One server event on its way to many sessions, encoded at most once per dialect.

#include "servermessages.h"

#include <optional>

namespace Natter {

class OutgoingFrame
{
public:
    explicit OutgoingFrame(Protocol::ServerMessage message);

    const Protocol::ServerMessage &message() const { return m_message; }
    const QString &natterText(); // the natter.v1 JSON frame
    const QString &plainText(); // the plain-text line; empty when plain clients do not see this event

private:
    Protocol::ServerMessage m_message;
    std::optional<QString> m_natter;
    std::optional<QString> m_plain;
};

} // namespace Natter
