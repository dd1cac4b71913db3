#include "servercommandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Natter {

namespace {

bool parsePositive(const QString &text, int maximum, int &value)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number < 0 || number > maximum)
        return false;
    value = number;
    return true;
}

} // namespace

ServerCommandLine ServerCommandLine::parse(const QStringList &arguments)
{
    ServerCommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Natter chat server: hosts rooms and direct messages for Natter apps and any WebSocket client."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on (default %1; 0 picks a free one).").arg(Protocol::DefaultPort),
        QStringLiteral("port"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address to listen on (default: every interface)."),
                                        QStringLiteral("address"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("Server name shown to users (default \"Natter\")."),
                                        QStringLiteral("name"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("SQLite history file (default %1).").arg(ServerConfig::defaultDatabasePath()),
        QStringLiteral("path"));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
                                            QStringLiteral("Password users must give to join (default: none)."),
                                            QStringLiteral("password"));
    const QCommandLineOption maxClientsOption(QStringLiteral("max-clients"),
                                              QStringLiteral("Most connections at once (default 1000)."),
                                              QStringLiteral("count"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("INI file with settings; options given here win."),
                                          QStringLiteral("file"));
    parser.addOptions({portOption, bindOption, nameOption, dbOption, passwordOption, maxClientsOption, configOption});

    const auto fail = [&result](const QString &message) {
        result.outcome = Outcome::Error;
        result.message = message;
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        result.outcome = Outcome::ShowHelp;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = Outcome::ShowVersion;
        result.message = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    ServerConfig &config = result.config;
    if (parser.isSet(configOption)) {
        QString error;
        if (!config.loadFile(parser.value(configOption), &error))
            return fail(error);
    }
    if (parser.isSet(portOption)) {
        int port = 0;
        if (!parsePositive(parser.value(portOption), 65535, port))
            return fail(QStringLiteral("--port: expected a number from 0 to 65535"));
        config.port = static_cast<quint16>(port);
    }
    if (parser.isSet(bindOption) && !config.bindAddress.setAddress(parser.value(bindOption)))
        return fail(QStringLiteral("--bind: %1 is not an IP address").arg(parser.value(bindOption)));
    if (parser.isSet(nameOption)) {
        config.name = parser.value(nameOption).trimmed();
        if (config.name.isEmpty())
            return fail(QStringLiteral("--name cannot be empty"));
    }
    if (parser.isSet(dbOption))
        config.databasePath = parser.value(dbOption);
    if (parser.isSet(passwordOption))
        config.password = parser.value(passwordOption);
    if (parser.isSet(maxClientsOption)) {
        if (!parsePositive(parser.value(maxClientsOption), 1'000'000, config.maxClients) || config.maxClients < 1)
            return fail(QStringLiteral("--max-clients: expected a positive number"));
    }
    if (config.databasePath.isEmpty())
        config.databasePath = ServerConfig::defaultDatabasePath();
    return result;
}

} // namespace Natter
