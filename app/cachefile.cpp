#include "cachefile.h"

#include "cacheschema.h"
#include "validation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>

namespace Natter {

CacheFile::CacheFile(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

CacheFile::~CacheFile() = default;

QString CacheFile::pathFor(const QString &dataDirectory, const QString &serverIdentity, const QString &userName)
{
    // Hashed, so that any server address and any name make a plain file name.
    const QByteArray identity = (serverIdentity.toLower() + u'\n' + Protocol::nameKey(userName)).toUtf8();
    const QByteArray digest = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(32);
    return dataDirectory + QStringLiteral("/cache/") + QString::fromLatin1(digest) + QStringLiteral(".sqlite");
}

bool CacheFile::moveFile(const QString &source, const QString &target)
{
    if (source == target || !QFile::exists(source))
        return false;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(target + suffix);
        QFile::rename(source + suffix, target + suffix);
    }
    return true;
}

bool CacheFile::open(const QString &path, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Could not create the folder for %1.").arg(path);
        return false;
    }
    // Two copies of the app on one chat and name would undo each other's writes (the outbox above all).
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    if (!m_lock->tryLock(100)) {
        *error = tr("Another Natter window already uses what this computer remembers of this chat.");
        m_lock.reset();
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    m_path = path;
    return CacheSchema::prepare(db, error);
}

bool CacheFile::hasConnection() const
{
    return QSqlDatabase::contains(m_connectionName);
}

void CacheFile::close()
{
    if (hasConnection()) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_path.clear();
    m_lock.reset();
}

} // namespace Natter
