#pragma once

// The reactions on the messages of one conversation, kept beside the rows by seq: most messages have none, and a
// row has no room for a list.

#include "chatmessage.h"

#include <QHash>
#include <QList>

#include <optional>

namespace Natter {

using ReactionList = QList<Protocol::ReactionCount>;

class MessageReactions
{
public:
    // The most different emoji kept on one message, whatever a server sends.
    static constexpr int MaxPerMessage = 1000;

    ReactionList of(qint64 seq) const { return m_bySeq.value(seq); }
    // Replaces what message `seq` carries (from the server's or the cache's copy of it).
    void set(qint64 seq, const ReactionList &reactions);
    // One emoji's count on message `seq` is now `count` (0 removes it); `mine` when this user's own changed.
    // False when nothing changed.
    bool apply(qint64 seq, const QString &emoji, int count, std::optional<bool> mine);
    // The same change to a list of its own.
    static bool applyTo(ReactionList &reactions, const QString &emoji, int count, std::optional<bool> mine);
    void remove(qint64 seq) { m_bySeq.remove(seq); }
    void clear() { m_bySeq.clear(); }

    // Whether `emoji` can go on a message carrying `reactions` on a server that takes at most `maxDistinct`
    // different emoji per message: always when it is there already (more people on it), else while there is room.
    static bool takes(const ReactionList &reactions, const QString &emoji, int maxDistinct);

    // The counts as the cache keeps them (JSON), and back; anything unreadable reads as none.
    static QString encode(const ReactionList &reactions);
    static ReactionList decode(const QString &text);

private:
    QHash<qint64, ReactionList> m_bySeq;
};

} // namespace Natter
