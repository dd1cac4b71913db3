#include "serverframecheck.h"

#include "emoji.h"
#include "overloaded.h"
#include "validation.h"

namespace Natter {

using namespace Protocol;

namespace {

bool isName(const QString &name)
{
    return !validateName(name);
}

bool isRoom(const QString &room)
{
    return !validateRoomName(room);
}

// A topic the server stored came through validateTopic there; its length limit is the server's own business.
bool isTopic(const QString &topic)
{
    return !validateTopic(topic, std::numeric_limits<int>::max());
}

} // namespace

std::optional<QString> ServerFrameCheck::problemWith(const ChatMessage &message)
{
    if (message.seq < 1)
        return QStringLiteral("a message without a seq of 1 or more");
    if (!isName(message.from))
        return QStringLiteral("a message from an invalid name");
    if (message.isDirect() ? !isName(message.to) : !isRoom(message.room))
        return QStringLiteral("a message to an invalid room or name");
    if (message.reactions.size() > MaxReactionsPerMessage)
        return QStringLiteral("a message with more reactions than any server allows");
    for (const ReactionCount &reaction : message.reactions) {
        if (!isSingleEmoji(reaction.emoji))
            return QStringLiteral("a message with a reaction that is not one emoji");
    }
    return std::nullopt;
}

std::optional<QString> ServerFrameCheck::problemWith(const ServerMessage &message)
{
    return std::visit(
        Overloaded{
            [](const Welcome &welcome) -> std::optional<QString> {
                if (!isName(welcome.name))
                    return QStringLiteral("welcome gives an invalid name");
                return std::nullopt;
            },
            [](const Joined &joined) -> std::optional<QString> {
                if (!isRoom(joined.room) || !isTopic(joined.topic))
                    return QStringLiteral("joined names an invalid room or topic");
                for (const ChatMessage &message : joined.history) {
                    if (auto problem = problemWith(message))
                        return problem;
                }
                return std::nullopt;
            },
            [](const MessageEvent &event) { return problemWith(event.message); },
            [](const Ack &ack) -> std::optional<QString> {
                if (ack.seq < 1)
                    return QStringLiteral("an ack without a seq of 1 or more");
                return std::nullopt;
            },
            [](const Presence &presence) -> std::optional<QString> {
                const bool renamed = presence.event == PresenceChange::Renamed;
                if (!isName(presence.name) || (renamed && !isName(presence.previous))
                    || (!presence.room.isEmpty() && !isRoom(presence.room)))
                    return QStringLiteral("presence with an invalid name or room");
                return std::nullopt;
            },
            [](const RoomList &) -> std::optional<QString> { return std::nullopt; }, // filtered where used
            [](const HistoryPage &page) -> std::optional<QString> {
                if (page.room.isEmpty() ? !isName(page.to) : !isRoom(page.room))
                    return QStringLiteral("history for an invalid room or name");
                for (const ChatMessage &message : page.messages) {
                    if (auto problem = problemWith(message))
                        return problem;
                }
                return std::nullopt;
            },
            [](const TypingEvent &typing) -> std::optional<QString> {
                if (!isName(typing.name) || (!typing.room.isEmpty() && !isRoom(typing.room)))
                    return QStringLiteral("typing with an invalid name or room");
                return std::nullopt;
            },
            [](const TopicChanged &change) -> std::optional<QString> {
                if (!isRoom(change.room) || !isTopic(change.topic))
                    return QStringLiteral("a topic for an invalid room, or an invalid topic");
                return std::nullopt;
            },
            [](const ErrorEvent &) -> std::optional<QString> { return std::nullopt; },
            [](const Challenge &) -> std::optional<QString> { return std::nullopt; }, // the nonce's size is checked
            [](const ReactionEvent &event) -> std::optional<QString> {
                if ((event.room.isEmpty() ? !isName(event.to) : !isRoom(event.room)) || !isName(event.by)
                    || !isSingleEmoji(event.emoji))
                    return QStringLiteral("a reaction in an invalid room, by an invalid name, or not one emoji");
                return std::nullopt;
            },
            [](const ReactorList &list) -> std::optional<QString> {
                if ((list.room.isEmpty() ? !isName(list.to) : !isRoom(list.room)) || !isSingleEmoji(list.emoji)
                    || list.names.size() > ReactorList::MaxNames
                    || acceptableNames(list.names).size() != list.names.size())
                    return QStringLiteral("reactors of an invalid room or emoji, or too many names");
                return std::nullopt;
            },
            [](const SearchResults &results) -> std::optional<QString> {
                for (const SearchHit &hit : results.hits) {
                    if ((hit.room.isEmpty() ? !isName(hit.to) : !isRoom(hit.room)) || !isName(hit.from))
                        return QStringLiteral("a search hit in an invalid room or from an invalid name");
                }
                return std::nullopt;
            },
            [](const UnreadCounts &counts) -> std::optional<QString> {
                for (const UnreadCount &count : counts.conversations) {
                    if (count.room.isEmpty() ? !isName(count.to) : !isRoom(count.room))
                        return QStringLiteral("an unread count for an invalid room or name");
                }
                return std::nullopt;
            },
        },
        message);
}

QStringList ServerFrameCheck::acceptableNames(const QStringList &names)
{
    QStringList result;
    result.reserve(names.size());
    for (const QString &name : names) {
        if (isName(name))
            result.append(name);
    }
    return result;
}

QList<RoomSummary> ServerFrameCheck::acceptableRooms(const QList<RoomSummary> &rooms)
{
    QList<RoomSummary> result;
    result.reserve(rooms.size());
    for (const RoomSummary &room : rooms) {
        if (isRoom(room.name) && isTopic(room.topic))
            result.append({room.name, room.topic, std::max(0, room.members)});
    }
    return result;
}

} // namespace Natter
