#include "sessionregistry.h"

#include "clientsession.h"
#include "validation.h"

namespace Natter {

ClientSession *SessionRegistry::find(const QString &name) const
{
    return m_byKey.value(Protocol::nameKey(name), nullptr);
}

ClientSession *SessionRegistry::lookAlike(const QString &name) const
{
    ClientSession *similar = m_bySkeleton.value(Protocol::nameSkeleton(name), nullptr);
    return similar && similar->nameKey() != Protocol::nameKey(name) ? similar : nullptr;
}

void SessionRegistry::add(ClientSession *session)
{
    m_byKey.insert(session->nameKey(), session);
    m_bySkeleton.insert(Protocol::nameSkeleton(session->name()), session);
    if (session->identity() != 0)
        m_byIdentity.insert(session->identity(), session);
}

void SessionRegistry::remove(ClientSession *session)
{
    const auto it = m_byKey.constFind(session->nameKey());
    if (it != m_byKey.cend() && it.value() == session)
        m_byKey.erase(it);
    const auto similar = m_bySkeleton.constFind(Protocol::nameSkeleton(session->name()));
    if (similar != m_bySkeleton.cend() && similar.value() == session)
        m_bySkeleton.erase(similar);
    const auto keyed = m_byIdentity.constFind(session->identity());
    if (keyed != m_byIdentity.cend() && keyed.value() == session)
        m_byIdentity.erase(keyed);
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
