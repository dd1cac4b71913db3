#pragma once

// Who is online in the user's rooms and which key each name signed in with: tells direct conversations whether
// their peer is online or a guest, and the user when a name comes back with another key than before.

#include "conversationid.h"
#include "knownkeys.h"
#include "validation.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

namespace Natter {

class ChatClient;
class ClientCache;
class Conversation;

class OnlineMembers : public QObject
{
    Q_OBJECT
public:
    // `conversations` is the session's registry, where the direct conversation with a name is found.
    OnlineMembers(ChatClient *client, const QHash<ConversationId, Conversation *> *conversations,
                  QObject *parent = nullptr);

    // Where keys are remembered; forgets the keys seen in this session.
    void setCache(ClientCache *cache);
    bool isOnline(const QString &name) const { return m_online.contains(Protocol::nameKey(name)); }
    // The key `name` signed in with as last seen in this session (empty for a guest), else the one remembered.
    QByteArray keyOf(const QString &name) const;
    // Seen in this session, without a key.
    bool isGuest(const QString &name) const;
    void noteKey(const QString &name, const QByteArray &key);
    void noteRenamed(const QString &previous) { m_currentKeys.remove(Protocol::nameKey(previous)); }
    // `name` came into (or left) one of the user's rooms: counted per room, so that someone in two rooms who leaves
    // one is still online. Each is O(1); a direct conversation with them hears when the count leaves or reaches 0.
    void arrived(const QString &name);
    void departed(const QString &name);
    // Nobody is known to be online (the connection is down): every direct conversation hears so.
    void clear();

signals:
    void noticeRaised(const QString &text);

private:
    ChatClient *m_client;
    const QHash<ConversationId, Conversation *> *m_conversations;
    QHash<QString, int> m_online; // name key -> in how many of the user's rooms
    KnownKeys m_keys;
    QHash<QString, QByteArray> m_currentKeys; // by name key: what this session saw; empty for guests
};

} // namespace Natter
