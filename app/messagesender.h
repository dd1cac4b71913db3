#pragma once

// Sends this user's messages through the outbox: queues each under its own id, sends it, sends what is pending again
// after a reconnect, and settles each when the server acknowledges or refuses it.

#include "outbox.h"
#include "servermessages.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace Natter {

class ServerSocket;

class MessageSender : public QObject
{
    Q_OBJECT
public:
    explicit MessageSender(ServerSocket *socket, QObject *parent = nullptr);

    const Outbox &outbox() const { return m_outbox; }
    // Forgets every message and takes `unsent`, remembered from an earlier run, as the new outbox.
    void reset(const QList<OutgoingMessage> &unsent);

    // Queues a message, shows it through messageQueued and returns it; send() puts it on the wire.
    OutgoingMessage queue(const ConversationId &conversation, const QString &text, Protocol::MessageKind kind,
                          qint64 target);
    OutgoingMessage queueReply(const ConversationId &conversation, const QString &text, qint64 seq, const QString &from,
                               const QString &quote);
    void send(const OutgoingMessage &message);
    // Whatever was sent but never acknowledged goes again, under its own id: the server stores it once.
    void sendPending();
    // Makes a failed message pending again and returns it, for send().
    std::optional<OutgoingMessage> retry(const QString &id);
    // Gives up on a message that failed: it is not sent again.
    bool discard(const QString &id);

    // The server stored message `id`; an ack for a resend that was already acknowledged is ignored.
    void acknowledge(const QString &id, qint64 seq, qint64 ts);
    // The server refused something: true if it was one of the messages in the outbox, which failed. A message the
    // server could not store (storage_unavailable) does not fail: it stays pending and resendDue() comes later.
    bool refuse(const Protocol::ErrorEvent &error);
    // False between a storage_unavailable and the next ack: the server cannot store messages now.
    bool isServerStoring() const { return m_serverStoring; }

    static constexpr int FirstResendMs = 2'000;
    static constexpr int MaxResendMs = 60'000;
    void setResendDelays(int firstMs, int maxMs);

signals:
    void messageQueued(const Natter::OutgoingMessage &message);
    void messageAcknowledged(const QString &id, const Natter::ConversationId &conversation, qint64 seq, qint64 ts);
    void messageFailed(const QString &id, const Natter::Protocol::ErrorEvent &error);
    // The messages not yet acknowledged changed (queued, acknowledged, failed, retried): worth remembering.
    void outboxChanged();
    // The server could not store a message (false), or stored one again afterwards (true).
    void serverStoringChanged(bool storing);
    // Time to send what is pending again, after the server could not store it: 2 s after the first refusal,
    // doubling up to a minute while refusals go on.
    void resendDue();

private:
    void deferUntilStored();

    ServerSocket *m_socket;
    Outbox m_outbox;
    QTimer m_resendTimer;
    int m_firstResendMs = FirstResendMs;
    int m_maxResendMs = MaxResendMs;
    int m_nextResendMs = FirstResendMs;
    bool m_serverStoring = true;
};

} // namespace Natter
