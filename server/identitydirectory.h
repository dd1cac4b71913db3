#pragma once

// Who owns which name: the keys that signed in to this server, and the names each of them owns, kept in the
// history database so that ownership outlives connections and restarts.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Natter {

class HistoryDatabase;

class IdentityDirectory
{
public:
    // An identity is the row id of a public key; 0 is nobody (a guest).
    struct Owner
    {
        qint64 identity = 0;
        QString name; // the owned spelling
    };

    IdentityDirectory(HistoryDatabase *database, int maxIdentities, int namesPerIdentity);

    // The identity of a key, created on its first use. nullopt when the directory is full or the database failed
    // (*full tells which).
    std::optional<qint64> enroll(const QByteArray &publicKey, bool *full = nullptr);
    QByteArray publicKey(qint64 identity) const;

    // The owner of this name, or of a name that looks like it (same nameSkeleton), other than `except`.
    std::optional<Owner> ownerOf(const QString &name, qint64 except = 0) const;
    // Records that the identity owns the name (now its most recently used). Past namesPerIdentity names, its least
    // recently used other name is released. False if the database failed.
    bool claim(qint64 identity, const QString &name);
    // The names the identity owns, most recently used first.
    QStringList namesOf(qint64 identity) const;

private:
    HistoryDatabase *m_database;
    int m_maxIdentities;
    int m_namesPerIdentity;
};

} // namespace Natter
