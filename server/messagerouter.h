#pragma once

// Carries chat messages: stores each one, acknowledges it to its sender once committed, and delivers it.

#include "clientmessages.h"
#include "historyreplay.h"
#include "historystore.h"
#include "serverconfig.h"
#include "servermessages.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Natter {

class ClientSession;
class NameOwnership;
class OutgoingFrame;
class OfflineMailbox;
class PresenceDigest;
class ReactionRouter;
class RoomDirectory;
class SessionRegistry;

class MessageRouter : public QObject
{
    Q_OBJECT
public:
    MessageRouter(HistoryStore *store, RoomDirectory *rooms, SessionRegistry *sessions, const NameOwnership *names,
                  OfflineMailbox *mailbox, PresenceDigest *plainPresence, ReactionRouter *reactions,
                  const ServerConfig &config, QObject *parent = nullptr);

    // Validates and queues a message; the sender gets an ack, or an error that names the send's id.
    void post(ClientSession *sender, const Protocol::Send &send,
              HistoryStore::IdSource idSource = HistoryStore::IdSource::Client);
    // Answers a history request with one page.
    void sendHistory(ClientSession *session, const Protocol::HistoryRequest &request);
    // Sends every stored message of the conversation after `afterSeq` as ordinary message frames (with the
    // reader's reactions), and the reaction changes among them as reaction frames, paced (see HistoryReplay).
    void replay(ClientSession *session, const QString &conversation, qint64 afterSeq);
    // Runs `done` once the session's replays are all sent.
    void afterReplay(ClientSession *session, std::function<void()> done);

private:
    using WaitKey = std::pair<QString, qint64>; // conversation, seq

    void onCommitted(const QList<Protocol::ChatMessage> &messages, const QStringList &conversations);
    void onCommitFailed(const QList<Protocol::ChatMessage> &messages, const QStringList &conversations,
                        const QString &error, StorageFault fault);
    // The error for a message the history cannot take now: the client keeps it and sends it again later.
    Protocol::ProtocolError storageUnavailable() const;
    void deliver(const Protocol::ChatMessage &message, const QString &conversation,
                 const QList<QPointer<ClientSession>> &senders);
    // Sends the frame to the session unless a replay of the conversation to it will.
    void sendLive(ClientSession *session, OutgoingFrame &frame, const QString &conversation);
    void deliverDirect(OutgoingFrame &frame, const Protocol::ChatMessage &message, const QString &conversation,
                       const QList<QPointer<ClientSession>> &senders);
    static Protocol::Ack ackFor(const Protocol::ChatMessage &message);
    // Why a reply cannot answer its message (it does not exist here, or was deleted); else adds the quote of it.
    std::optional<Protocol::ProtocolError> quoteReply(const QString &conversation, Protocol::ChatMessage &reply);
    // Why an edit or delete may not change its target: it does not exist, is someone else's, or was deleted;
    // an empty senderKey (a guest) may change nothing.
    std::optional<Protocol::ProtocolError>
    checkRevision(const QString &conversation, const Protocol::ChatMessage &revision, const QString &senderKey);

    HistoryStore *m_store;
    RoomDirectory *m_rooms;
    SessionRegistry *m_sessions;
    const NameOwnership *m_names;
    OfflineMailbox *m_mailbox;
    PresenceDigest *m_plainPresence;
    ReactionRouter *m_reactions;
    const ServerConfig &m_config;
    QHash<WaitKey, QList<QPointer<ClientSession>>> m_waiting; // senders waiting for their ack
    HistoryReplay m_replay;
};

} // namespace Natter
