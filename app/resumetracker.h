#pragma once

// Where one user's conversations stand on a server: the rooms they are in and the newest seq seen in each room
// and direct conversation, and so what a hello asks the server to continue after a reconnect or a restart.

#include "conversationid.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace Natter {

// Where a conversation left off: what a client that starts again (from its cache) asks the server to continue.
struct ResumePoint
{
    ConversationId conversation;
    qint64 lastSeq = 0; // the newest message the client has; 0: none
};

class ResumeTracker
{
public:
    // Starts over from what an earlier run remembered (empty: nothing).
    void reset(const QList<ResumePoint> &points = {});
    // A direct conversation to name in every hello, even before its first message.
    void follow(const ConversationId &direct);
    void unfollow(const ConversationId &direct);
    void joined(const QString &room);
    void left(const QString &room);
    // Moves a joined room's or a followed direct conversation's newest seq on; anything else is not resumed.
    void noteSeq(const ConversationId &conversation, qint64 seq);

    QStringList rooms() const; // sorted
    bool isIn(const QString &room) const { return m_rooms.contains(room); }
    // hello.since: every room with something seen (rejoined and caught up) and every direct conversation (caught
    // up). A room with nothing seen is left out: `since 0` would replay its whole history; join it instead.
    QHash<QString, qint64> since(QSet<QString> *namedRooms = nullptr) const;
    // The rooms the user is in that since leaves out.
    QStringList roomsToJoin() const;

private:
    QSet<QString> m_rooms;
    QHash<ConversationId, qint64> m_lastSeq;
};

} // namespace Natter
