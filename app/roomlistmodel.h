#pragma once

// The conversations the user is in, as list rows: joined rooms by name, then direct conversations by latest
// activity. Each row shows a Conversation object and follows its changes.

#include "conversationid.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace Natter {

class Conversation;

class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // ConversationId::key(): "#room" or "@" + the peer's name key
        NameRole, // the room's name or the peer's name as spelled
        KindRole, // int(ConversationId::Kind)
        TopicRole,
        UnreadRole,
        LastActivityRole, // QDateTime of the latest message; invalid before the first
        SectionRole, // tr("Rooms") or tr("Direct messages")
        MemberCountRole,
        MentionRole, // unread messages that mention the user (direct messages always count)
        OnlineRole, // direct conversations: the other person is online
        HasDraftRole, // something is written but not sent
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Lists the conversation (not owned) until it is removed or destroyed; a no-op if already listed.
    void addConversation(Conversation *conversation);
    void removeConversation(const ConversationId &conversation);
    void clear(); // leaving a server: the one change that resets the model

    bool contains(const ConversationId &conversation) const;
    int rowOf(const ConversationId &conversation) const; // -1 if not listed
    ConversationId conversationAt(int row) const; // invalid for a row out of range
    Conversation *objectAt(int row) const;
    QList<ConversationId> conversations() const; // in row order

    int totalUnread() const { return m_totalUnread; }
    int unread(const ConversationId &conversation) const; // 0 if not listed
    // The next listed conversation with unread messages after (or before, for step -1) the given one, wrapping
    // around; invalid if no other has any.
    ConversationId nextUnread(const ConversationId &from, int step = 1) const;

signals:
    void totalUnreadChanged(int total);

private:
    static bool sortsBefore(const Conversation *a, const Conversation *b);
    int sortedRow(const Conversation *conversation, int ignoredRow = -1) const;
    int moveToSortedRow(int row);
    void onSummaryChanged(Conversation *conversation);
    void updateTotalUnread();

    // A user is in tens of conversations, not thousands: a linear search is cheap and needs no index to keep.
    QList<QPointer<Conversation>> m_rows;
    int m_totalUnread = 0;
};

} // namespace Natter
