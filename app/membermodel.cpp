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
    const Member &member = *m_members.at(index.row());
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
    if (row < 0 || m_members.at(row)->online == online)
        return;
    m_members.at(row)->online = online;
    notifyChanged(row, {OnlineRole});
}

void MemberModel::setGuest(const QString &name, bool guest)
{
    const int row = rowOf(name);
    if (row < 0 || m_members.at(row)->guest == guest)
        return;
    m_members.at(row)->guest = guest;
    notifyChanged(row, {GuestRole});
}

bool MemberModel::isOnline(const QString &name) const
{
    const Member *member = m_byKey.value(Protocol::nameKey(name));
    return member && member->online;
}

QString MemberModel::ownName() const
{
    return m_ownName;
}

void MemberModel::setOwnName(const QString &name)
{
    const QString previousName = std::exchange(m_ownName, name);
    const QString previousKey = std::exchange(m_ownKey, Protocol::nameKey(name));
    if (previousKey == m_ownKey)
        return;
    for (const QString &changed : {previousName, name}) {
        if (const int row = rowOf(changed); row >= 0)
            notifyChanged(row, {IsSelfRole});
    }
    clearTyping(name); // the user is never shown as typing
}

void MemberModel::setMembers(const QStringList &names, const QSet<QString> &guests)
{
    std::vector<std::unique_ptr<Member>> members;
    QHash<QString, Member *> byKey;
    members.reserve(size_t(names.size()));
    byKey.reserve(names.size());
    for (const QString &name : names) {
        const QString key = Protocol::nameKey(name);
        if (name.isEmpty() || byKey.contains(key))
            continue;
        auto member = std::make_unique<Member>(Member{name, key});
        member->guest = guests.contains(name);
        byKey.insert(key, member.get());
        members.push_back(std::move(member));
    }
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return sortsBefore(*a, *b); });

    const bool anyoneWasTyping = !m_typingEnds.isEmpty();
    beginResetModel();
    m_members = std::move(members);
    m_byKey = std::move(byKey);
    m_typingEnds.clear();
    endResetModel();
    m_typingTimer.stop();
    if (anyoneWasTyping)
        emit typingChanged();
}

void MemberModel::addMember(const QString &name, bool guest)
{
    if (name.isEmpty() || contains(name))
        return;
    auto member = std::make_unique<Member>(Member{name, Protocol::nameKey(name)});
    member->guest = guest;
    const int row = insertionRow(*member);
    beginInsertRows({}, row, row);
    m_byKey.insert(member->key, member.get());
    m_members.insert(m_members.begin() + row, std::move(member));
    endInsertRows();
}

void MemberModel::removeMember(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    const std::unique_ptr<Member> removed = std::move(m_members.at(row));
    m_members.erase(m_members.begin() + row);
    m_byKey.remove(removed->key);
    m_typingEnds.remove(removed->key);
    endRemoveRows();
    if (removed->typing) {
        scheduleTypingExpiry();
        emit typingChanged();
    }
}

void MemberModel::renameMember(const QString &oldName, const QString &newName)
{
    int row = rowOf(oldName);
    if (row < 0 || newName.isEmpty() || m_members.at(row)->name == newName)
        return;
    const int taken = rowOf(newName);
    if (taken >= 0 && taken != row) {
        removeMember(oldName); // the new name is listed already: one row per person
        return;
    }

    Member &member = *m_members.at(row);
    const bool wasSelf = isSelf(member);
    const QString oldKey = member.key;
    member.name = newName;
    member.key = Protocol::nameKey(newName);
    m_byKey.remove(oldKey);
    m_byKey.insert(member.key, &member);
    if (member.typing)
        m_typingEnds.insert(member.key, m_typingEnds.take(oldKey));
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
    return !name.isEmpty() && m_byKey.contains(Protocol::nameKey(name));
}

QStringList MemberModel::names() const
{
    QStringList result;
    result.reserve(qsizetype(m_members.size()));
    for (const auto &member : m_members)
        result.append(member->name);
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
    if (row < 0 || isSelf(*m_members.at(row)))
        return;
    Member &member = *m_members.at(row);
    m_typingEnds.insert(member.key, QDeadlineTimer(m_typingTimeout, Qt::PreciseTimer));
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
    if (row < 0 || !m_members.at(row)->typing)
        return;
    m_members.at(row)->typing = false;
    m_typingEnds.remove(m_members.at(row)->key);
    scheduleTypingExpiry();
    notifyChanged(row, {TypingRole});
    emit typingChanged();
}

bool MemberModel::isTyping(const QString &name) const
{
    const Member *member = m_byKey.value(Protocol::nameKey(name));
    return member && member->typing;
}

QStringList MemberModel::typingNames() const
{
    QList<const Member *> typing;
    for (auto it = m_typingEnds.cbegin(); it != m_typingEnds.cend(); ++it)
        typing.append(m_byKey.value(it.key()));
    std::sort(typing.begin(), typing.end(), [](const Member *a, const Member *b) { return sortsBefore(*a, *b); });
    QStringList result;
    for (const Member *member : std::as_const(typing))
        result.append(member->name);
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
    const Member *member = m_byKey.value(Protocol::nameKey(name));
    if (!member)
        return -1;
    const int row = insertionRow(*member);
    Q_ASSERT(row < int(m_members.size()) && m_members.at(row).get() == member);
    return row;
}

// The first row that does not sort before the member: its own row when it is listed, else where it goes.
int MemberModel::insertionRow(const Member &member) const
{
    const auto found = std::lower_bound(m_members.cbegin(), m_members.cend(), member,
                                        [](const auto &listed, const Member &m) { return sortsBefore(*listed, m); });
    return int(found - m_members.cbegin());
}

// Puts a renamed member back in order with one move, and returns its row.
int MemberModel::moveToSortedRow(int row)
{
    // Taken out, the others are still in order: the renamed member goes where a binary search among them says.
    std::unique_ptr<Member> moved = std::move(m_members.at(row));
    m_members.erase(m_members.begin() + row);
    const int target = insertionRow(*moved);
    m_members.insert(m_members.begin() + row, std::move(moved));
    if (target == row)
        return row;
    // beginMoveRows wants the row before which it goes, counted while the moved row is still in place.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    moved = std::move(m_members.at(row));
    m_members.erase(m_members.begin() + row);
    m_members.insert(m_members.begin() + target, std::move(moved));
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

// Looks only at those typing: a handful, whatever the size of the room.
void MemberModel::scheduleTypingExpiry()
{
    qint64 soonest = -1;
    for (const QDeadlineTimer &ends : std::as_const(m_typingEnds)) {
        const qint64 remaining = ends.remainingTime();
        soonest = soonest < 0 ? remaining : std::min(soonest, remaining);
    }
    if (soonest < 0)
        m_typingTimer.stop();
    else
        m_typingTimer.start(int(soonest));
}

void MemberModel::expireTyping()
{
    QStringList ended;
    for (auto it = m_typingEnds.cbegin(); it != m_typingEnds.cend(); ++it) {
        if (it.value().hasExpired())
            ended.append(it.key());
    }
    for (const QString &key : std::as_const(ended)) {
        m_typingEnds.remove(key);
        Member *member = m_byKey.value(key);
        member->typing = false;
        notifyChanged(rowOf(member->name), {TypingRole});
    }
    scheduleTypingExpiry();
    if (!ended.isEmpty())
        emit typingChanged();
}

} // namespace Natter
