#pragma once

// The public keys this app has seen for names on one server, remembered in that server's cache, so that a name
// that comes back with another key is noticed.

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QString>

namespace Natter {

class ClientCache;

class KnownKeys
{
public:
    enum class Seen {
        Guest, // no key: nothing to remember
        First, // a name not seen with a key before
        Same,
        Changed, // the name had another key before: someone else, or the same person with a new key
    };

    // Where the keys are remembered; without a cache they are kept for this run only.
    void setCache(ClientCache *cache);
    // Records that `name` signed in with `key` (empty for a guest) and says how that compares.
    Seen see(const QString &name, const QByteArray &key);
    // The key last seen for the name; empty if it was never seen with one.
    QByteArray keyOf(const QString &name) const;

private:
    static QString cacheKey(const QString &name);

    QPointer<ClientCache> m_cache;
    mutable QHash<QString, QByteArray> m_keys; // name key -> public key, as far as read from the cache
};

} // namespace Natter
