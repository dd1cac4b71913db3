#include "identitydirectory.h"

#include "historydatabase.h"
#include "logging.h"
#include "validation.h"

#include <QDateTime>

namespace Natter {

IdentityDirectory::IdentityDirectory(HistoryDatabase *database, int maxIdentities, int namesPerIdentity)
    : m_database(database)
    , m_maxIdentities(maxIdentities)
    , m_namesPerIdentity(namesPerIdentity)
{ }

std::optional<qint64> IdentityDirectory::enroll(const QByteArray &publicKey, bool *full)
{
    if (full)
        *full = false;
    QString error;
    const auto known =
        m_database->scalar(QStringLiteral("SELECT id FROM identities WHERE public_key = ?"), {publicKey}, &error);
    if (!known) {
        qCWarning(lcStore).noquote() << "Cannot look up a key:" << error;
        return std::nullopt;
    }
    if (!known->isNull())
        return known->toLongLong();
    const auto count = m_database->scalar(QStringLiteral("SELECT COUNT(*) FROM identities"), {}, &error);
    if (!count) {
        qCWarning(lcStore).noquote() << "Cannot count keys:" << error;
        return std::nullopt;
    }
    if (count->toLongLong() >= m_maxIdentities) {
        qCWarning(lcStore) << "Refusing a new key: the server already knows" << m_maxIdentities << "keys";
        if (full)
            *full = true;
        return std::nullopt;
    }
    const auto insert = m_database->run(QStringLiteral("INSERT INTO identities (public_key, created_ms) VALUES (?, ?)"),
                                        {publicKey, QDateTime::currentMSecsSinceEpoch()}, &error);
    if (!insert) {
        qCWarning(lcStore).noquote() << "Cannot store a key:" << error;
        return std::nullopt;
    }
    return insert->lastInsertId().toLongLong();
}

QByteArray IdentityDirectory::publicKey(qint64 identity) const
{
    const auto key = m_database->scalar(QStringLiteral("SELECT public_key FROM identities WHERE id = ?"), {identity});
    return key ? key->toByteArray() : QByteArray();
}

std::optional<IdentityDirectory::Owner> IdentityDirectory::ownerOf(const QString &name, qint64 except) const
{
    QString error;
    auto query = m_database->run(QStringLiteral("SELECT identity, name FROM owned_names "
                                                "WHERE (name_key = ? OR skeleton = ?) AND identity <> ? LIMIT 1"),
                                 {Protocol::nameKey(name), Protocol::nameSkeleton(name), except}, &error);
    if (!query) {
        qCWarning(lcStore).noquote() << "Cannot look up who owns a name:" << error;
        // Unknown is not free: refusing is the safe answer.
        return Owner{-1, name};
    }
    if (!query->next())
        return std::nullopt;
    Owner owner{query->value(0).toLongLong(), query->value(1).toString()};
    query->finish();
    return owner;
}

bool IdentityDirectory::claim(qint64 identity, const QString &name)
{
    QString error;
    const bool stored =
        m_database
            // used_ms only grows per identity, so two claims in one millisecond still have an order.
            ->run(QStringLiteral("INSERT INTO owned_names (name_key, skeleton, name, identity, used_ms) "
                                 "VALUES (?, ?, ?, ?, MAX(?, IFNULL((SELECT MAX(used_ms) + 1 FROM owned_names "
                                 "WHERE identity = ?), 0))) ON CONFLICT (name_key) DO UPDATE SET "
                                 "name = excluded.name, used_ms = excluded.used_ms WHERE identity = excluded.identity"),
                  {Protocol::nameKey(name), Protocol::nameSkeleton(name), name, identity,
                   QDateTime::currentMSecsSinceEpoch(), identity},
                  &error)
            .has_value()
        && m_database
               ->run(QStringLiteral("DELETE FROM owned_names WHERE identity = ? AND name_key NOT IN "
                                    "(SELECT name_key FROM owned_names WHERE identity = ? "
                                    "ORDER BY name_key = ? DESC, used_ms DESC LIMIT ?)"),
                     {identity, identity, Protocol::nameKey(name), m_namesPerIdentity}, &error)
               .has_value();
    if (!stored)
        qCWarning(lcStore).noquote() << "Cannot record who owns" << name << error;
    return stored;
}

QStringList IdentityDirectory::namesOf(qint64 identity) const
{
    QStringList names;
    auto query = m_database->run(
        QStringLiteral("SELECT name FROM owned_names WHERE identity = ? ORDER BY used_ms DESC, name"), {identity});
    if (!query)
        return names;
    while (query->next())
        names.append(query->value(0).toString());
    return names;
}

} // namespace Natter
