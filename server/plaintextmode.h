#pragma once

// The plain-text dialect for WebSocket clients that do not speak natter.v1: one line per frame.

#include "servermessages.h"

#include <QString>

namespace Natter::PlainTextMode {

enum class CommandKind { Say, Nick, Help, Password };

struct Command
{
    CommandKind kind = CommandKind::Say;
    QString argument; // the text to say, or the requested name
};

Command parseCommand(const QString &line);

QString welcomeLine(const QString &serverName, const QString &guestName);
QString helpText();
QString passwordPrompt(const QString &serverName);
QString admittedLine(const QString &guestName);
QString errorLine(const Protocol::ProtocolError &error);

// What a plain-text client sees of a server event; empty when it sees nothing of it.
QString lineFor(const Protocol::ServerMessage &message);

// "* a joined", "* a and b joined", "* a, b, c, d, e and 3 others left": one line for one or more lobby
// arrivals or departures (PresenceDigest folds bursts into it). At most NamesPerLine names are listed.
constexpr int NamesPerLine = 5;
QString presenceLine(Protocol::PresenceChange change, const QStringList &names);

} // namespace Natter::PlainTextMode
