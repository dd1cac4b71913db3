#pragma once

// Folds the lobby's join and leave lines for plain-text clients into one line per burst.
//
// A plain-text client sees "* name joined" for everyone who enters the lobby. When hundreds arrive at once,
// that is a line for every pair of them: N arrivals cost N²/2 frames, and a screen full of noise. The first
// change after a quiet spell goes out at once. Changes within the following window are collected and sent
// as one line per kind ("* a, b and 40 others joined"), and the window starts again while changes keep
// coming. Anything else a plain client is about to see (a lobby message, a topic, a rename, a direct
// message) is preceded by what is pending, so no one speaks before their arrival is told.

#include "servermessages.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Natter {

class RoomDirectory;

class PresenceDigest : public QObject
{
    Q_OBJECT
public:
    PresenceDigest(RoomDirectory *rooms, int windowMs, QObject *parent = nullptr);

    // A join or leave in the lobby (other changes are not folded and are ignored here).
    void add(Protocol::PresenceChange change, const QString &name);
    // Sends what is pending now.
    void flush();

private:
    int sendToPlainMembers(const QString &line); // returns how many heard it

    RoomDirectory *m_rooms;
    QTimer m_window;
    QStringList m_joined;
    QStringList m_left;
};

} // namespace Natter
