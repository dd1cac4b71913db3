#include "sessionregistry.h"

#include "clientsession.h"
#include "validation.h"

namespace Natter {

ClientSession *SessionRegistry::find(const QString &name) const
{
    return m_byKey.value(Protocol::nameKey(name), nullptr);
}

void SessionRegistry::add(ClientSession *session)
{
    m_byKey.insert(session->nameKey(), session);
}

void SessionRegistry::remove(ClientSession *session)
{
    const auto it = m_byKey.constFind(session->nameKey());
    if (it != m_byKey.cend() && it.value() == session)
        m_byKey.erase(it);
}

void SessionRegistry::rename(ClientSession *session, const QString &newName)
{
    remove(session);
    session->setName(newName);
    add(session);
}

QString SessionRegistry::nextGuestName()
{
    QString name;
    do {
        name = QStringLiteral("guest-%1").arg(m_nextGuest++);
    } while (isTaken(name));
    return name;
}

} // namespace Natter
