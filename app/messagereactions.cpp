#include "messagereactions.h"

#include "emoji.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Natter {

void MessageReactions::set(qint64 seq, const ReactionList &reactions)
{
    if (reactions.isEmpty())
        m_bySeq.remove(seq);
    else
        m_bySeq.insert(seq, reactions.first(std::min<qsizetype>(reactions.size(), MaxPerMessage)));
}

bool MessageReactions::takes(const ReactionList &reactions, const QString &emoji, int maxDistinct)
{
    const bool there =
        std::any_of(reactions.cbegin(), reactions.cend(),
                    [&emoji](const Protocol::ReactionCount &reaction) { return reaction.emoji == emoji; });
    return there || reactions.size() < maxDistinct;
}

bool MessageReactions::apply(qint64 seq, const QString &emoji, int count, std::optional<bool> mine)
{
    ReactionList reactions = m_bySeq.value(seq);
    if (!applyTo(reactions, emoji, count, mine))
        return false;
    set(seq, reactions);
    return true;
}

bool MessageReactions::applyTo(ReactionList &reactions, const QString &emoji, int count, std::optional<bool> mine)
{
    const auto found =
        std::find_if(reactions.begin(), reactions.end(),
                     [&emoji](const Protocol::ReactionCount &reaction) { return reaction.emoji == emoji; });
    if (count <= 0) {
        if (found == reactions.end())
            return false;
        reactions.erase(found);
    } else if (found == reactions.end()) {
        if (reactions.size() >= MaxPerMessage)
            return false;
        reactions.append({emoji, count, mine.value_or(false)});
    } else {
        if (found->count == count && (!mine || found->mine == *mine))
            return false;
        found->count = count;
        if (mine)
            found->mine = *mine;
    }
    return true;
}

QString MessageReactions::encode(const ReactionList &reactions)
{
    if (reactions.isEmpty())
        return QStringLiteral("");
    QJsonArray array;
    for (const Protocol::ReactionCount &reaction : reactions)
        array.append(reaction.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

ReactionList MessageReactions::decode(const QString &text)
{
    ReactionList reactions;
    if (text.isEmpty())
        return reactions;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Protocol::ReactionCount reaction{object.value(QStringLiteral("emoji")).toString(),
                                         object.value(QStringLiteral("count")).toInt(),
                                         object.value(QStringLiteral("mine")).toBool()};
        if (reaction.count > 0 && Protocol::isSingleEmoji(reaction.emoji) && reactions.size() < MaxPerMessage)
            reactions.append(reaction);
    }
    return reactions;
}

} // namespace Natter
