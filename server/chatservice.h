#pragma once

// The chat itself: welcomes, names, rooms, presence, topics, typing; one handler per natter.v1 request.

#include "clientmessages.h"
#include "identitydirectory.h"
#include "messagerouter.h"
#include "messagesearch.h"
#include "nameownership.h"
#include "offlinemailbox.h"
#include "passwordgate.h"
#include "presencedigest.h"
#include "reactionrouter.h"
#include "readmarkerstore.h"
#include "roomdirectory.h"
#include "roomlifecycle.h"
#include "serverconfig.h"
#include "sessionregistry.h"
#include "signin.h"

#include <QObject>

namespace Natter {

class ClientSession;
class HistoryStore;
class OutgoingFrame;

class ChatService : public QObject
{
    Q_OBJECT
public:
    ChatService(HistoryStore *store, const ServerConfig &config, QObject *parent = nullptr);

    // Loads the stored rooms; lobby always exists.
    void loadRooms();
    // Starts serving a freshly connected session (plain-text sessions are welcomed at once).
    void attach(ClientSession *session);
    int onlineCount() const { return m_sessions.count(); }
    // Commits the read markers gathered since the last commit (before the store closes).
    void saveReadMarkers() { m_readMarkers.flush(); }

private:
    void onRequest(ClientSession *session, const Protocol::ClientMessage &message);
    void onPlainText(ClientSession *session, const QString &text);
    void onClosed(ClientSession *session);

    void welcome(ClientSession *session, const Protocol::Hello &hello, ClientSession *previous);
    void takeOver(ClientSession *session, ClientSession *previous);
    void signOut(ClientSession *session);
    void replayDirect(ClientSession *session, const QHash<QString, qint64> &since);
    bool join(ClientSession *session, const QString &room, bool withHistory);
    void leave(ClientSession *session, const QString &room);
    void typing(ClientSession *session, const Protocol::Typing &typing);
    void markRead(ClientSession *session, const Protocol::ReadMarker &marker);
    // Where the user stopped reading in each conversation, and what came since (after the sign-in's replay).
    void sendUnread(ClientSession *session);
    void setTopic(ClientSession *session, const Protocol::SetTopic &request);
    void rename(ClientSession *session, const QString &name);
    void welcomePlainText(ClientSession *session);
    void admitPlainText(ClientSession *session, bool afterPassword);

    bool requireMember(ClientSession *session, const QString &room, const QString &ref);
    void broadcast(const QString &room, OutgoingFrame &frame, const ClientSession *except = nullptr);
    void broadcastPresence(const Protocol::Presence &presence, const ClientSession *except = nullptr);

    HistoryStore *m_store;
    const ServerConfig &m_config;
    RoomDirectory m_rooms;
    SessionRegistry m_sessions;
    IdentityDirectory m_identities;
    OfflineMailbox m_mailbox;
    NameOwnership m_names;
    PasswordGate m_passwords;
    SignIn m_signIn;
    PresenceDigest m_plainPresence;
    ReactionRouter m_reactions;
    MessageRouter m_router;
    MessageSearch m_search;
    ReadMarkerStore m_readMarkers;
    RoomLifecycle m_roomLifecycle;
};

} // namespace Natter
