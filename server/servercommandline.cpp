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
    const QCommandLineOption maxReactionsOption(QStringLiteral("max-reactions-per-message"),
                                                QStringLiteral("Most different emoji on one message (default 20)."),
                                                QStringLiteral("count"));
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("INI file with settings; options given here win."),
                                          QStringLiteral("file"));
    const QCommandLineOption tlsCertOption(
        QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate for TLS, followed by its chain if any (default: a self-signed one kept next "
                       "to the history file)."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("PEM private key of --tls-cert (unencrypted)."),
                                          QStringLiteral("file"));
    const QCommandLineOption noTlsOption(QStringLiteral("no-tls"),
                                         QStringLiteral("Accept plain ws:// connections only (no encryption)."));
    const QCommandLineOption requireTlsOption(
        QStringLiteral("require-tls"),
        QStringLiteral("Refuse unencrypted connections, except from this computer (loopback)."));
    parser.addOptions({portOption, bindOption, nameOption, dbOption, passwordOption, maxClientsOption, tlsCertOption,
                       tlsKeyOption, noTlsOption, requireTlsOption, maxReactionsOption, configOption});

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
    if (parser.isSet(maxReactionsOption)) {
        if (!parsePositive(parser.value(maxReactionsOption), 1000, config.limits.maxReactionsPerMessage)
            || config.limits.maxReactionsPerMessage < 1)
            return fail(QStringLiteral("--max-reactions-per-message: expected a number from 1 to 1000"));
    }
    if (parser.isSet(noTlsOption) && parser.isSet(requireTlsOption))
        return fail(QStringLiteral("--no-tls and --require-tls cannot be used together"));
    if (parser.isSet(noTlsOption) && (parser.isSet(tlsCertOption) || parser.isSet(tlsKeyOption)))
        return fail(QStringLiteral("--no-tls cannot be used with --tls-cert or --tls-key"));
    if (parser.isSet(noTlsOption))
        config.tls = ServerConfig::Tls::Off;
    if (parser.isSet(requireTlsOption))
        config.tls = ServerConfig::Tls::Required;
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        return fail(QStringLiteral("--tls-cert and --tls-key go together: give both"));
    if (parser.isSet(tlsCertOption)) {
        config.tlsCertificatePath = parser.value(tlsCertOption);
        config.tlsKeyPath = parser.value(tlsKeyOption);
    }
    if (config.databasePath.isEmpty())
        config.databasePath = ServerConfig::defaultDatabasePath();
    return result;
}

} // namespace Natter
