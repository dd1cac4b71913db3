#pragma once

// One soak run: starts the mix of clients, samples the server's memory after the warm-up, every minute and at the
// end of the load, drains every outbox, writes the ack ledger and prints the report.

#include "ackledger.h"
#include "servermemorywatch.h"
#include "soaktally.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class Chatter;
class PlainTextPoster;

class SoakRun : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        quint16 port = 0;
        int clients = 200;
        double minutes = 10;
        qint64 serverPid = 0; // 0: memory is not watched
        QString ledgerPath;
    };

    explicit SoakRun(const Settings &settings, QObject *parent = nullptr);
    ~SoakRun() override;

    void start();

signals:
    // 0 when nothing went wrong that the clients could see and memory stayed flat, 1 otherwise.
    void finished(int exitCode);

private:
    void createClients();
    void startNextClient();
    void sampleMinute();
    void endLoad();
    void checkDrained();
    void leaveAll();
    void report();
    bool memoryIsFlat() const;

    const Settings m_settings;
    AckLedger m_ledger;
    SoakTally m_tally;
    std::unique_ptr<ServerMemoryWatch> m_memory;
    QList<Chatter *> m_chatters;
    QList<Chatter *> m_flooders;
    QList<PlainTextPoster *> m_posters;
    QList<QObject *> m_startOrder;
    int m_started = 0;
    int m_behaviourCounts[5] = {};
    QElapsedTimer m_clock;
    QElapsedTimer m_drainClock;
    bool m_loadEnded = false;
    QTimer m_startTimer;
    QTimer m_minuteTimer;
    QTimer m_lookTimer;
    QTimer m_drainTimer;
    int m_minute = 0;
    bool m_serverGone = false;
    qsizetype m_undrained = 0;
};
