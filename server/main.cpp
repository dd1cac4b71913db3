// natter-server: the headless Natter server.

#include "chatserver.h"
#include "servercommandline.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QNetworkInterface>
#include <QTextStream>

#include <csignal>

using namespace Natter;

namespace {

// The addresses people can use to reach this server, loopback first.
QStringList reachableUrls(const ChatServer &server)
{
    const QHostAddress bound = server.config().bindAddress;
    QList<QHostAddress> addresses;
    if (bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6) {
        addresses.append(QHostAddress(QHostAddress::LocalHost));
        const auto all = QNetworkInterface::allAddresses();
        for (const QHostAddress &address : all) {
            if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
                addresses.append(address);
        }
    } else {
        addresses.append(bound);
    }
    QStringList urls;
    for (const QHostAddress &address : std::as_const(addresses)) {
        QUrl url;
        url.setScheme(QStringLiteral("ws"));
        url.setHost(address.toString());
        url.setPort(server.port());
        urls.append(url.toString());
    }
    return urls;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const ServerCommandLine commandLine = ServerCommandLine::parse(QCoreApplication::arguments());
    switch (commandLine.outcome) {
    case ServerCommandLine::Outcome::ShowHelp:
    case ServerCommandLine::Outcome::ShowVersion:
        out << commandLine.message << Qt::endl;
        return 0;
    case ServerCommandLine::Outcome::Error:
        err << "natter-server: " << commandLine.message << Qt::endl;
        return 2;
    case ServerCommandLine::Outcome::Run:
        break;
    }

    ChatServer server(commandLine.config);
    UnixSignalWatcher signalWatcher;
    if (!signalWatcher.watch({SIGINT, SIGTERM})) {
        err << "natter-server: cannot watch for SIGINT and SIGTERM" << Qt::endl;
        return 1;
    }
    QObject::connect(&signalWatcher, &UnixSignalWatcher::signalReceived, &server, &ChatServer::stop);
    QObject::connect(&server, &ChatServer::stopped, &app, [] { QCoreApplication::exit(0); });

    QString error;
    if (!server.start(&error)) {
        err << "natter-server: " << error << Qt::endl;
        return 1;
    }
    out << "Natter server \"" << server.config().name << "\" is running. People can join at:" << Qt::endl;
    for (const QString &url : reachableUrls(server))
        out << "  " << url << Qt::endl;
    out << "History is kept in " << server.config().databasePath << ". Press Ctrl+C to stop." << Qt::endl;
    return QCoreApplication::exec();
}
