// Checks the catalogs app/main.cpp loads at start-up: Qt's own for the dialogs' standard buttons, and the
// app's natter_<lang>.qm, looked up by locale the same way.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

class TestLoadTranslations : public QObject
{
    Q_OBJECT

private slots:
    void qtCatalogTranslatesStandardButtons();
    void englishSaysOneMemberNotMembers_data();
    void englishSaysOneMemberNotMembers();
};

void TestLoadTranslations::qtCatalogTranslatesStandardButtons()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("qtbase_de.qm")))) {
        const QString reason =
            QStringLiteral("no qtbase_de.qm in %1: install qt6-translations-l10n (scripts/install-deps "
                           "does) for Qt's own strings in other languages")
                .arg(dir);
        // CI runs scripts/install-deps first, so there a missing catalog means install-deps lost the package.
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL(qPrintable(reason));
        QSKIP(qPrintable(reason));
    }
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("qtbase"), QStringLiteral("_"),
                            dir));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    QCoreApplication::removeTranslator(&translator);
}

void TestLoadTranslations::englishSaysOneMemberNotMembers_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << QStringLiteral("1 member");
    QTest::newRow("none") << 0 << QStringLiteral("0 members");
    QTest::newRow("two") << 2 << QStringLiteral("2 members");
}

void TestLoadTranslations::englishSaysOneMemberNotMembers()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    // The folder lrelease writes the app's .qm files to, which the build packs into :/i18n as they are.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("natter"),
                            QStringLiteral("_"), QStringLiteral(NATTER_QM_DIR)));
    QCOMPARE(QFileInfo(translator.filePath()).fileName(), QStringLiteral("natter_en.qm"));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate("Natter::RoomDirectoryDelegate", "%n member(s)", nullptr, count), expected);
    QCoreApplication::removeTranslator(&translator);
}

QTEST_GUILESS_MAIN(TestLoadTranslations)
#include "tst_loadtranslations.moc"
