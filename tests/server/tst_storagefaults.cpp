// The history file when something is wrong with it: in use by another server, read-only, damaged, or on a full
// disk. The start checks run the real natter-server executable (exit codes, messages); the full disk runs a
// server in this process on a small tmpfs.

#include "chatserver.h"
#include "historyfilelock.h"
#include "historystore.h"
#include "readmarkerstore.h"
#include "servermessages.h"
#include "testclient.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

constexpr int ProcessTimeoutMs = 15'000;

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Runs natter-server on the database until it exits (or is killed after the timeout).
struct ServerRun
{
    int exitCode = -1;
    QString standardError;
    QString standardOutput;
};

QStringList serverArguments(const QString &database, quint16 port)
{
    return {QStringLiteral("--bind"),
            QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"),
            QString::number(port),
            QStringLiteral("--no-tls"),
            QStringLiteral("--db"),
            database};
}

ServerRun runServer(const QString &database)
{
    QProcess process;
    process.start(QStringLiteral(NATTER_SERVER_BINARY), serverArguments(database, freePort()));
    if (!process.waitForFinished(ProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError()), QString::fromUtf8(process.readAllStandardOutput())};
}

// A history file with enough messages to fill many pages, closed (and so checkpointed) again.
bool makeHistory(const QString &path, int messages)
{
    HistoryStore store;
    if (!store.open(path))
        return false;
    for (int i = 0; i < messages; ++i) {
        ChatMessage message;
        message.room = QStringLiteral("lobby");
        message.from = QStringLiteral("alice");
        message.id = QString::number(i);
        message.text = QStringLiteral("message %1 with some words to take up room in the page").arg(i);
        store.append(QStringLiteral("lobby"), message, QStringLiteral("alice"));
    }
    const bool stored = store.flush();
    store.close();
    return stored;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool runCommand(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(ProcessTimeoutMs) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (output)
        *output = QString::fromUtf8(process.readAll()).trimmed();
    return ok;
}

// A small tmpfs mounted on a temporary folder for one test, unmounted when it goes. Mounting needs root (and, in a
// container, the right to mount); skip() says why when it cannot be had.
class TmpfsMount
{
public:
    explicit TmpfsMount(const QString &size)
    {
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary folder");
            return;
        }
        if (::geteuid() != 0) {
            m_why = QStringLiteral("mounting a tmpfs needs root");
            return;
        }
        QString output;
        m_mounted = runCommand(QStringLiteral("mount"),
                               {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                QStringLiteral("size=") + size, QStringLiteral("tmpfs"), m_dir.path()},
                               &output);
        if (!m_mounted)
            m_why = QStringLiteral("mount is not permitted here: ") + output;
    }
    ~TmpfsMount()
    {
        if (m_mounted)
            runCommand(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;

    bool isMounted() const { return m_mounted; }
    QString why() const { return m_why; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    bool remount(const QString &mode)
    {
        return runCommand(QStringLiteral("mount"),
                          {QStringLiteral("-o"), QStringLiteral("remount,") + mode, m_dir.path()});
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

// Writes until the file system has no room left; the size written.
qint64 fillDisk(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    const QByteArray chunk(4096, 'x');
    qint64 total = 0;
    for (;;) {
        const ssize_t written = ::write(fd, chunk.constData(), size_t(chunk.size()));
        if (written <= 0)
            break;
        total += written;
    }
    ::close(fd);
    return total;
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secondServerOnTheSameFileRefusesToStart();
    void secondServerInTheSameProcessRefuses();
    void staleLockIsTakenOver();
    void damagedFileRefusesToStart();
    void readOnlyFileRefusesToStart();
    void fullDiskRefusesSendsAndRecoversByItself();
    void readMarkersWaitForTheHistoryToRecover();
};

void TestStorageFaults::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NATTER_SERVER_BINARY)), NATTER_SERVER_BINARY);
}

void TestStorageFaults::secondServerOnTheSameFileRefusesToStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("history.sqlite"));
    const quint16 port = freePort();
    QProcess first;
    first.start(QStringLiteral(NATTER_SERVER_BINARY), serverArguments(database, port));
    QString firstOutput;
    QVERIFY(TestClient::waitUntil(
        [&] {
            firstOutput += QString::fromUtf8(first.readAllStandardOutput());
            return first.state() == QProcess::NotRunning || firstOutput.contains(QStringLiteral("is running"));
        },
        ProcessTimeoutMs));
    QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().constData());

    const ServerRun second = runServer(database);
    QCOMPARE(second.exitCode, 3);
    QVERIFY2(second.standardError.contains(QStringLiteral("Another Natter server")), qPrintable(second.standardError));
    QVERIFY2(second.standardError.contains(QString::number(first.processId())), qPrintable(second.standardError));
    QVERIFY(!second.standardOutput.contains(QStringLiteral("running")));

    // The first one is unharmed and still takes messages.
    TestClient client;
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    QVERIFY(client.enter(url, QStringLiteral("alice"), {QStringLiteral("lobby")}));
    QVERIFY(client.say(QStringLiteral("lobby"), QStringLiteral("still here")) > 0);

    first.terminate();
    QVERIFY(TestClient::waitUntil([&] { return first.state() == QProcess::NotRunning; }, ProcessTimeoutMs));
    QCOMPARE(first.exitCode(), 0);
    QVERIFY(!QFile::exists(HistoryFileLock::lockFilePath(database)));
}

void TestStorageFaults::secondServerInTheSameProcessRefuses()
{
    // The app hosts with the same code: a second copy on the same folder must not host over the same file.
    TestServer first;
    QVERIFY(first.start());
    ServerConfig config = TestServer::defaultConfig();
    config.databasePath = first.databasePath();
    ChatServer second(config);
    QString error;
    QVERIFY(!second.start(&error));
    QCOMPARE(second.startFailure(), ChatServer::StartFailure::HistoryInUse);
    QVERIFY2(error.contains(QStringLiteral("already uses")), qPrintable(error));
    QVERIFY(!second.isRunning());

    // Once the first has stopped, the file is free.
    QVERIFY(first.stop());
    QVERIFY2(second.start(&error), qPrintable(error));
    QCOMPARE(second.startFailure(), ChatServer::StartFailure::None);
}

void TestStorageFaults::staleLockIsTakenOver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("history.sqlite"));
    // A lock left by a server that crashed: its process is gone.
    QProcess gone;
    gone.start(QStringLiteral("true"));
    QVERIFY(gone.waitForStarted());
    const qint64 pid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QFile lock(HistoryFileLock::lockFilePath(database));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write(QStringLiteral("%1\nnatter-server\n%2\n").arg(pid).arg(QSysInfo::machineHostName()).toUtf8());
    lock.close();

    ServerConfig config = TestServer::defaultConfig();
    config.databasePath = database;
    ChatServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
}

void TestStorageFaults::damagedFileRefusesToStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(makeHistory(database, 3000));
    {
        // Garbage over pages in the middle of the file, where the messages' b-tree lives; the header stays whole,
        // so SQLite opens the file and only a check finds the damage.
        QFile file(database);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / 4096;
        QVERIFY2(pages > 20, qPrintable(QString::number(pages)));
        QByteArray garbage(4096 * 4, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919 + 13) % 251);
        QVERIFY(file.seek(4096 * (pages / 2)));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    const QByteArray before = fileHash(database);

    const ServerRun run = runServer(database);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.standardError.contains(QStringLiteral("is damaged")), qPrintable(run.standardError));
    QVERIFY2(run.standardError.contains(database), qPrintable(run.standardError));
    QVERIFY(!run.standardOutput.contains(QStringLiteral("running")));
    // The damaged file is left as it was, for whoever tries to rescue it.
    QCOMPARE(fileHash(database), before);
}

void TestStorageFaults::readOnlyFileRefusesToStart()
{
    // Root writes through permission bits, so as root the file goes on a tmpfs that is remounted read-only.
    std::unique_ptr<TmpfsMount> mount;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString database = dir.filePath(QStringLiteral("history.sqlite"));
    if (::geteuid() == 0) {
        mount = std::make_unique<TmpfsMount>(QStringLiteral("4m"));
        if (!mount->isMounted())
            QSKIP(qPrintable(QStringLiteral("cannot make a read-only file as root: ") + mount->why()));
        database = mount->filePath(QStringLiteral("history.sqlite"));
    }
    QVERIFY(makeHistory(database, 10));
    if (mount) {
        QVERIFY(mount->remount(QStringLiteral("ro")));
    } else {
        QVERIFY(QFile::setPermissions(database, QFile::ReadOwner | QFile::ReadGroup));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    }

    const ServerRun run = runServer(database);
    if (!mount)
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.standardError.contains(QStringLiteral("read-only")), qPrintable(run.standardError));
    QVERIFY(!run.standardOutput.contains(QStringLiteral("running")));
}

void TestStorageFaults::fullDiskRefusesSendsAndRecoversByItself()
{
    TmpfsMount disk(QStringLiteral("2m"));
    if (!disk.isMounted())
        QSKIP(qPrintable(disk.why()));

    ServerConfig config = TestServer::defaultConfig();
    config.databasePath = disk.filePath(QStringLiteral("history.sqlite"));
    config.tls = ServerConfig::Tls::Off;
    TestServer server(config);
    QVERIFY(server.start());
    server.server()->store()->availability().setRetryDelays(20, 200);

    TestClient alice;
    QVERIFY(alice.enter(server.url(), QStringLiteral("alice"), {QStringLiteral("lobby")}));
    QSet<QString> acked;
    for (int i = 0; i < 5; ++i) {
        const QString id = QStringLiteral("before-%1").arg(i);
        QVERIFY(alice.say(QStringLiteral("lobby"), QStringLiteral("before the disk filled"), id) > 0);
        acked.insert(id);
    }

    const QString filler = disk.filePath(QStringLiteral("filler"));
    QVERIFY(fillDisk(filler) > 0);

    // Nothing is acknowledged while nothing can be stored: each send is answered storage_unavailable.
    QStringList refused;
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("full-%1").arg(i);
        alice.send(Send{id, QStringLiteral("lobby"), {}, QStringLiteral("while the disk is full %1").arg(i)});
        QCOMPARE(alice.outcomeOf(id), QStringLiteral("storage_unavailable"));
        refused.append(id);
    }
    QVERIFY(!server.server()->store()->isWritable());
    QCOMPARE(server.server()->store()->storageFault(), StorageFault::Full);

    // Reading goes on: the history still answers with what was stored.
    alice.send(HistoryRequest{QStringLiteral("lobby"), {}, 0, 50});
    const auto page = alice.waitFor<HistoryPage>();
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 5);
    QCOMPARE(page->messages.last().id, QStringLiteral("before-4"));

    // Space comes back: the server notices by itself, and the refused messages go through when sent again.
    QVERIFY(QFile::remove(filler));
    QTRY_VERIFY_WITH_TIMEOUT(server.server()->store()->isWritable(), 10'000);
    for (const QString &id : std::as_const(refused)) {
        alice.send(Send{id, QStringLiteral("lobby"), {}, QStringLiteral("sent again")});
        QCOMPARE(alice.outcomeOf(id), QString());
        acked.insert(id);
    }
    QVERIFY(alice.say(QStringLiteral("lobby"), QStringLiteral("after"), QStringLiteral("after")) > 0);
    acked.insert(QStringLiteral("after"));

    // Everything acknowledged is in the file after a restart, once.
    QVERIFY(server.stop());
    HistoryStore store;
    QVERIFY(store.open(config.databasePath));
    const QList<ChatMessage> stored = store.latest(QStringLiteral("lobby"), 1000);
    QStringList ids;
    for (const ChatMessage &message : stored)
        ids.append(message.id);
    QCOMPARE(ids.size(), acked.size());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), acked);
}

void TestStorageFaults::readMarkersWaitForTheHistoryToRecover()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("history.sqlite"));
    HistoryStore store;
    QVERIFY(store.open(database));
    store.availability().setRetryDelays(20, 100);
    QVERIFY(store.database().execute(
        QStringLiteral("INSERT INTO identities (id, public_key, created_ms) VALUES (1, x'01', 0)")));
    ReadMarkerStore markers(&store);

    // Another program holds SQLite's write lock past the busy timeout: storing the markers fails as Busy, which
    // makes the whole history unwritable (one log line) instead of a warning every second.
    const QString connection = QStringLiteral("other-program");
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        other.setDatabaseName(database);
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
    }
    markers.mark(1, QStringLiteral("lobby"), {}, 7);
    QVERIFY(!markers.flush());
    QVERIFY(!store.isWritable());
    QCOMPARE(store.storageFault(), StorageFault::Busy);

    {
        QSqlDatabase other = QSqlDatabase::database(connection, false);
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
    }
    QSqlDatabase::removeDatabase(connection);
    // Kept meanwhile, and stored once the history can be written again.
    QTRY_VERIFY_WITH_TIMEOUT(store.isWritable(), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        store.database().scalar(QStringLiteral("SELECT seq FROM read_markers")).value_or(QVariant()).toInt(), 7,
        10'000);
}

QTEST_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
