#pragma once

// Reactions: checks and stores a client's change to its reaction on a message, turns a stored change into the
// frame every member receives, adds the counts to messages read from history, and says who reacted.

#include "historystore.h"
#include "reactionmessages.h"
#include "serverconfig.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Natter {

class ClientSession;
class NameOwnership;

class ReactionRouter : public QObject
{
    Q_OBJECT
public:
    ReactionRouter(HistoryStore *store, const NameOwnership *names, const ServerConfig &config,
                   QObject *parent = nullptr);

    // Queues the change (it is delivered once committed, like a message), answers nothing when it changes
    // nothing, or sends the error.
    void react(ClientSession *session, const Protocol::React &request);
    void answerReactors(ClientSession *session, const Protocol::ReactorsRequest &request);

    // The frame for a stored React or Unreact of the conversation, with the count as it is now.
    Protocol::ReactionEvent eventFor(const Protocol::ChatMessage &change, const QString &conversation);
    // Adds each message's reactions, `mine` for the reader's party.
    void attach(const QString &conversation, QList<Protocol::ChatMessage> &messages, const QString &readerParty);

private:
    struct Place
    {
        QString conversation;
        QString peerName; // direct conversations: the other party as everyone sees it
    };
    // The conversation a request names, if the session may react there; else sends the error.
    std::optional<Place> placeOf(ClientSession *session, const QString &room, const QString &to, qint64 seq,
                                 QStringView type);
    std::optional<Protocol::ProtocolError> checkLimit(const Place &place, qint64 conversationId,
                                                      const Protocol::React &request) const;
    bool hasReaction(qint64 conversationId, const QString &key, const Protocol::React &request,
                     const QString &party) const;
    void forgetQueued();

    HistoryStore *m_store;
    const NameOwnership *m_names;
    const ServerConfig &m_config;
    // Changes queued and not yet committed, which the file does not show yet: each one's state by
    // "conversation, seq, emoji, party", and the emoji new on each message by "conversation, seq".
    QHash<QString, bool> m_queuedState;
    QHash<QString, QSet<QString>> m_queuedEmoji;
};

} // namespace Natter
