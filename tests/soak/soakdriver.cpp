// The soak driver (issue 12): many clients against one running natter-server on 127.0.0.1 for a given time, with
// abrupt drops and reconnects, floods, slow readers and plain-text clients; then the outboxes are drained and every
// ack written to a ledger. With --check, reads a stopped server's history file against that ledger instead.
// scripts/soak starts the server and runs both.

#include "ackledger.h"
#include "chatter.h"
#include "historycheck.h"
#include "plaintextposter.h"
#include "servermemorywatch.h"
#include "soakrun.h"
#include "soaktally.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak clients for natter-server on 127.0.0.1 (scripts/soak)."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("The server's port on 127.0.0.1."),
                                        QStringLiteral("port"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Clients (default 200)."),
                                           QStringLiteral("count"), QStringLiteral("200"));
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
                                           QStringLiteral("Minutes of load (default 10; decimals allowed)."),
                                           QStringLiteral("minutes"), QStringLiteral("10"));
    const QCommandLineOption pidOption(QStringLiteral("server-pid"),
                                       QStringLiteral("The server's process id, to sample its memory."),
                                       QStringLiteral("pid"));
    const QCommandLineOption ledgerOption(QStringLiteral("ledger"),
                                          QStringLiteral("Where the acks are written (or read, with --check)."),
                                          QStringLiteral("file"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Check this stopped server's history file against --ledger."),
                                         QStringLiteral("database"));
    parser.addOptions({portOption, clientsOption, minutesOption, pidOption, ledgerOption, checkOption});
    parser.process(app);

    if (!parser.isSet(ledgerOption)) {
        std::fprintf(stderr, "soakdriver: --ledger is required\n");
        return 2;
    }
    if (parser.isSet(checkOption)) {
        const int problems = checkHistory(parser.value(checkOption), parser.value(ledgerOption));
        return problems == 0 ? 0 : 1;
    }

    SoakRun::Settings settings;
    bool portOk = false, clientsOk = false, minutesOk = false, pidOk = true;
    settings.port = static_cast<quint16>(parser.value(portOption).toUInt(&portOk));
    settings.clients = parser.value(clientsOption).toInt(&clientsOk);
    settings.minutes = parser.value(minutesOption).toDouble(&minutesOk);
    if (parser.isSet(pidOption))
        settings.serverPid = parser.value(pidOption).toLongLong(&pidOk);
    settings.ledgerPath = parser.value(ledgerOption);
    if (!portOk || settings.port == 0 || !clientsOk || settings.clients < 1 || !minutesOk || settings.minutes <= 0
        || !pidOk) {
        std::fprintf(stderr, "soakdriver: give --port, and --clients, --minutes and --server-pid as numbers\n");
        return 2;
    }
    SoakRun run(settings);
    QObject::connect(&run, &SoakRun::finished, &app, &QCoreApplication::exit);
    run.start();
    return app.exec();
}
