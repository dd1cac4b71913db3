#include "outgoingframe.h"

#include "plaintextmode.h"
#include "websocketframe.h"

namespace Natter {

OutgoingFrame::OutgoingFrame(Protocol::ServerMessage message)
    : m_message(std::move(message))
{ }

const QByteArray &OutgoingFrame::natterFrame()
{
    if (!m_natter)
        m_natter = WebSocketFrame::text(Protocol::encodeFrameUtf8(m_message));
    return *m_natter;
}

const QByteArray &OutgoingFrame::plainFrame()
{
    if (!m_plain) {
        const QString line = PlainTextMode::lineFor(m_message);
        m_plain = line.isEmpty() ? QByteArray() : WebSocketFrame::text(line.toUtf8());
    }
    return *m_plain;
}

} // namespace Natter
