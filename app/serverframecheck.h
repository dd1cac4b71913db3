#pragma once

// What the app accepts from a server: names and room names the protocol allows, seqs of 1 and more, topics and
// texts within the rules. A server is trusted with nothing that could fake a person on screen (bidi overrides,
// invisible characters), name a file or cache entry it should not, or break the order of history.

#include "servermessages.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Natter {

class ServerFrameCheck
{
public:
    // The most different emoji a message may carry from any server (servers allow 20 unless told otherwise).
    static constexpr int MaxReactionsPerMessage = 1000;

    // Why the frame must be ignored, or nullopt if it may be used. Member lists are not checked here: use
    // acceptableNames() on them.
    static std::optional<QString> problemWith(const Protocol::ServerMessage &message);
    // The names of a list that are valid, in order.
    static QStringList acceptableNames(const QStringList &names);
    // The rooms of a list with a valid name and topic, in order.
    static QList<Protocol::RoomSummary> acceptableRooms(const QList<Protocol::RoomSummary> &rooms);

private:
    static std::optional<QString> problemWith(const Protocol::ChatMessage &message);
};

} // namespace Natter
