#pragma once

// The conversations the user is in: joined rooms by name, then direct conversations by latest activity.

#include "conversationid.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace Natter {

namespace Protocol {
struct RoomSummary;
}

class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // ConversationId::key(): "#room" or "@peer"
        NameRole,
        KindRole, // int(ConversationId::Kind)
        TopicRole,
        UnreadRole,
        LastActivityRole, // QDateTime of the latest message; invalid before the first
        SectionRole, // tr("Rooms") or tr("Direct messages")
        MemberCountRole,
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void addConversation(const ConversationId &conversation); // a no-op if it is already listed
    void removeConversation(const ConversationId &conversation);
    void clear(); // leaving a server: the one change that resets the model

    bool contains(const ConversationId &conversation) const;
    int rowOf(const ConversationId &conversation) const; // -1 if not listed
    ConversationId conversationAt(int row) const; // invalid for a row out of range
    QList<ConversationId> conversations() const; // in row order

    void setTopic(const QString &room, const QString &topic);
    void setMemberCount(const QString &room, int count);
    // Takes topic and member count from a welcome or rooms reply for every joined room it names.
    void applyRoomSummaries(const QList<Protocol::RoomSummary> &rooms);

    // The time of a message in the conversation; an older time than the one known changes nothing.
    void noteActivity(const ConversationId &conversation, const QDateTime &when);

    void incrementUnread(const ConversationId &conversation);
    void clearUnread(const ConversationId &conversation);
    int unread(const ConversationId &conversation) const;
    int totalUnread() const;

    // A peer changed name. If a conversation with the new name is already listed, the two become one.
    void renameDirect(const QString &oldName, const QString &newName);

signals:
    void totalUnreadChanged(int total);

private:
    struct Entry
    {
        ConversationId conversation;
        QString topic{};
        int memberCount = 0;
        int unread = 0;
        QDateTime lastActivity{};
    };

    static bool sortsBefore(const Entry &a, const Entry &b);
    int sortedRow(const Entry &entry, int ignoredRow = -1) const;
    int moveToSortedRow(int row);
    int roomRow(const QString &room) const;
    void notifyChanged(int row, const QList<int> &roles);
    void changeTotalUnread(int delta);

    // A user is in tens of conversations, not thousands: a linear search by conversation is cheap and
    // keeps no second index to update on every move.
    QList<Entry> m_entries;
    int m_totalUnread = 0;
};

} // namespace Natter
