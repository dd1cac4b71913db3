// Checks the catalogs app/main.cpp loads at start-up: the app's natter_<lang>.qm, looked up by locale.

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

class TestLoadTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishSaysOneMemberNotMembers_data();
    void englishSaysOneMemberNotMembers();
};

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
