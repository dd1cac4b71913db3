#include "outgoingframe.h"

#include "plaintextmode.h"

namespace Natter {

OutgoingFrame::OutgoingFrame(Protocol::ServerMessage message)
    : m_message(std::move(message))
{ }

const QString &OutgoingFrame::natterText()
{
    if (!m_natter)
        m_natter = Protocol::encodeFrame(m_message);
    return *m_natter;
}

const QString &OutgoingFrame::plainText()
{
    if (!m_plain)
        m_plain = PlainTextMode::lineFor(m_message);
    return *m_plain;
}

} // namespace Natter
