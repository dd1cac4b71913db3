#include "messagesenders.h"

#include "validation.h"

namespace Natter {

quint32 MessageSenders::indexOf(const QString &name)
{
    const auto found = m_index.constFind(name);
    if (found != m_index.constEnd())
        return found.value();
    const auto index = static_cast<quint32>(m_senders.size());
    m_senders.append(Sender{name, Protocol::nameKey(name)});
    m_index.insert(name, index);
    return index;
}

} // namespace Natter
