#include "nameownership.h"

#include "clientsession.h"
#include "identitydirectory.h"
#include "sessionregistry.h"
#include "validation.h"

namespace Natter {

using Protocol::ErrorCode;
using Protocol::ProtocolError;

NameOwnership::NameOwnership(IdentityDirectory *directory, const SessionRegistry *sessions)
    : m_directory(directory)
    , m_sessions(sessions)
{ }

std::optional<ProtocolError> NameOwnership::refusal(const QString &name, qint64 identity,
                                                    const ClientSession *self) const
{
    if (const auto owner = m_directory->ownerOf(name, identity)) {
        if (owner->identity < 0)
            return ProtocolError{ErrorCode::InternalError, QStringLiteral("Names cannot be checked right now.")};
        if (Protocol::nameKey(owner->name) == Protocol::nameKey(name)) {
            return ProtocolError{ErrorCode::NameOwned,
                                 QStringLiteral("%1 belongs to someone else on this server.").arg(owner->name)};
        }
        return ProtocolError{ErrorCode::NameOwned,
                             QStringLiteral("%1 looks the same as %2, a name that belongs to someone on this server.")
                                 .arg(name, owner->name)};
    }
    if (const ClientSession *holder = m_sessions->find(name); holder && holder != self) {
        return ProtocolError{ErrorCode::NameTaken, QStringLiteral("%1 is already taken here.").arg(holder->name())};
    }
    if (const ClientSession *similar = m_sessions->lookAlike(name); similar && similar != self) {
        return ProtocolError{ErrorCode::NameTaken,
                             QStringLiteral("%1 looks the same as %2, who is here.").arg(name, similar->name())};
    }
    return std::nullopt;
}

std::optional<NameOwnership::Party> NameOwnership::partyOf(const QString &name) const
{
    if (const ClientSession *session = m_sessions->find(name))
        return Party{session->party(), session->name(), session->identity()};
    const auto owner = m_directory->ownerOf(name);
    if (!owner || owner->identity <= 0 || Protocol::nameKey(owner->name) != Protocol::nameKey(name))
        return std::nullopt;
    return Party{ClientSession::identityParty(owner->identity), owner->name, owner->identity};
}

} // namespace Natter
