#pragma once

// A plain-text soak client (protocol.md 13): posts numbered lines to lobby now and then and reads what comes.
// It gets no acks, so its lines are only checked for being stored at most once.

#include <QObject>
#include <QTimer>

class PausableWebSocket;
struct SoakTally;

class PlainTextPoster : public QObject
{
    Q_OBJECT
public:
    PlainTextPoster(const QString &label, quint16 port, SoakTally &tally, QObject *parent = nullptr);

    void start();
    void finishUp() { m_postTimer.stop(); }
    void leave();

private:
    void connectNow();
    void post();

    const QString m_label;
    const quint16 m_port;
    SoakTally &m_tally;
    PausableWebSocket *m_socket = nullptr;
    QTimer m_postTimer;
    qint64 m_nextLine = 1;
    bool m_leaving = false;
};
