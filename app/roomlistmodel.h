#pragma once

// The conversations the user is in, as list rows: joined rooms by name, then direct conversations by latest
// activity. Each row shows a Conversation object and follows its changes.

#include "conversationid.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
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
    // What a row is sorted by and counted with, as it was when the row was placed: a conversation changes before it
    // says so, and its row is found by what it was.
    struct Row
    {
        QPointer<Conversation> object;
        ConversationId id;
        QDateTime lastActivity;
        int unread = 0;
    };

    static Row rowFor(Conversation *conversation);
    static bool sortsBefore(const Row &a, const Row &b);
    // The first row that does not sort before `row`: its own when it is listed.
    int insertionRow(const Row &row) const;
    void onSummaryChanged(Conversation *conversation);
    void setTotalUnread(int total);

    // Rows in order, and each listed conversation's row as placed, by id: every lookup is a hash and a binary
    // search, so a server's flood of events never rescans the list.
    QList<Row> m_rows;
    QHash<ConversationId, Row> m_placed;
    int m_totalUnread = 0;
};

} // namespace Natter
