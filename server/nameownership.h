#pragma once

// Who a name belongs to: the session using it, or the key that owns it (see IdentityDirectory), and whether
// someone else may take it.

#include "errorcode.h"

#include <QString>

#include <optional>

namespace Natter {

class ClientSession;
class IdentityDirectory;
class SessionRegistry;

class NameOwnership
{
public:
    // Someone a direct message can be addressed to.
    struct Party
    {
        QString party; // see ClientSession::party
        QString name; // the spelling everyone sees
        qint64 identity = 0; // 0 for a guest
    };

    NameOwnership(IdentityDirectory *directory, const SessionRegistry *sessions);

    // Why someone signed in as `identity` (0: a guest) may not use `name`; nullopt if they may. `self` is the
    // session allowed to hold the name already (the asker on a rename, the connection a sign-in replaces).
    std::optional<Protocol::ProtocolError> refusal(const QString &name, qint64 identity,
                                                   const ClientSession *self) const;
    // Who `name` is now: the session using it, else the key that owns it; nullopt for an away guest or nobody.
    std::optional<Party> partyOf(const QString &name) const;

private:
    IdentityDirectory *m_directory;
    const SessionRegistry *m_sessions;
};

} // namespace Natter
