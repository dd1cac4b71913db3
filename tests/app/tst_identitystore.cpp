// IdentityStore without the system keyring: the first start makes a key in a file only the user can read, later
// starts find the same key, a damaged file is reported and kept, and an imported key replaces the old one.

#include "identitykey.h"
#include "identitystore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Natter;

namespace {

const QByteArray Rfc8032Seed = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray Rfc8032PublicKey =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
constexpr int Timeout = 10000;

// What one start of the app gets from its store.
struct Outcome
{
    IdentityKey key;
    QString failure;
    IdentityStore::Location location = IdentityStore::Location::Unknown;
    bool finished = false;
};

Outcome waitFor(IdentityStore &store, const std::function<void()> &action)
{
    QSignalSpy ready(&store, &IdentityStore::ready);
    QSignalSpy failed(&store, &IdentityStore::failed);
    action();
    Outcome outcome;
    outcome.finished = QTest::qWaitFor([&] { return ready.size() + failed.size() > 0; }, Timeout);
    if (!ready.isEmpty())
        outcome.key = ready.first().first().value<IdentityKey>();
    if (!failed.isEmpty())
        outcome.failure = failed.first().first().toString();
    outcome.location = store.location();
    return outcome;
}

Outcome loadIn(const QString &folder)
{
    IdentityStore store(folder, IdentityStore::Keyring::Skip);
    return waitFor(store, [&] { store.load(); });
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        && file.write(content) == content.size();
}

bool onlyOwnerMayAccess(const QString &path)
{
    const QFile::Permissions permissions = QFile::permissions(path);
    return permissions.testFlags(QFile::ReadOwner | QFile::WriteOwner)
        && !permissions.testAnyFlags(QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                     | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
}

} // namespace

class TestIdentityStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
#ifdef Q_OS_UNIX
        // New files are world-readable under this mask unless the store restricts them itself.
        ::umask(022);
#endif
    }

    void firstStartMakesAKeyOnlyTheUserCanRead()
    {
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        QSignalSpy ready(&store, &IdentityStore::ready);
        store.load();
        QCOMPARE(ready.size(), 0); // the work happens off this thread
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, Timeout);

        const IdentityKey key = ready.first().first().value<IdentityKey>();
        QVERIFY(!key.isNull());
        QCOMPARE(store.location(), IdentityStore::Location::File);
        QCOMPARE(store.filePath(), dir.filePath(QStringLiteral("identity.key")));
        QVERIFY(QFile::exists(store.filePath()));
        QVERIFY(onlyOwnerMayAccess(store.filePath()));
        QVERIFY(contentOf(store.filePath()).startsWith("natter-identity-v1\n"));
    }

    void laterStartsFindTheSameKey()
    {
        const QTemporaryDir dir;
        const Outcome first = loadIn(dir.path());
        QVERIFY2(first.finished && first.failure.isEmpty(), qPrintable(first.failure));
        const QByteArray written = contentOf(dir.filePath(QStringLiteral("identity.key")));

        const Outcome second = loadIn(dir.path());
        QVERIFY2(second.finished && second.failure.isEmpty(), qPrintable(second.failure));
        QCOMPARE(second.key.publicKey(), first.key.publicKey());
        QCOMPARE(contentOf(dir.filePath(QStringLiteral("identity.key"))), written);
    }

    void readsTheDocumentedFormat()
    {
        const QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("identity.key")),
                          "natter-identity-v1\n" + Rfc8032Seed.toBase64() + '\n'));
        const Outcome outcome = loadIn(dir.path());
        QVERIFY2(outcome.finished && outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QCOMPARE(outcome.key.publicKey(), Rfc8032PublicKey);
        QCOMPARE(outcome.location, IdentityStore::Location::File);
    }

    void createsAMissingFolder()
    {
        const QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/natter"));
        const Outcome outcome = loadIn(folder);
        QVERIFY2(outcome.finished && outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("identity.key"))));
    }

    void damagedFileIsReportedAndKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        const QByteArray seed = Rfc8032Seed.toBase64();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other format") << QByteArray("natter-identity-v2\n" + seed + '\n');
        QTest::newRow("no final newline") << QByteArray("natter-identity-v1\n" + seed);
        QTest::newRow("Windows line ends") << QByteArray("natter-identity-v1\r\n" + seed + "\r\n");
        QTest::newRow("trailing line") << QByteArray("natter-identity-v1\n" + seed + "\nmore\n");
        QTest::newRow("not base64") << QByteArray("natter-identity-v1\n" + QByteArray(seed).replace('=', '*') + '\n');
        QTest::newRow("short seed") << QByteArray("natter-identity-v1\n" + Rfc8032Seed.left(31).toBase64() + '\n');
        QTest::newRow("huge") << QByteArray(1 << 20, 'x');
    }

    void damagedFileIsReportedAndKept()
    {
        QFETCH(QByteArray, content);
        const QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("identity.key"));
        QVERIFY(writeFile(path, content));
        const QDateTime modified = QFileInfo(path).lastModified();

        const Outcome outcome = loadIn(dir.path());
        QVERIFY(outcome.finished);
        QVERIFY(outcome.key.isNull());
        QVERIFY(outcome.failure.contains(path));
        QVERIFY(outcome.failure.contains(QStringLiteral("damaged")));
        QCOMPARE(contentOf(path), content);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
    }

    void replacePersistsAnImportedKey()
    {
        const QTemporaryDir dir;
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        const Outcome loaded = waitFor(store, [&] { store.load(); });
        QVERIFY2(loaded.finished && loaded.failure.isEmpty(), qPrintable(loaded.failure));

        const IdentityKey imported = *IdentityKey::fromPrivateBytes(Rfc8032Seed);
        const Outcome replaced = waitFor(store, [&] { store.replace(imported); });
        QVERIFY2(replaced.finished && replaced.failure.isEmpty(), qPrintable(replaced.failure));
        QCOMPARE(replaced.key.publicKey(), Rfc8032PublicKey);
        QVERIFY(onlyOwnerMayAccess(store.filePath()));

        const Outcome restarted = loadIn(dir.path());
        QCOMPARE(restarted.key.publicKey(), Rfc8032PublicKey);
    }

    void importRepairsADamagedFile()
    {
        const QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("identity.key"));
        QVERIFY(writeFile(path, "garbage"));
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        QVERIFY(!waitFor(store, [&] { store.load(); }).failure.isEmpty());

        const Outcome replaced = waitFor(store, [&] { store.replace(*IdentityKey::fromPrivateBytes(Rfc8032Seed)); });
        QVERIFY2(replaced.failure.isEmpty(), qPrintable(replaced.failure));
        QCOMPARE(loadIn(dir.path()).key.publicKey(), Rfc8032PublicKey);
        QVERIFY(onlyOwnerMayAccess(path));
    }

    void oneOperationAtATime()
    {
        const QTemporaryDir dir;
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        QSignalSpy ready(&store, &IdentityStore::ready);
        QSignalSpy failed(&store, &IdentityStore::failed);
        store.load();
        store.load();
        QCOMPARE(failed.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, Timeout);
        QCOMPARE(failed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdentityStore)
#include "tst_identitystore.moc"
