#pragma once

// Loads this install's identity key, or makes one on the first start, and keeps it: in the system keyring when
// there is one, else in the file <folder>/identity.key that only the user may read. Never blocks its thread.
//
// identity.key holds two lines of ASCII, each ending in "\n": "natter-identity-v1", then the standard base64
// (with padding) of the 32-byte Ed25519 private seed of RFC 8032. Anything else is refused, never replaced.

#include "identitykey.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Natter {

class IdentityStore : public QObject
{
    Q_OBJECT

public:
    enum class Keyring { Use, Skip };
    Q_ENUM(Keyring)
    // Where the key is kept; Unknown until load() or replace() has found out.
    enum class Location { Unknown, Keyring, File };
    Q_ENUM(Location)

    static constexpr QLatin1StringView FileName{"identity.key"};

    // `folder` is where identity.key lives (created when needed); Keyring::Skip keeps the system keyring out of it.
    IdentityStore(const QString &folder, Keyring keyring, QObject *parent = nullptr);

    QString filePath() const;
    Location location() const { return m_location; }

    // The keyring's key, else the file's, else a new one saved in the keyring or, failing that, in the file.
    // Ends in ready() or failed(); one load() or replace() at a time.
    void load();
    // Saves an imported key where the current one lives (overwriting it), then emits ready(key) or failed().
    void replace(const Natter::IdentityKey &key);

signals:
    void ready(const Natter::IdentityKey &key);
    void failed(const QString &reason);

private:
    bool keyringReachable() const;
    bool begin();
    void readKeyring();
    void readFile(bool keyringWritable);
    void storeNewKey(const IdentityKey &key, bool tryKeyring, bool overwriteFile);
    void writeKeyring(const IdentityKey &key, std::function<void(const QString &error)> done);
    void writeFile(const IdentityKey &key, bool overwrite);
    void succeed(Location location, const IdentityKey &key);
    void fail(const QString &reason);

    QString m_folder;
    Keyring m_keyring;
    Location m_location = Location::Unknown;
    bool m_busy = false;
};

} // namespace Natter
