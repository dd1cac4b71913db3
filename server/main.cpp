// natter-server: the headless Natter server.

#include "chatserver.h"
#include "invitelink.h"
#include "servercommandline.h"
#include "shareaddresses.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

using namespace Natter;

namespace {

// The exit codes docs/server.md lists: a service manager or script can tell the history's faults apart.
int exitCodeFor(ChatServer::StartFailure failure)
{
    switch (failure) {
    case ChatServer::StartFailure::HistoryInUse:
        return 3;
    case ChatServer::StartFailure::HistoryReadOnly:
        return 4;
    case ChatServer::StartFailure::HistoryDamaged:
        return 5;
    default:
        return 1;
    }
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
        return exitCodeFor(server.startFailure());
    }
    const QList<QHostAddress> addresses = ShareAddresses::interfaceAddresses();
    const QHostAddress bindAddress = server.config().bindAddress;
    if (server.isTlsEnabled()) {
        out << "Natter server \"" << server.config().name
            << "\" is running. Invite people with (encrypted):" << Qt::endl;
        for (const QUrl &url : ShareAddresses::forMachine(bindAddress, server.localUrl(), addresses))
            out << "  " << Protocol::InviteLink::make(url, server.certificateFingerprint()).toString() << Qt::endl;
        out << "Certificate fingerprint (SHA-256): " << server.certificateFingerprint() << Qt::endl;
        if (server.config().tls == ServerConfig::Tls::Required) {
            out << "Plain WebSocket clients on this computer only (unencrypted): " << server.plainLocalUrl().toString()
                << Qt::endl;
        } else {
            out << "Plain WebSocket clients (unencrypted, readable by anyone on the network path):" << Qt::endl;
            for (const QUrl &url : ShareAddresses::forMachine(bindAddress, server.plainLocalUrl(), addresses))
                out << "  " << url.toString() << Qt::endl;
        }
    } else {
        out << "Natter server \"" << server.config().name
            << "\" is running without encryption (--no-tls). People can join at:" << Qt::endl;
        for (const QUrl &url : ShareAddresses::forMachine(bindAddress, server.localUrl(), addresses))
            out << "  " << url.toString() << Qt::endl;
    }
    out << "History is kept in " << server.config().databasePath << ". Press Ctrl+C to stop." << Qt::endl;
    return QCoreApplication::exec();
}
