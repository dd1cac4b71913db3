#pragma once

// The file behind a ClientCache: where it lives for one server and one name, opening it as a named SQLite
// connection (its folder, a lock against a second copy of the app, the schema), moving it with its write-ahead log,
// and closing it.

#include <QCoreApplication>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace Natter {

class CacheFile
{
    Q_DECLARE_TR_FUNCTIONS(Natter::CacheFile)
public:
    explicit CacheFile(QString connectionName);
    ~CacheFile();

    // The file for one server and one name, under dataDirectory: the same server spelled differently, or the same
    // name in another case, is the same file.
    static QString pathFor(const QString &dataDirectory, const QString &serverIdentity, const QString &userName);
    // Moves a file that is not open, with its write-ahead log; false if there is none at source.
    static bool moveFile(const QString &source, const QString &target);

    // Opens the file under the connection name, creating folders and tables; false with `error` set if it cannot
    // (then close() undoes what was done).
    bool open(const QString &path, QString *error);
    // Whether a connection was opened (or tried) and not closed since.
    bool hasConnection() const;
    void close();
    QString path() const { return m_path; }

private:
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock;
    QString m_path;
};

} // namespace Natter
