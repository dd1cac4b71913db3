#include "membermodel.h"

#include "validation.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace Natter {

MemberModel::MemberModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_typingTimer.setSingleShot(true);
    m_typingTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early, before any deadline passed
    connect(&m_typingTimer, &QTimer::timeout, this, &MemberModel::expireTyping);
}

int MemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &member = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return member.name;
    case IsSelfRole:
        return isSelf(member);
    case TypingRole:
        return member.typing;
    case OnlineRole:
        return member.online;
    case GuestRole:
        return member.guest;
    case Qt::AccessibleTextRole:
        if (isSelf(member))
            return tr("%1, you").arg(member.name);
        if (member.typing)
            return tr("%1, typing").arg(member.name);
        if (!member.online)
            return tr("%1, not online").arg(member.name);
        return member.guest ? tr("%1, guest").arg(member.name) : member.name;
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{NameRole, "name"},
                  {IsSelfRole, "isSelf"},
                  {TypingRole, "typing"},
                  {OnlineRole, "online"},
                  {GuestRole, "guest"}});
    return names;
}

void MemberModel::setOnline(const QString &name, bool online)
{
    const int row = rowOf(name);
    if (row < 0 || m_members.at(row).online == online)
        return;
    m_members[row].online = online;
    notifyChanged(row, {OnlineRole});
}

void MemberModel::setGuest(const QString &name, bool guest)
{
    const int row = rowOf(name);
    if (row < 0 || m_members.at(row).guest == guest)
        return;
    m_members[row].guest = guest;
    notifyChanged(row, {GuestRole});
}

bool MemberModel::isOnline(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 && m_members.at(row).online;
}

QString MemberModel::ownName() const
{
    return m_ownName;
}

void MemberModel::setOwnName(const QString &name)
{
    const QString previousKey = std::exchange(m_ownKey, Protocol::nameKey(name));
    m_ownName = name;
    if (previousKey == m_ownKey)
        return;
    for (int row = 0; row < m_members.size(); ++row) {
        const QString &key = m_members.at(row).key;
        if (key == previousKey || key == m_ownKey)
            notifyChanged(row, {IsSelfRole});
    }
    clearTyping(name); // the user is never shown as typing
}

void MemberModel::setMembers(const QStringList &names, const QSet<QString> &guests)
{
    QList<Member> members;
    QSet<QString> seen;
    for (const QString &name : names) {
        const QString key = Protocol::nameKey(name);
        if (name.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        Member member{name, key};
        member.guest = guests.contains(name);
        members.append(member);
    }
    std::sort(members.begin(), members.end(), sortsBefore);

    const bool anyoneWasTyping = !typingNames().isEmpty();
    beginResetModel();
    m_members = std::move(members);
    endResetModel();
    m_typingTimer.stop();
    if (anyoneWasTyping)
        emit typingChanged();
}

void MemberModel::addMember(const QString &name, bool guest)
{
    if (name.isEmpty() || contains(name))
        return;
    Member member{name, Protocol::nameKey(name)};
    member.guest = guest;
    const int row = sortedRow(member);
    beginInsertRows({}, row, row);
    m_members.insert(row, member);
    endInsertRows();
}

void MemberModel::removeMember(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    const Member removed = m_members.takeAt(row);
    endRemoveRows();
    if (removed.typing) {
        scheduleTypingExpiry();
        emit typingChanged();
    }
}

void MemberModel::renameMember(const QString &oldName, const QString &newName)
{
    int row = rowOf(oldName);
    if (row < 0 || newName.isEmpty() || m_members.at(row).name == newName)
        return;
    const int taken = rowOf(newName);
    if (taken >= 0 && taken != row) {
        removeMember(oldName); // the new name is listed already: one row per person
        return;
    }

    Member &member = m_members[row];
    const bool wasSelf = isSelf(member);
    member.name = newName;
    member.key = Protocol::nameKey(newName);
    const bool nowSelf = isSelf(member);
    const bool typing = member.typing;

    row = moveToSortedRow(row);
    QList<int> roles{Qt::DisplayRole, NameRole};
    if (wasSelf != nowSelf)
        roles.append(IsSelfRole);
    notifyChanged(row, roles);
    if (typing)
        emit typingChanged();
}

bool MemberModel::contains(const QString &name) const
{
    return rowOf(name) >= 0;
}

QStringList MemberModel::names() const
{
    QStringList result;
    result.reserve(m_members.size());
    for (const Member &member : m_members)
        result.append(member.name);
    return result;
}

int MemberModel::typingTimeout() const
{
    return m_typingTimeout;
}

void MemberModel::setTypingTimeout(int milliseconds)
{
    m_typingTimeout = std::max(0, milliseconds);
}

void MemberModel::setTyping(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0 || isSelf(m_members.at(row)))
        return;
    Member &member = m_members[row];
    member.typingEnds = QDeadlineTimer(m_typingTimeout, Qt::PreciseTimer);
    const bool started = !std::exchange(member.typing, true);
    scheduleTypingExpiry();
    if (started) {
        notifyChanged(row, {TypingRole});
        emit typingChanged();
    }
}

void MemberModel::clearTyping(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0 || !m_members.at(row).typing)
        return;
    m_members[row].typing = false;
    scheduleTypingExpiry();
    notifyChanged(row, {TypingRole});
    emit typingChanged();
}

bool MemberModel::isTyping(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 && m_members.at(row).typing;
}

QStringList MemberModel::typingNames() const
{
    QStringList result;
    for (const Member &member : m_members) {
        if (member.typing)
            result.append(member.name);
    }
    return result;
}

bool MemberModel::sortsBefore(const Member &a, const Member &b)
{
    const int folded = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : QString::compare(a.name, b.name) < 0;
}

int MemberModel::rowOf(const QString &name) const
{
    if (name.isEmpty())
        return -1;
    const QString key = Protocol::nameKey(name);
    const auto found =
        std::find_if(m_members.cbegin(), m_members.cend(), [&](const Member &member) { return member.key == key; });
    return found == m_members.cend() ? -1 : int(found - m_members.cbegin());
}

// The row the member belongs at among all the others (ignoredRow is where it is now, if it is listed).
int MemberModel::sortedRow(const Member &member, int ignoredRow) const
{
    int row = 0;
    for (int i = 0; i < m_members.size(); ++i) {
        if (i != ignoredRow && sortsBefore(m_members.at(i), member))
            ++row;
    }
    return row;
}

// Puts a renamed member back in order with one move, and returns its row.
int MemberModel::moveToSortedRow(int row)
{
    const int target = sortedRow(m_members.at(row), row);
    if (target == row)
        return row;
    // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_members.move(row, target);
    endMoveRows();
    return target;
}

bool MemberModel::isSelf(const Member &member) const
{
    return !m_ownKey.isEmpty() && member.key == m_ownKey;
}

void MemberModel::notifyChanged(int row, const QList<int> &roles)
{
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed, roles);
}

void MemberModel::scheduleTypingExpiry()
{
    qint64 soonest = -1;
    for (const Member &member : std::as_const(m_members)) {
        if (member.typing) {
            const qint64 remaining = member.typingEnds.remainingTime();
            soonest = soonest < 0 ? remaining : std::min(soonest, remaining);
        }
    }
    if (soonest < 0)
        m_typingTimer.stop();
    else
        m_typingTimer.start(int(soonest));
}

void MemberModel::expireTyping()
{
    bool anyEnded = false;
    for (int row = 0; row < m_members.size(); ++row) {
        Member &member = m_members[row];
        if (member.typing && member.typingEnds.hasExpired()) {
            member.typing = false;
            notifyChanged(row, {TypingRole});
            anyEnded = true;
        }
    }
    scheduleTypingExpiry();
    if (anyEnded)
        emit typingChanged();
}

} // namespace Natter
