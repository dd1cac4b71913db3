#pragma once

// The rooms that exist, their topics and who is in each right now.

#include "chatmessage.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace Natter {

class ClientSession;

class RoomDirectory
{
public:
    bool exists(const QString &room) const { return m_rooms.contains(room); }
    int count() const { return static_cast<int>(m_rooms.size()); }
    // Creates the room if it is new; returns whether it was new.
    bool ensure(const QString &room, const QString &topic = {});
    void remove(const QString &room) { m_rooms.remove(room); }

    QString topic(const QString &room) const;
    void setTopic(const QString &room, const QString &topic);

    // Adds the member (creating the room); false if it was a member already.
    bool addMember(const QString &room, ClientSession *session);
    // False if it was not a member.
    bool removeMember(const QString &room, ClientSession *session);
    // Puts `replacement` where `session` was in every room, keeping the order of members.
    void replaceMember(ClientSession *session, ClientSession *replacement);

    const QList<ClientSession *> &members(const QString &room) const;
    QStringList memberNames(const QString &room) const;
    // The public keys of the members who signed in with one, by name.
    QHash<QString, QByteArray> memberKeys(const QString &room) const;
    QList<Protocol::RoomSummary> summaries() const;

private:
    struct Room
    {
        QString topic;
        QList<ClientSession *> members;
    };
    QHash<QString, Room> m_rooms;
};

} // namespace Natter
