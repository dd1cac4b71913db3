// refserver_qt: the bare QtWebSockets broadcast server scripts/bench compares Natter with (issue 6).
// Own QTcpServer with LowDelayOption on each accepted socket, handed to QWebSocketServer::handleConnection();
// on connect a welcome text; every text message goes to every client, the sender included.
// Usage: refserver_qt PORT   (listens on 127.0.0.1)

#include <QCoreApplication>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int port = argc > 1 ? std::atoi(argv[1]) : 0;

    QTcpServer listener;
    QWebSocketServer server(QStringLiteral("refserver_qt"), QWebSocketServer::NonSecureMode);
    QList<QWebSocket *> clients;

    QObject::connect(&listener, &QTcpServer::newConnection, &listener, [&] {
        while (QTcpSocket *socket = listener.nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            server.handleConnection(socket);
        }
    });
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        while (QWebSocket *client = server.nextPendingConnection()) {
            clients.append(client);
            QObject::connect(client, &QWebSocket::textMessageReceived, client, [&clients](const QString &message) {
                for (QWebSocket *peer : std::as_const(clients))
                    peer->sendTextMessage(message);
            });
            QObject::connect(client, &QWebSocket::disconnected, client, [&clients, client] {
                clients.removeOne(client);
                client->deleteLater();
            });
            client->sendTextMessage(QStringLiteral("welcome"));
        }
    });

    listener.setMaxPendingConnections(1000000);
    if (!listener.listen(QHostAddress::LocalHost, static_cast<quint16>(port))) {
        std::fprintf(stderr, "refserver_qt: cannot listen on port %d: %s\n", port, qPrintable(listener.errorString()));
        return 1;
    }
    std::printf("refserver_qt listening on 127.0.0.1:%d\n", listener.serverPort());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
