#pragma once

// Every room the server has, with its topic, member count and whether the user is in it, busiest first.

#include "chatmessage.h"

#include <QAbstractListModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace Natter {

class ChatClient;

class RoomDirectoryModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TopicRole, // "" when the room has none
        MemberCountRole, // connections in the room, as the server last said
        JoinedRole, // the user is in the room
    };
    Q_ENUM(Role)

    explicit RoomDirectoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The whole list from a `rooms` or `welcome` frame. Rooms that stay keep their rows (and any selection on
    // them): changed fields are dataChanged with just those roles, a changed member count moves the row, new
    // rooms are inserted and rooms no longer listed are removed. The first list marks the model loaded.
    void setRooms(const QList<Protocol::RoomSummary> &rooms);
    // Adds one room or updates it in place, for a room the user just created or joined.
    void noteRoom(const Protocol::RoomSummary &room);
    // The rooms the user is in; remembered for rooms not listed yet.
    void setJoinedRooms(const QStringList &rooms);
    // Both are ignored for rooms not listed.
    void noteTopic(const QString &room, const QString &topic);
    void noteMemberCount(const QString &room, int count);
    // One more (+1) or one fewer (-1) member, from a presence event in a room the user is in.
    void adjustMemberCount(const QString &room, int delta);
    // Forgets every room and becomes not loaded, for a connection to another server.
    void clear();
    // Keeps in step with what `client` hears: the rooms in `welcome` and `rooms`, joins, leaves, topics and
    // member counts.
    void follow(const ChatClient *client);

    bool isLoaded() const { return m_loaded; }
    bool contains(const QString &room) const { return rowOf(room) >= 0; }
    int rowOf(const QString &room) const;
    QStringList names() const; // in row order

signals:
    void loadedChanged();

private:
    struct Room
    {
        QString name;
        QString topic;
        int members = 0;
    };

    static bool sortsBefore(const Room &a, const Room &b);
    int sortedRow(const Room &room, int ignoredRow = -1) const;
    int moveToSortedRow(int row);
    void insertSorted(const Room &room);
    // Applies new fields to a listed room and tells the views, moving it if its place changed.
    void updateRow(int row, const QString &topic, int members);
    void notifyChanged(int row, QList<int> roles);
    QString accessibleText(const Room &room) const;
    void markLoaded();

    QList<Room> m_rooms;
    QSet<QString> m_joined;
    bool m_loaded = false;
};

} // namespace Natter
