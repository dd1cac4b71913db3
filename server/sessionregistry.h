#pragma once

// Who is online: the welcomed sessions by name, unique case-insensitively and by look (see nameSkeleton), and by
// identity (one session per key).

#include <QHash>
#include <QString>

namespace Natter {

class ClientSession;

class SessionRegistry
{
public:
    ClientSession *find(const QString &name) const;
    // The session signed in with this identity (see ClientSession::identity); null if it is away.
    ClientSession *findIdentity(qint64 identity) const { return m_byIdentity.value(identity, nullptr); }
    bool isTaken(const QString &name) const { return find(name) != nullptr || lookAlike(name) != nullptr; }
    // Someone online whose name looks like this one (the same skeleton) but is another name; null if nobody.
    ClientSession *lookAlike(const QString &name) const;
    QList<ClientSession *> sessions() const { return m_byKey.values(); }
    int count() const { return static_cast<int>(m_byKey.size()); }

    // The session must already carry its name.
    void add(ClientSession *session);
    void remove(ClientSession *session);
    // Renames the session and updates the index.
    void rename(ClientSession *session, const QString &newName);

    // The first free guest-N.
    QString nextGuestName();

private:
    QHash<QString, ClientSession *> m_byKey;
    QHash<QString, ClientSession *> m_bySkeleton;
    QHash<qint64, ClientSession *> m_byIdentity;
    int m_nextGuest = 1;
};

} // namespace Natter
