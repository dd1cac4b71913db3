// The natter executable's command line, as a person types it in a terminal: help and version work on a machine
// without a display.

#include <QProcess>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment withoutDisplay()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name :
             {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")})
            environment.remove(name);
        return environment;
    }

private slots:
    void helpWorksWithoutADisplay_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--join");
        QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--host");
        QTest::newRow("--version") << QStringLiteral("--version") << QStringLiteral(NATTER_VERSION);
    }

    void helpWorksWithoutADisplay()
    {
        QFETCH(QString, option);
        QFETCH(QString, expected);
        QProcess natter;
        natter.setProcessEnvironment(withoutDisplay());
        natter.start(QStringLiteral(NATTER_APP_PATH), {option});
        QVERIFY(natter.waitForFinished(20'000));
        const QString output = QString::fromUtf8(natter.readAllStandardOutput() + natter.readAllStandardError());
        QCOMPARE(natter.exitStatus(), QProcess::NormalExit);
        QVERIFY2(natter.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(expected), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
