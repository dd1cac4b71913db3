#include "plaintextposter.h"

#include "pausablewebsocket.h"
#include "soaktally.h"

#include <QRandomGenerator>

#include <cstdio>

PlainTextPoster::PlainTextPoster(const QString &label, quint16 port, SoakTally &tally, QObject *parent)
    : QObject(parent)
    , m_label(label)
    , m_port(port)
    , m_tally(tally)
{
    connect(&m_postTimer, &QTimer::timeout, this, &PlainTextPoster::post);
}

void PlainTextPoster::start()
{
    connectNow();
}

void PlainTextPoster::connectNow()
{
    if (m_socket)
        m_socket->deleteLater();
    auto *socket = new PausableWebSocket(this);
    m_socket = socket;
    connect(socket, &PausableWebSocket::opened, this, [this] { m_postTimer.start(2000); });
    connect(socket, &PausableWebSocket::textReceived, this, [this](const QString &line) {
        if (line.startsWith(QLatin1Char('!'))) {
            ++m_tally.otherErrors;
            std::fprintf(stderr, "soak: plain-text %s was told %s\n", qPrintable(m_label), qPrintable(line));
        }
    });
    connect(socket, &PausableWebSocket::closed, this, [this, socket](int code) {
        m_postTimer.stop();
        if (m_leaving || socket != m_socket)
            return;
        ++m_tally.unexpectedCloses;
        std::fprintf(stderr, "soak: plain-text %s was disconnected with %d\n", qPrintable(m_label), code);
        QTimer::singleShot(1000, this, &PlainTextPoster::connectNow);
    });
    socket->open(m_port, true);
}

void PlainTextPoster::post()
{
    m_socket->sendText(QStringLiteral("plain %1 line %2").arg(m_label).arg(m_nextLine++));
    ++m_tally.plainLines;
    m_postTimer.setInterval(QRandomGenerator::global()->bounded(1000, 5000));
}

void PlainTextPoster::leave()
{
    m_leaving = true;
    m_postTimer.stop();
    if (m_socket)
        m_socket->close();
}
