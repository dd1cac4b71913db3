#include "clientcache.h"
#include "knownkeys.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestKnownKeys : public QObject
{
    Q_OBJECT

private slots:
    void tellsFirstSameChangedAndGuests()
    {
        KnownKeys keys;
        const QByteArray one(32, '\x01');
        const QByteArray two(32, '\x02');
        QCOMPARE(keys.see(QStringLiteral("Bob"), {}), KnownKeys::Seen::Guest);
        QVERIFY(keys.keyOf(QStringLiteral("Bob")).isEmpty());
        QCOMPARE(keys.see(QStringLiteral("Bob"), one), KnownKeys::Seen::First);
        QCOMPARE(keys.see(QStringLiteral("BOB"), one), KnownKeys::Seen::Same); // names compare by name key
        QCOMPARE(keys.see(QStringLiteral("bob"), two), KnownKeys::Seen::Changed);
        QCOMPARE(keys.keyOf(QStringLiteral("Bob")), two);
        QCOMPARE(keys.see(QStringLiteral("bob"), two), KnownKeys::Seen::Same);
        QCOMPARE(keys.see(QStringLiteral("Ann"), two), KnownKeys::Seen::First);
    }

    void remembersKeysInTheServersCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray key(32, '\x07');
        {
            ClientCache cache;
            QVERIFY(cache.open(path));
            KnownKeys keys;
            keys.setCache(&cache);
            QCOMPARE(keys.see(QStringLiteral("Bob"), key), KnownKeys::Seen::First);
        }
        ClientCache cache;
        QVERIFY(cache.open(path));
        KnownKeys keys;
        keys.setCache(&cache);
        QCOMPARE(keys.keyOf(QStringLiteral("bob")), key);
        QCOMPARE(keys.see(QStringLiteral("Bob"), QByteArray(32, '\x08')), KnownKeys::Seen::Changed);
    }
};

QTEST_GUILESS_MAIN(TestKnownKeys)
#include "tst_knownkeys.moc"
