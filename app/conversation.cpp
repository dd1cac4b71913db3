#include "conversation.h"

#include "chatclient.h"
#include "clientlogging.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "validation.h"

#include <utility>

namespace Natter {

using Protocol::ChatMessage;

Conversation::Conversation(const ConversationId &id, ChatClient *client, ClientCache *cache, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_client(client)
    , m_cache(cache)
    , m_messages(new MessageModel(id, this))
    , m_members(new MemberModel(this))
    , m_pending(id, m_messages)
    , m_joined(!id.isRoom())
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(0);
    connect(&m_saveTimer, &QTimer::timeout, this, &Conversation::saveRecord);
    connect(m_messages, &MessageModel::historyRequested, this, &Conversation::loadOlder);
    if (!id.isRoom())
        m_memberCount = 2;
    // What the cache holds counts as seen, restored or not: a later page that does not join up with it must be
    // recognised as a gap, not shown after it.
    if (cache)
        m_lastSeq = cache->newestSeq(id);
}

Conversation::~Conversation()
{
    if (m_saveTimer.isActive())
        saveRecord();
}

QString Conversation::title() const
{
    return m_id.isRoom() ? QStringLiteral("#") + m_id.name : m_id.name;
}

ClientCache::ConversationRecord Conversation::record() const
{
    ClientCache::ConversationRecord record;
    record.id = m_id;
    record.topic = m_topic;
    record.memberCount = m_memberCount;
    record.unread = m_unread;
    record.unreadMentions = m_unreadMentions;
    record.lastReadSeq = m_lastReadSeq;
    record.lastActivity = m_lastActivity;
    record.draft = m_draft;
    record.joined = m_joined;
    record.olderOnServer = m_olderOnServer;
    return record;
}

void Conversation::restore(const ClientCache::ConversationRecord &record)
{
    m_topic = record.topic;
    m_memberCount = m_id.isRoom() ? record.memberCount : 2;
    m_unread = record.unread;
    m_unreadMentions = std::min(record.unreadMentions, record.unread);
    m_lastReadSeq = record.lastReadSeq;
    m_lastActivity = record.lastActivity;
    m_draft = record.draft;
    m_joined = m_id.isRoom() ? record.joined : true;
    m_olderOnServer = record.olderOnServer;
    if (m_cache)
        m_lastSeq = std::max(m_lastSeq, m_cache->newestSeq(m_id));
    emit summaryChanged();
}

void Conversation::changed()
{
    emit summaryChanged();
    if (m_cache && !m_saveTimer.isActive())
        m_saveTimer.start();
}

void Conversation::saveRecord()
{
    m_saveTimer.stop();
    if (m_cache)
        m_cache->saveConversation(record());
}

void Conversation::setOwnName(const QString &name)
{
    m_ownName = name;
    m_mention = MentionMatcher(name);
    m_messages->setOwnName(name);
    m_members->setOwnName(name);
    if (!m_id.isRoom()) {
        m_members->setMembers({name, m_id.name});
        m_members->setOnline(m_id.name, m_peerOnline);
        m_members->setGuest(m_id.name, m_peerGuest);
    }
}

void Conversation::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    changed();
}

void Conversation::setJoined(bool joined)
{
    if (!m_id.isRoom() || joined == m_joined)
        return;
    m_joined = joined;
    changed();
}

void Conversation::setPeerOnline(bool online)
{
    if (m_id.isRoom() || online == m_peerOnline)
        return;
    m_peerOnline = online;
    m_members->setOnline(m_id.name, online);
    emit summaryChanged();
}

void Conversation::setPeerGuest(bool guest)
{
    if (m_id.isRoom() || guest == m_peerGuest)
        return;
    m_peerGuest = guest;
    m_members->setGuest(m_id.name, guest);
    emit summaryChanged();
}

void Conversation::setMembers(const QStringList &names)
{
    m_members->setMembers(names);
    setMemberCount(static_cast<int>(m_members->rowCount()));
}

void Conversation::addMember(const QString &name, bool guest)
{
    m_members->addMember(name, guest);
    setMemberCount(m_members->rowCount());
}

void Conversation::removeMember(const QString &name)
{
    m_members->removeMember(name);
    setMemberCount(m_members->rowCount());
}

void Conversation::renameMember(const QString &oldName, const QString &newName)
{
    m_members->renameMember(oldName, newName);
}

void Conversation::forgetMembers()
{
    if (m_id.isRoom()) {
        m_members->setMembers({}); // the count stays: it is what the room had when last seen
        if (m_memberCountCurrent) {
            m_memberCountCurrent = false;
            changed();
        }
    } else {
        setPeerOnline(false);
    }
}

void Conversation::setMemberCount(int count)
{
    if (!m_id.isRoom() || (count == m_memberCount && m_memberCountCurrent))
        return;
    m_memberCount = count;
    m_memberCountCurrent = true;
    changed();
}

void Conversation::setTyping(const QString &name)
{
    m_members->setTyping(name);
}

bool Conversation::showsEverything() const
{
    // Until it is opened, a conversation with a cache leaves its messages there: a replay of thousands of
    // messages in rooms nobody looks at costs no memory. Without a cache, the model is the only place.
    return m_opened || m_messages->rowCount() > 0 || !m_cache || !m_cache->isOpen();
}

void Conversation::noteActivity(qint64 ts)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ts);
    if (!m_lastActivity.isValid() || when > m_lastActivity)
        m_lastActivity = when;
}

void Conversation::applyJoined(const Protocol::Joined &joined)
{
    m_joined = true;
    m_topic = joined.topic;
    QSet<QString> guests;
    for (const QString &name : joined.members) {
        if (!joined.keys.contains(name))
            guests.insert(name);
    }
    m_members->setMembers(joined.members, guests);
    m_memberCount = m_members->rowCount();
    m_memberCountCurrent = true;
    if (!joined.history.isEmpty()) {
        const qint64 first = joined.history.constFirst().seq;
        if (m_lastSeq > 0 && first > m_lastSeq + 1) {
            // Messages were missed between the cache and this page: what is cached no longer joins up.
            forgetHistoryBefore(first);
            m_olderOnServer = joined.more;
        } else if (m_lastSeq == 0) {
            m_olderOnServer = joined.more;
        }
        if (m_cache)
            m_cache->addMessages(m_id, joined.history);
        const bool olderCached = m_cache && m_cache->oldestSeq(m_id) < first;
        if (showsEverything())
            m_messages->prependHistory(joined.history, olderCached || m_olderOnServer);
        for (const ChatMessage &message : joined.history) {
            m_lastSeq = std::max(m_lastSeq, message.seq);
            noteActivity(message.ts);
        }
    }
    if (joined.unread && !applyServerReadPosition(joined.unread->read, joined.unread->unread, joined.unread->mentions))
        emit readUpTo(m_lastReadSeq); // this app read further than the server knows: tell it
    changed();
}

void Conversation::forgetHistoryBefore(qint64 seq)
{
    if (m_cache)
        m_cache->removeMessagesBefore(m_id, seq);
    m_messages->clear();
    m_pending.showAgain(m_ownName);
    m_olderOnServer = true;
}

bool Conversation::contradictsCache(const ChatMessage &message) const
{
    if (!m_cache || message.seq > m_lastSeq)
        return false;
    const QString known = m_cache->idAt(m_id, message.seq);
    return !known.isEmpty() && known != message.id;
}

void Conversation::addMessage(const ChatMessage &message, bool seen)
{
    if (contradictsCache(message)) {
        // The server's history is not the one cached (its database was replaced, or another chat now answers
        // at this address): forget the cached one rather than mix them.
        qCWarning(lcClient) << "the history of" << m_id.key() << "changed on the server; forgetting the cached one";
        forgetHistoryBefore(std::numeric_limits<qint64>::max());
        m_lastSeq = 0;
        m_lastReadSeq = 0;
        m_unread = 0;
        m_unreadMentions = 0;
    }
    const bool isNew = message.seq > m_lastSeq;
    if (isNew && m_lastSeq > 0 && message.seq > m_lastSeq + 1 && m_messages->containsSeq(m_lastSeq)) {
        // A gap the server did not fill: older messages are fetched again rather than shown out of order.
        forgetHistoryBefore(message.seq);
    }
    if (showsEverything())
        m_messages->addMessage(message);
    if (m_cache)
        m_cache->addMessage(m_id, message);
    m_lastSeq = std::max(m_lastSeq, message.seq);
    const bool own = Protocol::nameKey(message.from) == Protocol::nameKey(m_ownName);
    if (Protocol::isRevision(message.kind)) {
        // It changed a message already counted (or read): nothing new to read or be told about.
        if (own || seen)
            m_lastReadSeq = std::max(m_lastReadSeq, message.seq);
        changed();
        return;
    }
    m_members->clearTyping(message.from);
    noteActivity(message.ts);

    if (own || seen) {
        m_lastReadSeq = std::max(m_lastReadSeq, message.seq);
        if (!own)
            emit readUpTo(m_lastReadSeq);
    } else if (isNew && message.seq > m_lastReadSeq) {
        const bool mention = !m_id.isRoom() || m_mention.matches(message.text);
        ++m_unread;
        if (mention && m_id.isRoom())
            ++m_unreadMentions;
        emit unseenMessage(message, mention);
    }
    changed();
}

void Conversation::addPending(const OutgoingMessage &message)
{
    if (!m_pending.add(message, m_ownName))
        return; // it changes a row once the server has it, and makes none
    noteActivity(QDateTime::currentMSecsSinceEpoch());
    changed();
}

void Conversation::markSent(const QString &id, qint64 seq, qint64 ts)
{
    m_messages->markSent(id, seq, ts);
    if (const auto stored = m_pending.take(id, seq, ts, m_ownName)) {
        if (Protocol::isRevision(stored->kind) && showsEverything())
            m_messages->addMessage(*stored);
        if (m_cache)
            m_cache->addMessage(m_id, *stored);
    }
    m_lastSeq = std::max(m_lastSeq, seq);
    m_lastReadSeq = std::max(m_lastReadSeq, seq);
    changed();
}

void Conversation::markFailed(const QString &id, const QString &reason)
{
    m_messages->markFailed(id, reason);
}

void Conversation::discard(const QString &id)
{
    m_pending.discard(id);
}

void Conversation::markPending(const QString &id)
{
    m_messages->markPending(id);
}

void Conversation::addHistoryPage(const Protocol::HistoryPage &page)
{
    if (m_cache)
        m_cache->addMessages(m_id, page.messages);
    m_olderOnServer = page.more;
    m_messages->prependHistory(page.messages, page.more);
    for (const ChatMessage &message : page.messages) {
        m_lastSeq = std::max(m_lastSeq, message.seq);
        noteActivity(message.ts);
    }
    changed();
}

void Conversation::applyReaction(const Protocol::ReactionEvent &event, bool byMe)
{
    // A change takes a seq of its own: the next message follows it without a gap.
    if (event.rev == m_lastSeq + 1)
        m_lastSeq = event.rev;
    const std::optional<bool> mine = byMe ? std::optional<bool>(event.on) : std::nullopt;
    m_messages->applyReaction(event.seq, event.emoji, event.count, mine);
    if (m_cache)
        m_cache->applyReaction(m_id, event.seq, event.emoji, event.count, mine);
    changed();
}

void Conversation::react(qint64 seq, const QString &emoji, bool on)
{
    m_client->react(m_id, seq, emoji, on);
}

void Conversation::historyFailed(bool lostWithConnection)
{
    m_messages->cancelHistoryRequest();
    if (lostWithConnection)
        m_historyLost = true;
}

void Conversation::connected()
{
    // A conversation opened while offline shows nothing the cache lacks; without asking again here, a direct
    // conversation on a new computer would stay empty, as no view scrolls a list that has no rows.
    if (!std::exchange(m_historyLost, false))
        return;
    loadOlder(m_messages->oldestSeq());
}

void Conversation::loadOlder(qint64 beforeSeq)
{
    if (m_cache) {
        const QList<ChatMessage> page = m_cache->messages(m_id, beforeSeq, CachePageSize);
        if (!page.isEmpty()) {
            const bool olderCached = m_cache->oldestSeq(m_id) < page.constFirst().seq;
            m_messages->prependHistory(page, olderCached || m_olderOnServer);
            return;
        }
    }
    if (m_olderOnServer && m_client && m_joined) {
        m_client->requestHistory(m_id, beforeSeq);
        return;
    }
    m_messages->prependHistory({}, m_olderOnServer && m_joined);
}

void Conversation::open()
{
    if (!m_opened) {
        m_opened = true;
        if (m_messages->newestSeq() == 0)
            loadOlder(0);
    }
    if (m_unread == 0)
        m_messages->setUnreadMarker(0);
    else
        m_messages->setUnreadMarker(m_lastReadSeq > 0 ? m_lastReadSeq : MessageModel::BeforeFirstMessage);
}

bool Conversation::loadThrough(qint64 seq, int maxRows)
{
    if (!m_opened)
        open();
    if (m_messages->containsSeq(seq))
        return true;
    const qint64 oldestShown = m_messages->oldestSeq();
    if (!m_cache || seq <= 0 || oldestShown <= seq || m_cache->oldestSeq(m_id) > seq)
        return false; // newer than what is shown yet not in it (a gap), or older than the cache
    // Seqs of one conversation follow each other, so their difference is the number of rows to load.
    const qint64 rows = oldestShown - seq + CachePageSize / 2;
    if (rows > maxRows)
        return false;
    const QList<ChatMessage> page = m_cache->messages(m_id, oldestShown, int(rows));
    if (page.isEmpty())
        return false;
    const bool olderCached = m_cache->oldestSeq(m_id) < page.constFirst().seq;
    m_messages->prependHistory(page, olderCached || m_olderOnServer);
    return m_messages->containsSeq(seq);
}

void Conversation::close()
{
    m_messages->setUnreadMarker(0);
}

void Conversation::markAllRead()
{
    const qint64 newest = std::max(m_lastSeq, m_messages->newestSeq());
    if (m_unread == 0 && m_unreadMentions == 0 && m_lastReadSeq >= newest)
        return;
    m_lastReadSeq = std::max(m_lastReadSeq, newest);
    m_unread = 0;
    m_unreadMentions = 0;
    changed();
    emit readUpTo(m_lastReadSeq);
}

bool Conversation::applyServerReadPosition(qint64 read, int unread, int mentions)
{
    if (read < m_lastReadSeq)
        return false;
    const bool moved = read > m_lastReadSeq;
    m_lastReadSeq = read;
    m_unread = unread;
    // In a direct conversation every message is for the user: no separate mention count (as for live ones).
    m_unreadMentions = m_id.isRoom() ? std::min(mentions, unread) : 0;
    // Open already (on screen after a start on another computer): the "new messages" line goes where the user
    // stopped, not above everything.
    if (moved && m_opened)
        m_messages->setUnreadMarker(unread > 0 ? read : 0);
    changed();
    return true;
}

void Conversation::setDraft(const QString &draft)
{
    if (draft == m_draft)
        return;
    m_draft = draft;
    changed();
}

} // namespace Natter
