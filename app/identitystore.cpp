#include "identitystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <qt6keychain/keychain.h>

#include <memory>
#include <openssl/crypto.h>

namespace Natter {

namespace {

Q_LOGGING_CATEGORY(lcIdentity, "natter.app.identity", QtInfoMsg)

const QString KeyringService = QStringLiteral("Natter");
const QString KeyringKey = QStringLiteral("identity");
constexpr QByteArrayView FileMagic("natter-identity-v1");
// The format needs 64 bytes; anything much larger is not an identity file.
constexpr qint64 MaxFileSize = 1024;
constexpr QFile::Permissions OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions OthersMayAccess =
    QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;

// What the worker thread found in (or made instead of) identity.key.
struct FileOutcome
{
    IdentityKey key;
    bool generated = false;
    QString error;
};

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
}

// Runs `work` on the global thread pool and hands its result to `done` in the thread of `context`; nothing
// arrives once `context` is gone.
template<typename Result, typename Work, typename Done> void runInBackground(QObject *context, Work work, Done done)
{
    auto promise = std::make_shared<QPromise<Result>>();
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    promise->start();
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, work] {
        promise->addResult(work());
        promise->finish();
    });
}

std::optional<IdentityKey> parseKeyFile(QByteArray content)
{
    QList<QByteArray> lines = content.split('\n');
    wipe(content);
    // "magic\nbase64\n" splits into three parts, the last one empty.
    std::optional<IdentityKey> key;
    if (lines.size() == 3 && lines.at(0) == FileMagic && lines.at(2).isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(lines.at(1), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            key = IdentityKey::fromPrivateBytes(*decoded);
        wipe(*decoded);
    }
    for (QByteArray &line : lines)
        wipe(line);
    return key;
}

FileOutcome readOrGenerate(const QString &path)
{
    FileOutcome outcome;
    QFile file(path);
    if (!file.exists()) {
        outcome.key = IdentityKey::generate();
        outcome.generated = true;
        if (outcome.key.isNull())
            outcome.error = QStringLiteral("A new identity key could not be made: the system has no randomness.");
    } else if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = QStringLiteral("The identity key file %1 cannot be read: %2").arg(path, file.errorString());
    } else if (const std::optional<IdentityKey> key = parseKeyFile(file.read(MaxFileSize + 1))) {
        if (file.permissions().testAnyFlags(OthersMayAccess))
            qCWarning(lcIdentity) << "others may read the identity key file" << path;
        outcome.key = *key;
    } else {
        outcome.error = QStringLiteral("The identity key file %1 is damaged and was left as it is. Restore it from a "
                                       "backup, import an exported identity, or move the file away to start with a "
                                       "new identity.")
                            .arg(path);
    }
    return outcome;
}

// Writes the file atomically, readable by the user only from its first byte on; an empty result means success.
QString writeKeyFile(const QString &folder, const QString &path, const IdentityKey &key, bool overwrite)
{
    if (!QDir().mkpath(folder))
        return QStringLiteral("The folder %1 for the identity key cannot be created.").arg(folder);
    if (!overwrite && QFileInfo::exists(path))
        return QStringLiteral("Another identity key file appeared at %1 while a new key was made; it was left as it "
                              "is. Start Natter again to use it.")
            .arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly)) {
        file.cancelWriting();
        return QStringLiteral("The identity key file %1 cannot be written: %2").arg(path, file.errorString());
    }
    QByteArray seed = key.privateBytes();
    QByteArray content = FileMagic.toByteArray() + '\n' + seed.toBase64() + '\n';
    const bool written = file.write(content) == content.size();
    wipe(seed);
    wipe(content);
    if (!written || !file.commit())
        return QStringLiteral("The identity key file %1 cannot be written: %2").arg(path, file.errorString());
    return {};
}

} // namespace

IdentityStore::IdentityStore(const QString &folder, Keyring keyring, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_keyring(keyring)
{ }

QString IdentityStore::filePath() const
{
    return QDir(m_folder).filePath(FileName);
}

void IdentityStore::load()
{
    if (!begin())
        return;
    if (keyringReachable())
        readKeyring();
    else
        readFile(false);
}

void IdentityStore::replace(const IdentityKey &key)
{
    if (!begin())
        return;
    if (key.isNull()) {
        fail(QStringLiteral("There is no identity key to save."));
        return;
    }
    switch (m_location) {
    case Location::Keyring:
        // Falling back to the file here would leave the old key in the keyring, where load() looks first.
        writeKeyring(key, [this, key](const QString &error) {
            if (error.isEmpty())
                succeed(Location::Keyring, key);
            else
                fail(QStringLiteral("The identity key could not be saved in the system keyring: %1").arg(error));
        });
        break;
    case Location::File:
        writeFile(key, true);
        break;
    case Location::Unknown:
        storeNewKey(key, keyringReachable(), true);
        break;
    }
}

bool IdentityStore::keyringReachable() const
{
    if (m_keyring == Keyring::Skip)
        return false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    // Secret Service and KWallet are D-Bus services: without a session bus, asking them can only fail.
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
#else
    return true;
#endif
}

bool IdentityStore::begin()
{
    if (m_busy) {
        emit failed(QStringLiteral("The identity key is still being loaded or saved; try again in a moment."));
        return false;
    }
    m_busy = true;
    return true;
}

void IdentityStore::readKeyring()
{
    auto *job = new QKeychain::ReadPasswordJob(KeyringService, this);
    job->setKey(KeyringKey);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        switch (job->error()) {
        case QKeychain::NoError: {
            const std::optional<IdentityKey> key = IdentityKey::fromPrivateBytes(job->binaryData());
            if (key) {
                succeed(Location::Keyring, *key);
            } else {
                // Replacing it would lose the identity for good; the user decides (import, or delete the entry).
                m_location = Location::Keyring;
                fail(QStringLiteral("The identity key in the system keyring (%1, %2) is damaged and was left as it "
                                    "is. Import an exported identity, or delete that entry to start with a new one.")
                         .arg(KeyringService, KeyringKey));
            }
            break;
        }
        case QKeychain::EntryNotFound:
            readFile(true);
            break;
        default:
            // No keyring service, access denied, or a D-Bus failure: the file is the only place left.
            qCWarning(lcIdentity) << "system keyring unusable, using" << filePath() << "instead:" << job->errorString();
            readFile(false);
            break;
        }
    });
    job->start();
}

void IdentityStore::readFile(bool keyringWritable)
{
    runInBackground<FileOutcome>(
        this, [path = filePath()] { return readOrGenerate(path); },
        [this, keyringWritable](const FileOutcome &outcome) {
            if (!outcome.error.isEmpty()) {
                m_location = Location::File;
                fail(outcome.error);
            } else if (outcome.generated) {
                qCInfo(lcIdentity) << "made a new identity key";
                storeNewKey(outcome.key, keyringWritable, false);
            } else {
                succeed(Location::File, outcome.key);
            }
        });
}

void IdentityStore::storeNewKey(const IdentityKey &key, bool tryKeyring, bool overwriteFile)
{
    if (!tryKeyring) {
        writeFile(key, overwriteFile);
        return;
    }
    writeKeyring(key, [this, key, overwriteFile](const QString &error) {
        if (error.isEmpty()) {
            succeed(Location::Keyring, key);
            return;
        }
        qCWarning(lcIdentity) << "cannot save the identity key in the system keyring, using" << filePath()
                              << "instead:" << error;
        writeFile(key, overwriteFile);
    });
}

void IdentityStore::writeKeyring(const IdentityKey &key, std::function<void(const QString &error)> done)
{
    auto *job = new QKeychain::WritePasswordJob(KeyringService, this);
    job->setKey(KeyringKey);
    job->setAutoDelete(true);
    job->setBinaryData(key.privateBytes());
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void IdentityStore::writeFile(const IdentityKey &key, bool overwrite)
{
    runInBackground<QString>(
        this,
        [folder = m_folder, path = filePath(), key, overwrite] { return writeKeyFile(folder, path, key, overwrite); },
        [this, key](const QString &error) {
            if (error.isEmpty())
                succeed(Location::File, key);
            else
                fail(error);
        });
}

void IdentityStore::succeed(Location location, const IdentityKey &key)
{
    m_location = location;
    m_busy = false;
    qCInfo(lcIdentity) << "identity key ready in" << location;
    emit ready(key);
}

void IdentityStore::fail(const QString &reason)
{
    m_busy = false;
    qCWarning(lcIdentity).noquote() << reason;
    emit failed(reason);
}

} // namespace Natter
