#pragma once

// One natter.v1 soak client: signs in as a guest, joins its rooms, sends messages with unique ids and keeps every
// unacknowledged one in an outbox, which it sends again with the same ids after a reconnect (protocol.md 9.2).
// Its behaviour adds abrupt drops, floods far over the rate limit, or pauses in reading.

#include "ackledger.h"
#include "clientmessages.h"
#include "servermessages.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class PausableWebSocket;
struct SoakTally;

class Chatter : public QObject
{
    Q_OBJECT
public:
    enum class Behaviour { Steady, Reconnecting, Flooding, SlowReading };

    Chatter(const QString &name, const QStringList &rooms, Behaviour behaviour, quint16 port, AckLedger &ledger,
            SoakTally &tally, QObject *parent = nullptr);

    void start();
    // The run is over: no new messages, drops or pauses; a flooder forgets what it has not had acknowledged, the
    // others reconnect if they must and send their outbox until it is empty.
    void finishUp();
    // Signed in, and nothing is waiting for an ack.
    bool isSettled() const { return m_welcomed && m_outbox.isEmpty(); }
    bool isWelcomed() const { return m_welcomed; }
    qsizetype pending() const { return m_outbox.size(); }
    // Closes the connection with 1000.
    void leave();

private:
    void connectNow();
    void reconnectLater(int minimumMs, int maximumMs);
    void onOpened();
    void onText(const QString &text);
    void onClosed(int code);
    void onWelcome(const Natter::Protocol::Welcome &welcome);
    void onJoined(const Natter::Protocol::Joined &joined);
    void onMessage(const Natter::Protocol::ChatMessage &message);
    void onAck(const Natter::Protocol::Ack &ack);
    void onError(const Natter::Protocol::ErrorEvent &error);
    void sendNew();
    void flood();
    void drop();
    void pauseReading();
    void transmit(const Natter::Protocol::Send &send);
    void armBehaviourTimer();

    const QString m_name;
    const QStringList m_rooms;
    const Behaviour m_behaviour;
    const quint16 m_port;
    AckLedger &m_ledger;
    SoakTally &m_tally;
    PausableWebSocket *m_socket = nullptr;
    QString m_token;
    bool m_welcomed = false;
    bool m_everWelcomed = false;
    bool m_finishing = false;
    bool m_leaving = false;
    QHash<QString, qint64> m_lastSeq; // per room joined at least once: the highest seq received
    QList<Natter::Protocol::Send> m_outbox; // in the order made
    QHash<QString, qint64> m_resentAtMs; // ids sent again after a reconnect -> when (UTC ms)
    qint64 m_nextId = 1;
    QTimer m_sendTimer;
    QTimer m_behaviourTimer; // drops, or pauses in reading
    QTimer m_reconnectTimer;
};
