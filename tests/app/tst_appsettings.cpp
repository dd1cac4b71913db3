// AppSettings: defaults before the user chose anything, choices that survive a restart, the recent-server list.

#include "appsettings.h"
#include "protocol.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;

class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("natter.ini")); }

    QTemporaryDir m_dir;

private slots:
    void init() { QFile::remove(iniPath()); }

    void defaultsBeforeAnythingIsChosen()
    {
        QSettings ini(iniPath(), QSettings::IniFormat);
        const AppSettings settings(&ini);
        QVERIFY(settings.userName().isEmpty());
        QVERIFY(settings.recentServerUrls().isEmpty());
        QCOMPARE(settings.lastMode(), AppSettings::StartMode::Join);
        QVERIFY(settings.lastUrl().isEmpty());
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.windowState().isEmpty());
        QCOMPARE(settings.notifyDirectMessages(), true);
        QCOMPARE(settings.notifyMentions(), true);
        QCOMPARE(settings.minimizeToTrayWhileHosting(), true);
        QCOMPARE(settings.trayExplanationShown(), false);
        QCOMPARE(settings.hostPort(), Protocol::DefaultPort);
        QVERIFY(settings.serverName().isEmpty());
    }

    void choicesSurviveARestart()
    {
        const QByteArray geometry("\x01\x02\x00\xff geometry", 14);
        {
            QSettings ini(iniPath(), QSettings::IniFormat);
            AppSettings settings(&ini);
            settings.setUserName(QStringLiteral("Zoë"));
            settings.setLastMode(AppSettings::StartMode::Host);
            settings.setLastUrl(QUrl(QStringLiteral("ws://192.0.2.1:8642")));
            settings.setWindowGeometry(geometry);
            settings.setWindowState(QByteArray("state"));
            settings.setNotifyDirectMessages(false);
            settings.setNotifyMentions(false);
            settings.setMinimizeToTrayWhileHosting(false);
            settings.setTrayExplanationShown(true);
            settings.setHostPort(9000);
            settings.setServerName(QStringLiteral("Zoë's chat"));
            settings.sync();
        }
        QSettings ini(iniPath(), QSettings::IniFormat); // a new process reads the file
        const AppSettings settings(&ini);
        QCOMPARE(settings.userName(), QStringLiteral("Zoë"));
        QCOMPARE(settings.lastMode(), AppSettings::StartMode::Host);
        QCOMPARE(settings.lastUrl(), QUrl(QStringLiteral("ws://192.0.2.1:8642")));
        QCOMPARE(settings.windowGeometry(), geometry);
        QCOMPARE(settings.windowState(), QByteArray("state"));
        QCOMPARE(settings.notifyDirectMessages(), false);
        QCOMPARE(settings.notifyMentions(), false);
        QCOMPARE(settings.minimizeToTrayWhileHosting(), false);
        QCOMPARE(settings.trayExplanationShown(), true);
        QCOMPARE(settings.hostPort(), quint16(9000));
        QCOMPARE(settings.serverName(), QStringLiteral("Zoë's chat"));
    }

    void recentServersAreMostRecentFirstWithoutDuplicates()
    {
        QSettings ini(iniPath(), QSettings::IniFormat);
        AppSettings settings(&ini);
        const auto url = [](int n) { return QUrl(QStringLiteral("ws://192.0.2.%1:8642").arg(n)); };
        settings.addRecentServerUrl(url(1));
        settings.addRecentServerUrl(url(2));
        settings.addRecentServerUrl(url(3));
        QCOMPARE(settings.recentServerUrls(), (QList<QUrl>{url(3), url(2), url(1)}));

        settings.addRecentServerUrl(url(1)); // used again: moves to the front, once
        QCOMPARE(settings.recentServerUrls(), (QList<QUrl>{url(1), url(3), url(2)}));
        settings.addRecentServerUrl(QUrl(QStringLiteral("ws://192.0.2.3:8642/"))); // the same server, spelled apart
        QCOMPARE(settings.recentServerUrls(), (QList<QUrl>{url(3), url(1), url(2)}));
        settings.addRecentServerUrl(QUrl()); // nothing to remember
        QCOMPARE(settings.recentServerUrls().size(), 3);

        for (int n = 10; n < 30; ++n)
            settings.addRecentServerUrl(url(n));
        QList<QUrl> newestTen;
        for (int n = 29; n >= 20; --n)
            newestTen.append(url(n));
        QCOMPARE(settings.recentServerUrls(), newestTen);

        settings.clearRecentServerUrls();
        QVERIFY(settings.recentServerUrls().isEmpty());
    }

    void damagedValuesFallBackToDefaults()
    {
        {
            QSettings ini(iniPath(), QSettings::IniFormat);
            ini.setValue(QStringLiteral("start/lastMode"), QStringLiteral("sideways"));
            ini.setValue(QStringLiteral("host/port"), QStringLiteral("not a port"));
            ini.sync();
        }
        QSettings ini(iniPath(), QSettings::IniFormat);
        const AppSettings settings(&ini);
        QCOMPARE(settings.lastMode(), AppSettings::StartMode::Join);
        QCOMPARE(settings.hostPort(), Protocol::DefaultPort);

        ini.setValue(QStringLiteral("host/port"), 70000);
        QCOMPARE(settings.hostPort(), Protocol::DefaultPort);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
