#pragma once

// The messages of one conversation as list rows, oldest first: confirmed messages in seq order, then the
// user's own messages still on their way (local echo), with the presentation facts a delegate paints.

#include "chatmessage.h"
#include "conversationid.h"
#include "mentionmatcher.h"
#include "messagequotes.h"
#include "messagereactions.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace Natter {

class MessageRows;

class MessageModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool hasMoreHistory READ hasMoreHistory NOTIFY hasMoreHistoryChanged)

public:
    enum class DeliveryState { Pending, Sent, Failed };
    Q_ENUM(DeliveryState)

    enum Role {
        SenderRole = Qt::UserRole + 1,
        TextRole,
        KindRole, // Protocol::MessageKind as int
        TimestampRole, // QDateTime in local time
        SeqRole, // 0 while not confirmed
        IdRole,
        StateRole, // DeliveryState as int
        IsOwnRole,
        FirstOfGroupRole,
        DayChangeRole,
        MentionRole, // someone else's message that mentions this user
        UnreadMarkerRole, // the "new messages" line sits above this row: the first confirmed row after the marker
        FailureReasonRole, // why a Failed row was not sent, in words; empty otherwise
        EditedRole, // its sender changed the text after sending it
        DeletedRole, // its sender took it back: the text is gone
        ReplyToRole, // the seq of the message it answers; 0 for none
        ReplyFromRole, // that message's sender
        ReplyTextRole, // the quote of it; empty once it was deleted
        ReactionsRole, // ReactionList: each emoji on it with its count and whether this user is among them
    };
    Q_ENUM(Role)

    // Consecutive messages of one sender further apart than this start a new group.
    static constexpr qint64 GroupGapMs = qint64(5) * 60 * 1000;

    explicit MessageModel(const ConversationId &conversation, QObject *parent = nullptr);
    ~MessageModel() override;

    ConversationId conversation() const { return m_conversation; }
    QString ownName() const { return m_ownName; }
    // IsOwnRole compares names case-insensitively through Protocol::nameKey; MentionRole looks for this name.
    void setOwnName(const QString &name);

    // Where the "new messages" line goes when the user has read nothing of the conversation: above its first row.
    static constexpr qint64 BeforeFirstMessage = -1;
    // Puts the "new messages" line after the message with this seq (UnreadMarkerRole), or BeforeFirstMessage;
    // 0 removes it.
    void setUnreadMarker(qint64 afterSeq);
    qint64 unreadMarker() const { return m_unreadMarker; }

    // A message confirmed by the server (live, replayed or from history). Ignored if its seq is already
    // present; a pending or failed row with the same id and sender becomes this message (Sent) in place.
    void addMessage(const Protocol::ChatMessage &message);
    // A message this user is sending: shown at once as Pending at the end, stamped now.
    void addPending(const QString &id, const QString &from, const QString &text, Protocol::MessageKind kind,
                    const MessageQuote &reply = {});
    // The quote a reply to the confirmed message `seq` carries; nothing if it is not loaded or was deleted.
    std::optional<MessageQuote> quoteOf(qint64 seq) const;
    // Someone's reaction to message `seq` changed: `emoji` is on it `count` times now; `mine` when it was this user.
    // Ignored when the message is not loaded (its copy brings its counts when it is). False when nothing changed.
    bool applyReaction(qint64 seq, const QString &emoji, int count, std::optional<bool> mine);
    // The reactions on the confirmed message `seq` (empty when it has none or is not loaded).
    ReactionList reactionsOf(qint64 seq) const;
    // The row of the confirmed message `seq`, or -1 when it is not loaded.
    int rowOfSeq(qint64 seq) const;
    // The server's ack: the row gets seq and ts, becomes Sent, and moves into seq order if needed.
    void markSent(const QString &id, qint64 seq, qint64 ts);
    // The server rejected it: the row stays, Failed, for a retry; reason says why (FailureReasonRole).
    void markFailed(const QString &id, const QString &reason = {});
    // The user retries a failed message.
    void markPending(const QString &id);
    // The user gave up on a message that was not sent: its row goes.
    void removeUnconfirmed(const QString &id);

    // Forgets every row: the cached history does not join up with what the server sent. The one reset.
    void clear();
    // An older page from joined or history, prepended in one insertion; seqs already present are dropped.
    void prependHistory(const QList<Protocol::ChatMessage> &messages, bool more);
    // The history request sent for fetchMore() failed: let the next fetchMore() ask again.
    void cancelHistoryRequest() { m_historyRequested = false; }
    // False until a page says there is more; prependHistory({}, true) opens fetching for a conversation with none.
    bool hasMoreHistory() const { return m_hasMoreHistory; }
    qint64 oldestSeq() const; // oldest confirmed seq, 0 if none
    qint64 newestSeq() const; // newest confirmed seq, 0 if none
    QList<QString> pendingIds() const; // Pending rows in send order
    bool containsSeq(qint64 seq) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    // Emits historyRequested(oldestSeq()) once until the next prependHistory() or cancelHistoryRequest().
    void fetchMore(const QModelIndex &parent) override;

signals:
    void historyRequested(qint64 beforeSeq);
    void hasMoreHistoryChanged();

private:
    struct Presentation
    {
        bool firstOfGroup = false;
        bool dayChange = false;
    };

    // Changes the loaded message an Edit or Delete targets.
    void applyRevision(const Protocol::ChatMessage &revision);
    bool isOwn(int row) const;
    std::optional<Presentation> presentationAt(int row) const;
    QList<int> changedPresentationRoles(const std::optional<Presentation> &before, int row) const;
    void notifyPresentation(int row, const std::optional<Presentation> &before);

    void insertConfirmed(int position, const Protocol::ChatMessage &message);
    void confirmRow(int row, qint64 seq, qint64 ts, const Protocol::ChatMessage *message);
    void setUnconfirmedState(const QString &id, DeliveryState state);
    int unreadMarkerRow() const; // -1 if no row carries the line
    void notifyUnreadMarkerMoved(int formerRow);
    QString accessibleText(int row) const;
    void removeRowAt(int row);

    ConversationId m_conversation;
    std::unique_ptr<MessageRows> m_rows;
    QString m_ownName;
    QString m_ownKey;
    MentionMatcher m_mention;
    qint64 m_unreadMarker = 0;
    QHash<QString, QString> m_failureReasons; // by id; failed rows are few
    bool m_hasMoreHistory = false;
    bool m_historyRequested = false;
};

} // namespace Natter
