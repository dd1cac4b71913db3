#pragma once

// The members of the room being viewed, sorted by name, with who is typing right now. Every change by one member
// costs O(log n): a room of thousands, or a server that floods joins and leaves, does not stall the app.

#include <QAbstractListModel>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace Natter {

class MemberModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QStringList typingNames READ typingNames NOTIFY typingChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        IsSelfRole, // this member is the user (names compared by Protocol::nameKey)
        TypingRole, // a typing event arrived less than typingTimeout() ago, and no message since
        OnlineRole, // connected now, as far as this app can tell (members of a room always are)
        GuestRole, // signed in without a key: the name is not theirs (the server's member list says so)
    };
    Q_ENUM(Role)

    static constexpr int DefaultTypingTimeout = 6000; // milliseconds

    explicit MemberModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString ownName() const;
    void setOwnName(const QString &name);

    // Names are matched by Protocol::nameKey: "Bob" and "bob" are one member.
    // A whole new list: resets the model and forgets who was typing. `guests` names those without a key.
    void setMembers(const QStringList &names, const QSet<QString> &guests = {});
    void addMember(const QString &name, bool guest = false); // a no-op if already a member
    void removeMember(const QString &name);
    void renameMember(const QString &oldName, const QString &newName); // keeps the typing state
    bool contains(const QString &name) const;
    // Members are online when added; a direct conversation's partner may not be.
    void setOnline(const QString &name, bool online);
    bool isOnline(const QString &name) const;
    void setGuest(const QString &name, bool guest);
    QStringList names() const; // in row order

    int typingTimeout() const;
    void setTypingTimeout(int milliseconds); // applies to the next setTyping()
    // The member is typing; it ends after typingTimeout() or at clearTyping(). The user's own echo is ignored.
    void setTyping(const QString &name);
    void clearTyping(const QString &name); // a message from that member arrived
    bool isTyping(const QString &name) const;
    QStringList typingNames() const; // in row order, for "X is typing…"

signals:
    void typingChanged();

private:
    struct Member
    {
        QString name;
        QString key; // Protocol::nameKey(name)
        bool typing = false;
        bool online = true;
        bool guest = false;
    };

    static bool sortsBefore(const Member &a, const Member &b);
    // Found by name key in the index, then by binary search in the sorted rows: no event rescans the list.
    int rowOf(const QString &name) const;
    int insertionRow(const Member &member) const;
    int moveToSortedRow(int row);
    bool isSelf(const Member &member) const;
    void notifyChanged(int row, const QList<int> &roles);
    void scheduleTypingExpiry();
    void expireTyping();

    // Rows hold pointers, so an insertion in the middle moves eight bytes a row.
    std::vector<std::unique_ptr<Member>> m_members;
    QHash<QString, Member *> m_byKey; // name key -> member
    QHash<QString, QDeadlineTimer> m_typingEnds; // name key -> when the typing shown ends, for those typing
    QString m_ownName;
    QString m_ownKey;
    int m_typingTimeout = DefaultTypingTimeout;
    // One timer for everyone, set to the earliest deadline.
    QTimer m_typingTimer;
};

} // namespace Natter
