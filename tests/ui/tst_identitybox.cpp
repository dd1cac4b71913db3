// The preferences' identity section: it shows this install's safety number, exports the key to a file only the
// user may read, and an import on another install makes that install sign in with the same key; a wrong
// passphrase or an empty one changes nothing.

#include "identitybox.h"
#include "identityproof.h"
#include "identitystore.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

namespace {

std::optional<IdentityKey> loadFrom(const QString &folder)
{
    IdentityStore store(folder, IdentityStore::Keyring::Skip);
    QSignalSpy ready(&store, &IdentityStore::ready);
    store.load();
    if (!ready.wait(5000))
        return std::nullopt;
    return ready.first().first().value<IdentityKey>();
}

} // namespace

class TestIdentityBox : public QObject
{
    Q_OBJECT

private slots:
    void movesTheKeyToAnotherInstall()
    {
        QTemporaryDir here;
        QTemporaryDir there;
        QVERIFY(here.isValid() && there.isValid());
        const auto ownKey = loadFrom(here.path());
        const auto otherKey = loadFrom(there.path());
        QVERIFY(ownKey && otherKey);
        QVERIFY(ownKey->publicKey() != otherKey->publicKey());

        IdentityStore ownStore(here.path(), IdentityStore::Keyring::Skip);
        IdentityBox own(&ownStore, *ownKey);
        auto *number = own.findChild<QLabel *>(QStringLiteral("ownSafetyNumberLabel"));
        QVERIFY(number);
        QCOMPARE(number->textFormat(), Qt::PlainText);
        QCOMPARE(number->text(), Protocol::safetyNumber(ownKey->publicKey()));
        QVERIFY(own.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());

        const QString file = here.filePath(QStringLiteral("moved.pem"));
        QSignalSpy exported(&own, &IdentityBox::finished);
        own.exportTo(file, QStringLiteral("correct horse"));
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.first().first().toBool(), true);
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(file) & others, QFile::Permissions());
        QVERIFY(QFile::permissions(file) & QFile::ReadOwner);
        QFile pem(file);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        QVERIFY(pem.readAll().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        IdentityStore otherStore(there.path(), IdentityStore::Keyring::Skip);
        QSignalSpy otherLoaded(&otherStore, &IdentityStore::ready);
        otherStore.load();
        QVERIFY(otherLoaded.wait(5000));
        IdentityBox other(&otherStore, *otherKey);

        QSignalSpy refused(&other, &IdentityBox::finished);
        other.importFrom(file, QStringLiteral("wrong horse"));
        QVERIFY(refused.wait(30000));
        QCOMPARE(refused.first().first().toBool(), false);
        QCOMPARE(other.safetyNumber(), Protocol::safetyNumber(otherKey->publicKey()));
        QCOMPARE(loadFrom(there.path())->publicKey(), otherKey->publicKey());

        QSignalSpy imported(&other, &IdentityBox::finished);
        other.importFrom(file, QStringLiteral("correct horse"));
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().toBool(), true);
        QCOMPARE(other.safetyNumber(), Protocol::safetyNumber(ownKey->publicKey()));
        // The next start of that install signs in with the moved key.
        QCOMPARE(loadFrom(there.path())->publicKey(), ownKey->publicKey());
    }

    void refusesAnEmptyPassphrase()
    {
        QTemporaryDir dir;
        const IdentityKey key = IdentityKey::generate();
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        IdentityBox box(&store, key);
        QSignalSpy finished(&box, &IdentityBox::finished);
        const QString file = dir.filePath(QStringLiteral("open.pem"));
        box.exportTo(file, {});
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!QFile::exists(file));
    }

    void cannotExportWithoutAKey()
    {
        QTemporaryDir dir;
        IdentityStore store(dir.path(), IdentityStore::Keyring::Skip);
        IdentityBox box(&store, IdentityKey());
        QVERIFY(!box.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
        QVERIFY(box.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    }
};

QTEST_MAIN(TestIdentityBox)
#include "tst_identitybox.moc"
