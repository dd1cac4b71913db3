// natter-server's command line and config file: defaults, every option, --help/--version, and every rejection.

#include "servercommandline.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Natter::ServerCommandLine;
using Natter::ServerConfig;
using Outcome = Natter::ServerCommandLine::Outcome;

namespace {

ServerCommandLine parse(const QStringList &options)
{
    return ServerCommandLine::parse(QStringList{QStringLiteral("natter-server")} + options);
}

// One field of the parsed config by the name of the option that sets it, for data-driven checks.
QVariant field(const ServerConfig &config, const QString &name)
{
    if (name == u"port")
        return config.port;
    if (name == u"bind")
        return config.bindAddress.toString();
    if (name == u"name")
        return config.name;
    if (name == u"db")
        return config.databasePath;
    if (name == u"password")
        return config.password;
    if (name == u"max-clients")
        return config.maxClients;
    if (name == u"max-reactions-per-message")
        return config.limits.maxReactionsPerMessage;
    if (name == u"tls")
        return int(config.tls);
    if (name == u"tls-cert")
        return config.tlsCertificatePath + u'|' + config.tlsKeyPath;
    return {};
}

} // namespace

class TestServerCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void defaults();
    void options_data();
    void options();
    void optionsTogether();
    void help_data();
    void help();
    void version_data();
    void version();
    void errors_data();
    void errors();

    void configFileSetsEveryKey();
    void configFileInGeneralSection();
    void commandLineWinsOverConfigFile();
    void configFileAloneKeepsDefaultsForMissingKeys();
    void configFileErrors_data();
    void configFileErrors();
    void durableCommitsWords_data();
    void durableCommitsWords();
    void missingConfigFile();

private:
    // Writes an INI file with these lines into the test's temporary folder and returns its path.
    QString writeConfig(const QString &fileName, const QStringList &lines);

    QTemporaryDir m_dir;
    int m_written = 0;
};

void TestServerCommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("natter-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QVERIFY(m_dir.isValid());
}

QString TestServerCommandLine::writeConfig(const QString &fileName, const QStringList &lines)
{
    // QSettings caches INI files by path and modification time: a file rewritten within the same second could be
    // read from the cache, so every call writes a new file.
    QString path = m_dir.filePath(QString::number(++m_written) + u'-' + fileName);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return {};
    file.write(lines.join(u'\n').toUtf8() + '\n');
    return path;
}

void TestServerCommandLine::defaults()
{
    const ServerCommandLine commandLine = parse({});
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QVERIFY(commandLine.message.isEmpty());
    const ServerConfig &config = commandLine.config;
    QCOMPARE(config.port, quint16(8642));
    QCOMPARE(config.bindAddress, QHostAddress(QHostAddress::Any));
    QCOMPARE(config.name, QStringLiteral("Natter"));
    QVERIFY(config.password.isEmpty());
    QCOMPARE(config.maxClients, 1000);

    // The history goes in the per-user data folder of natter-server.
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!dataFolder.isEmpty());
    QVERIFY2(dataFolder.contains(QStringLiteral("natter-server")), qPrintable(dataFolder));
    QVERIFY2(config.databasePath.startsWith(dataFolder + u'/'), qPrintable(config.databasePath));
    QCOMPARE(config.databasePath, ServerConfig::defaultDatabasePath());
    QVERIFY(config.databasePath.endsWith(QStringLiteral(".sqlite")));
}

void TestServerCommandLine::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");

    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("port") << QStringList{s("--port"), s("9000")} << s("port") << QVariant(quint16(9000));
    QTest::newRow("TLS by default") << QStringList{} << s("tls") << QVariant(int(ServerConfig::Tls::On));
    QTest::newRow("no-tls") << QStringList{s("--no-tls")} << s("tls") << QVariant(int(ServerConfig::Tls::Off));
    QTest::newRow("require-tls") << QStringList{s("--require-tls")} << s("tls")
                                 << QVariant(int(ServerConfig::Tls::Required));
    QTest::newRow("tls-cert and tls-key") << QStringList{s("--tls-cert"), s("/c.pem"), s("--tls-key=/k.pem")}
                                          << s("tls-cert") << QVariant(s("/c.pem|/k.pem"));
    QTest::newRow("port=") << QStringList{s("--port=9001")} << s("port") << QVariant(quint16(9001));
    QTest::newRow("port 0 picks a free one") << QStringList{s("--port"), s("0")} << s("port") << QVariant(quint16(0));
    QTest::newRow("port 65535") << QStringList{s("--port"), s("65535")} << s("port") << QVariant(quint16(65535));
    QTest::newRow("bind IPv4") << QStringList{s("--bind"), s("127.0.0.1")} << s("bind") << QVariant(s("127.0.0.1"));
    QTest::newRow("bind IPv6") << QStringList{s("--bind"), s("::1")} << s("bind") << QVariant(s("::1"));
    QTest::newRow("bind LAN") << QStringList{s("--bind=192.0.2.20")} << s("bind") << QVariant(s("192.0.2.20"));
    QTest::newRow("name") << QStringList{s("--name"), s("Team Chat")} << s("name") << QVariant(s("Team Chat"));
    QTest::newRow("name is trimmed") << QStringList{s("--name"), s("  Team  ")} << s("name") << QVariant(s("Team"));
    QTest::newRow("name unicode") << QStringList{s("--name"), s("Café ☕")} << s("name") << QVariant(s("Café ☕"));
    QTest::newRow("db") << QStringList{s("--db"), s("/srv/natter/history.sqlite")} << s("db")
                        << QVariant(s("/srv/natter/history.sqlite"));
    QTest::newRow("db relative") << QStringList{s("--db=chat.db")} << s("db") << QVariant(s("chat.db"));
    QTest::newRow("password") << QStringList{s("--password"), s("s3cret pass")} << s("password")
                              << QVariant(s("s3cret pass"));
    QTest::newRow("max-clients") << QStringList{s("--max-clients"), s("5")} << s("max-clients") << QVariant(5);
    QTest::newRow("max-clients 1") << QStringList{s("--max-clients"), s("1")} << s("max-clients") << QVariant(1);
    QTest::newRow("max-reactions-per-message")
        << QStringList{s("--max-reactions-per-message"), s("3")} << s("max-reactions-per-message") << QVariant(3);
    QTest::newRow("max-clients large") << QStringList{s("--max-clients=100000")} << s("max-clients")
                                       << QVariant(100000);
}

void TestServerCommandLine::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);

    const ServerCommandLine commandLine = parse(arguments);
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QVERIFY2(commandLine.message.isEmpty(), qPrintable(commandLine.message));
    QCOMPARE(::field(commandLine.config, field), expected);

    // Every other field keeps its default.
    const ServerConfig defaults = parse({}).config;
    for (const QString &other : {QStringLiteral("port"), QStringLiteral("bind"), QStringLiteral("name"),
                                 QStringLiteral("db"), QStringLiteral("password"), QStringLiteral("max-clients")}) {
        if (other != field)
            QCOMPARE(::field(commandLine.config, other), ::field(defaults, other));
    }
}

void TestServerCommandLine::optionsTogether()
{
    const ServerCommandLine commandLine =
        parse({QStringLiteral("--port"), QStringLiteral("7000"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
               QStringLiteral("--name"), QStringLiteral("Office"), QStringLiteral("--db"),
               QStringLiteral("/tmp/office.sqlite"), QStringLiteral("--password"), QStringLiteral("pw"),
               QStringLiteral("--max-clients"), QStringLiteral("12")});
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QCOMPARE(commandLine.config.port, quint16(7000));
    QCOMPARE(commandLine.config.bindAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(commandLine.config.name, QStringLiteral("Office"));
    QCOMPARE(commandLine.config.databasePath, QStringLiteral("/tmp/office.sqlite"));
    QCOMPARE(commandLine.config.password, QStringLiteral("pw"));
    QCOMPARE(commandLine.config.maxClients, 12);
}

void TestServerCommandLine::help_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
    QTest::newRow("--help with other options")
        << QStringList{QStringLiteral("--port"), QStringLiteral("1234"), QStringLiteral("--help")};
}

void TestServerCommandLine::help()
{
    QFETCH(QStringList, arguments);

    const ServerCommandLine commandLine = parse(arguments);
    QCOMPARE(commandLine.outcome, Outcome::ShowHelp);
    const QString &text = commandLine.message;
    QVERIFY(text.contains(QStringLiteral("natter-server")));
    for (const char *option : {"--port", "--bind", "--name", "--db", "--password", "--max-clients",
                               "--max-reactions-per-message", "--config", "--help", "--version"}) {
        QVERIFY2(text.contains(QString::fromUtf8(option)), option);
    }
    // The help shows the default port so that people know where to point their clients.
    QVERIFY(text.contains(QStringLiteral("8642")));
}

void TestServerCommandLine::version_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")};
}

void TestServerCommandLine::version()
{
    QFETCH(QStringList, arguments);

    const ServerCommandLine commandLine = parse(arguments);
    QCOMPARE(commandLine.outcome, Outcome::ShowVersion);
    QCOMPARE(commandLine.message, QStringLiteral("natter-server " NATTER_VERSION));
}

void TestServerCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions"); // what the error message must name

    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("port too big") << QStringList{s("--port"), s("70000")} << s("--port");
    QTest::newRow("cert without key") << QStringList{s("--tls-cert"), s("/c.pem")} << s("--tls-key");
    QTest::newRow("key without cert") << QStringList{s("--tls-key"), s("/k.pem")} << s("--tls-cert");
    QTest::newRow("no-tls and require-tls") << QStringList{s("--no-tls"), s("--require-tls")} << s("--require-tls");
    QTest::newRow("no-tls with a certificate")
        << QStringList{s("--no-tls"), s("--tls-cert"), s("/c.pem"), s("--tls-key"), s("/k.pem")} << s("--no-tls");
    QTest::newRow("port 65536") << QStringList{s("--port"), s("65536")} << s("--port");
    QTest::newRow("port not a number") << QStringList{s("--port"), s("abc")} << s("--port");
    QTest::newRow("port negative") << QStringList{s("--port=-1")} << s("--port");
    QTest::newRow("port empty") << QStringList{s("--port=")} << s("--port");
    QTest::newRow("port without value") << QStringList{s("--port")} << s("port");
    QTest::newRow("bind not an address") << QStringList{s("--bind"), s("not-an-address")} << s("--bind");
    QTest::newRow("bind bad octet") << QStringList{s("--bind"), s("300.1.1.1")} << s("--bind");
    QTest::newRow("bind empty") << QStringList{s("--bind=")} << s("--bind");
    QTest::newRow("name empty") << QStringList{s("--name"), s("")} << s("--name");
    QTest::newRow("name blank") << QStringList{s("--name"), s("   ")} << s("--name");
    QTest::newRow("max-clients 0") << QStringList{s("--max-clients"), s("0")} << s("--max-clients");
    QTest::newRow("max-reactions-per-message 0")
        << QStringList{s("--max-reactions-per-message=0")} << s("--max-reactions-per-message");
    QTest::newRow("max-reactions-per-message too many")
        << QStringList{s("--max-reactions-per-message=1001")} << s("--max-reactions-per-message");
    QTest::newRow("max-clients negative") << QStringList{s("--max-clients=-5")} << s("--max-clients");
    QTest::newRow("max-clients not a number") << QStringList{s("--max-clients"), s("many")} << s("--max-clients");
    QTest::newRow("unknown option") << QStringList{s("--colour"), s("blue")} << s("colour");
    QTest::newRow("unknown short option") << QStringList{s("-x")} << s("x");
    QTest::newRow("positional argument") << QStringList{s("extra")} << s("extra");
    QTest::newRow("positional after options") << QStringList{s("--port"), s("9000"), s("9001")} << s("9001");
}

void TestServerCommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const ServerCommandLine commandLine = parse(arguments);
    QCOMPARE(commandLine.outcome, Outcome::Error);
    QVERIFY2(commandLine.message.contains(mentions), qPrintable(commandLine.message));
}

void TestServerCommandLine::configFileSetsEveryKey()
{
    const QString path = writeConfig(QStringLiteral("every-key.ini"),
                                     {
                                         QStringLiteral("name=Config Server"),
                                         QStringLiteral("password=from-file"),
                                         QStringLiteral("db=/var/lib/natter/chat.sqlite"),
                                         QStringLiteral("durable-commits=true"),
                                         QStringLiteral("bind=127.0.0.1"),
                                         QStringLiteral("port=9100"),
                                         QStringLiteral("max-clients=77"),
                                         QStringLiteral("max-connections-per-address=5"),
                                         QStringLiteral("max-rooms=77"),
                                         QStringLiteral("new-rooms-per-hour=4"),
                                         QStringLiteral("max-rooms-per-creator=12"),
                                         QStringLiteral("empty-room-expiry-ms=90000"),
                                         QStringLiteral("handshake-timeout-ms=2500"),
                                         QStringLiteral("ping-interval-ms=4000"),
                                         QStringLiteral("ping-timeout-ms=9000"),
                                         QStringLiteral("max-input-bytes=200000"),
                                         QStringLiteral("allowed-origins=default, https://chat.example.org"),
                                         QStringLiteral(""),
                                         QStringLiteral("[limits]"),
                                         QStringLiteral("max-text-bytes=2048"),
                                         QStringLiteral("max-frame-bytes=8192"),
                                         QStringLiteral("max-topic-length=80"),
                                         QStringLiteral("max-rooms-per-session=9"),
                                         QStringLiteral("history-page-size=25"),
                                         QStringLiteral("max-history-page=150"),
                                         QStringLiteral("messages-per-second=2.5"),
                                         QStringLiteral("burst=12"),
                                     });
    QVERIFY(!path.isEmpty());

    const ServerCommandLine commandLine = parse({QStringLiteral("--config"), path});
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QVERIFY2(commandLine.message.isEmpty(), qPrintable(commandLine.message));
    const ServerConfig &config = commandLine.config;
    QCOMPARE(config.name, QStringLiteral("Config Server"));
    QCOMPARE(config.password, QStringLiteral("from-file"));
    QCOMPARE(config.databasePath, QStringLiteral("/var/lib/natter/chat.sqlite"));
    QCOMPARE(config.durableCommits, true);
    QCOMPARE(config.bindAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config.port, quint16(9100));
    QCOMPARE(config.maxClients, 77);
    QCOMPARE(config.maxConnectionsPerAddress, 5);
    QCOMPARE(config.handshakeTimeoutMs, 2500);
    QCOMPARE(config.maxRooms, 77);
    QCOMPARE(config.newRoomsPerHour, 4);
    QCOMPARE(config.maxRoomsPerCreator, 12);
    QCOMPARE(config.emptyRoomExpiryMs, 90000);
    QCOMPARE(config.pingIntervalMs, 4000);
    QCOMPARE(config.pingTimeoutMs, 9000);
    QCOMPARE(config.maxInputBytes, 200000);
    QCOMPARE(config.allowedOrigins,
             QStringList({QStringLiteral("default"), QStringLiteral("https://chat.example.org")}));
    QCOMPARE(config.limits.maxTextBytes, 2048);
    QCOMPARE(config.limits.maxFrameBytes, 8192);
    QCOMPARE(config.limits.maxTopicLength, 80);
    QCOMPARE(config.limits.maxRoomsPerSession, 9);
    QCOMPARE(config.limits.historyPageSize, 25);
    QCOMPARE(config.limits.maxHistoryPage, 150);
    QCOMPARE(config.limits.messagesPerSecond, 2.5);
    QCOMPARE(config.limits.burst, 12);

    // loadFile on its own reads the same values into an existing config.
    ServerConfig loaded;
    QString error;
    QVERIFY2(loaded.loadFile(path, &error), qPrintable(error));
    QCOMPARE(loaded.port, quint16(9100));
    QCOMPARE(loaded.limits, config.limits);
    QCOMPARE(loaded.name, config.name);
}

void TestServerCommandLine::configFileInGeneralSection()
{
    // QSettings writes top-level keys under [General]; a file saved that way must read the same.
    const QString path =
        writeConfig(QStringLiteral("general.ini"),
                    {QStringLiteral("[General]"), QStringLiteral("name=General Name"), QStringLiteral("port=9200"),
                     QStringLiteral("[limits]"), QStringLiteral("burst=3")});
    const ServerCommandLine commandLine = parse({QStringLiteral("--config=") + path});
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QCOMPARE(commandLine.config.name, QStringLiteral("General Name"));
    QCOMPARE(commandLine.config.port, quint16(9200));
    QCOMPARE(commandLine.config.limits.burst, 3);
}

void TestServerCommandLine::commandLineWinsOverConfigFile()
{
    const QString path = writeConfig(QStringLiteral("overridden.ini"),
                                     {QStringLiteral("name=File Name"), QStringLiteral("password=file-password"),
                                      QStringLiteral("db=/from/file.sqlite"), QStringLiteral("bind=127.0.0.1"),
                                      QStringLiteral("port=9100"), QStringLiteral("max-clients=77"),
                                      QStringLiteral("[limits]"), QStringLiteral("burst=12")});

    // The command line may come before or after --config: either way it wins.
    const QStringList overrides{
        QStringLiteral("--name"),       QStringLiteral("Command Line"),  QStringLiteral("--password"),
        QStringLiteral("cli-password"), QStringLiteral("--db"),          QStringLiteral("/from/cli.sqlite"),
        QStringLiteral("--bind"),       QStringLiteral("::1"),           QStringLiteral("--port"),
        QStringLiteral("9300"),         QStringLiteral("--max-clients"), QStringLiteral("3")};
    const QStringList config{QStringLiteral("--config"), path};
    for (const QStringList &arguments : {config + overrides, overrides + config}) {
        const ServerCommandLine commandLine = parse(arguments);
        QCOMPARE(commandLine.outcome, Outcome::Run);
        QCOMPARE(commandLine.config.name, QStringLiteral("Command Line"));
        QCOMPARE(commandLine.config.password, QStringLiteral("cli-password"));
        QCOMPARE(commandLine.config.databasePath, QStringLiteral("/from/cli.sqlite"));
        QCOMPARE(commandLine.config.bindAddress, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(commandLine.config.port, quint16(9300));
        QCOMPARE(commandLine.config.maxClients, 3);
        // What the command line does not say still comes from the file.
        QCOMPARE(commandLine.config.limits.burst, 12);
    }

    // Only some options given: the rest come from the file.
    const ServerCommandLine partial =
        parse({QStringLiteral("--config"), path, QStringLiteral("--port"), QStringLiteral("9400")});
    QCOMPARE(partial.outcome, Outcome::Run);
    QCOMPARE(partial.config.port, quint16(9400));
    QCOMPARE(partial.config.name, QStringLiteral("File Name"));
    QCOMPARE(partial.config.password, QStringLiteral("file-password"));
    QCOMPARE(partial.config.databasePath, QStringLiteral("/from/file.sqlite"));
    QCOMPARE(partial.config.bindAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(partial.config.maxClients, 77);

    // A bad command-line value is still an error when the file has a good one.
    const ServerCommandLine bad =
        parse({QStringLiteral("--config"), path, QStringLiteral("--port"), QStringLiteral("70000")});
    QCOMPARE(bad.outcome, Outcome::Error);
    QVERIFY2(bad.message.contains(QStringLiteral("--port")), qPrintable(bad.message));
}

void TestServerCommandLine::configFileAloneKeepsDefaultsForMissingKeys()
{
    const QString path = writeConfig(QStringLiteral("only-name.ini"), {QStringLiteral("name=Just A Name")});
    const ServerCommandLine commandLine = parse({QStringLiteral("--config"), path});
    QCOMPARE(commandLine.outcome, Outcome::Run);
    QCOMPARE(commandLine.config.name, QStringLiteral("Just A Name"));
    const ServerConfig defaults;
    QCOMPARE(commandLine.config.port, defaults.port);
    QCOMPARE(commandLine.config.bindAddress, defaults.bindAddress);
    QCOMPARE(commandLine.config.maxClients, defaults.maxClients);
    QCOMPARE(commandLine.config.limits, defaults.limits);
    QCOMPARE(commandLine.config.databasePath, ServerConfig::defaultDatabasePath());
}

void TestServerCommandLine::configFileErrors_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("key"); // the error message must name it

    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    const auto limits = [&s](const char *line) { return QStringList{s("[limits]"), s(line)}; };
    QTest::newRow("port too big") << QStringList{s("port=70000")} << s("port");
    QTest::newRow("port not a number") << QStringList{s("port=abc")} << s("port");
    QTest::newRow("port negative") << QStringList{s("port=-1")} << s("port");
    QTest::newRow("bind") << QStringList{s("bind=nowhere")} << s("bind");
    QTest::newRow("name empty") << QStringList{s("name=")} << s("name");
    QTest::newRow("max-clients 0") << QStringList{s("max-clients=0")} << s("max-clients");
    QTest::newRow("max-clients text") << QStringList{s("max-clients=lots")} << s("max-clients");
    QTest::newRow("max-connections-per-address")
        << QStringList{s("max-connections-per-address=0")} << s("max-connections-per-address");
    QTest::newRow("handshake-timeout-ms") << QStringList{s("handshake-timeout-ms=5")} << s("handshake-timeout-ms");
    QTest::newRow("max-rooms 0") << QStringList{s("max-rooms=0")} << s("max-rooms");
    QTest::newRow("new-rooms-per-hour 0") << QStringList{s("new-rooms-per-hour=0")} << s("new-rooms-per-hour");
    QTest::newRow("max-rooms-per-creator 0") << QStringList{s("max-rooms-per-creator=0")} << s("max-rooms-per-creator");
    QTest::newRow("empty-room-expiry-ms 10") << QStringList{s("empty-room-expiry-ms=10")} << s("empty-room-expiry-ms");
    QTest::newRow("max-reactions-per-message 1001")
        << QStringList{s("max-reactions-per-message=1001")} << s("max-reactions-per-message");
    QTest::newRow("ping timeout not past the interval")
        << QStringList{s("ping-interval-ms=5000"), s("ping-timeout-ms=5000")} << s("ping-timeout-ms");
    QTest::newRow("durable-commits word") << QStringList{s("durable-commits=sometimes")} << s("durable-commits");
    QTest::newRow("ping-interval-ms") << QStringList{s("ping-interval-ms=soon")} << s("ping-interval-ms");
    QTest::newRow("ping-timeout-ms") << QStringList{s("ping-timeout-ms=-100")} << s("ping-timeout-ms");
    QTest::newRow("max-input-bytes") << QStringList{s("max-input-bytes=100")} << s("max-input-bytes");
    QTest::newRow("allowed-origins") << QStringList{s("allowed-origins=,")} << s("allowed-origins");
    QTest::newRow("limits/max-text-bytes") << limits("max-text-bytes=0") << s("max-text-bytes");
    QTest::newRow("limits/max-frame-bytes") << limits("max-frame-bytes=100") << s("max-frame-bytes");
    QTest::newRow("limits/max-topic-length") << limits("max-topic-length=-1") << s("max-topic-length");
    QTest::newRow("limits/max-rooms-per-session") << limits("max-rooms-per-session=0") << s("max-rooms-per-session");
    QTest::newRow("limits/history-page-size") << limits("history-page-size=x") << s("history-page-size");
    QTest::newRow("limits/max-history-page") << limits("max-history-page=0") << s("max-history-page");
    QTest::newRow("limits/burst") << limits("burst=0") << s("burst");
    QTest::newRow("limits/messages-per-second 0") << limits("messages-per-second=0") << s("messages-per-second");
    QTest::newRow("limits/messages-per-second negative")
        << limits("messages-per-second=-2") << s("messages-per-second");
    QTest::newRow("limits/messages-per-second text") << limits("messages-per-second=fast") << s("messages-per-second");
    // Found by fuzz_serverconfig: both read as numbers, and the server ran with no rate limit at all.
    QTest::newRow("limits/messages-per-second nan") << limits("messages-per-second=nan") << s("messages-per-second");
    QTest::newRow("limits/messages-per-second inf") << limits("messages-per-second=inf") << s("messages-per-second");
}

void TestServerCommandLine::configFileErrors()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, key);

    const QString path = writeConfig(QStringLiteral("invalid.ini"), lines);
    QVERIFY(!path.isEmpty());

    const ServerCommandLine commandLine = parse({QStringLiteral("--config"), path});
    QCOMPARE(commandLine.outcome, Outcome::Error);
    QVERIFY2(commandLine.message.contains(key), qPrintable(commandLine.message));

    ServerConfig config;
    QString error;
    QVERIFY(!config.loadFile(path, &error));
    QVERIFY2(error.contains(key), qPrintable(error));
}

void TestServerCommandLine::durableCommitsWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("durable");
    for (const char *word : {"true", "yes", "on", "1", "TRUE"})
        QTest::newRow(word) << QString::fromLatin1(word) << true;
    for (const char *word : {"false", "no", "off", "0", "Off"})
        QTest::newRow(word) << QString::fromLatin1(word) << false;
}

void TestServerCommandLine::durableCommitsWords()
{
    QFETCH(QString, word);
    QFETCH(bool, durable);
    ServerConfig config;
    config.durableCommits = !durable;
    QString error;
    QVERIFY2(config.loadFile(writeConfig(QStringLiteral("durable.ini"), {QStringLiteral("durable-commits=") + word}),
                             &error),
             qPrintable(error));
    QCOMPARE(config.durableCommits, durable);
}

void TestServerCommandLine::missingConfigFile()
{
    const QString path = m_dir.filePath(QStringLiteral("does-not-exist.ini"));
    const ServerCommandLine commandLine = parse({QStringLiteral("--config"), path});
    QCOMPARE(commandLine.outcome, Outcome::Error);
    QVERIFY2(commandLine.message.contains(path), qPrintable(commandLine.message));

    // A folder is not a config file either.
    const ServerCommandLine folder = parse({QStringLiteral("--config"), m_dir.path()});
    QCOMPARE(folder.outcome, Outcome::Error);
    QVERIFY2(folder.message.contains(m_dir.path()), qPrintable(folder.message));
}

QTEST_GUILESS_MAIN(TestServerCommandLine)
#include "tst_servercommandline.moc"
