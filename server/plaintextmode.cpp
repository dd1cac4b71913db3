#include "plaintextmode.h"

#include "protocol.h"

namespace Natter::PlainTextMode {

using namespace Protocol;

Command parseCommand(const QString &line)
{
    // Line-oriented tools send their line ending along; it is not part of what was said.
    QString frame = line;
    while (frame.endsWith(u'\n') || frame.endsWith(u'\r'))
        frame.chop(1);
    if (frame == u"/help" || frame.startsWith(u"/help "))
        return {CommandKind::Help, {}};
    if (frame == u"/nick" || frame.startsWith(u"/nick "))
        return {CommandKind::Nick, frame.mid(5).trimmed()};
    if (frame == u"/password" || frame.startsWith(u"/password "))
        return {CommandKind::Password, frame.mid(10)};
    return {CommandKind::Say, frame};
}

QString welcomeLine(const QString &serverName, const QString &guestName)
{
    return QStringLiteral("Welcome to %1! You are %2 in #lobby. Type /help for commands.").arg(serverName, guestName);
}

QString helpText()
{
    return QStringLiteral("Everything you type is posted to #lobby.\n"
                          "/nick NAME  choose another name\n"
                          "/help       show this help");
}

QString passwordPrompt(const QString &serverName)
{
    return QStringLiteral("Welcome to %1! This server needs a password. Send: /password PASSWORD").arg(serverName);
}

QString admittedLine(const QString &guestName)
{
    return QStringLiteral("You are %1 in #lobby. Type /help for commands.").arg(guestName);
}

QString errorLine(const ProtocolError &error)
{
    return QStringLiteral("! ") + error.message;
}

namespace {

struct LineVisitor
{
    QString operator()(const MessageEvent &event) const
    {
        const ChatMessage &message = event.message;
        const QString privately = message.isDirect() ? QStringLiteral(" (private)") : QString();
        if (!message.isDirect() && message.room != lobbyRoom())
            return {};
        if (message.deleted)
            return {}; // the delete that emptied it has a line of its own
        if (message.kind == MessageKind::Edit)
            return QStringLiteral("* %1%2 edited: %3").arg(message.from, privately, message.text);
        if (message.kind == MessageKind::Delete)
            return QStringLiteral("* %1%2 deleted a message").arg(message.from, privately);
        if (message.kind == MessageKind::Action)
            return QStringLiteral("* %1%2 %3").arg(message.from, privately, message.text);
        if (message.replyTo > 0)
            return QStringLiteral("%1%2 (reply to %3): %4")
                .arg(message.from, privately, message.replyFrom, message.text);
        return QStringLiteral("%1%2: %3").arg(message.from, privately, message.text);
    }
    QString operator()(const Presence &presence) const
    {
        switch (presence.event) {
        case PresenceChange::Joined:
        case PresenceChange::Left:
            return presence.room == lobbyRoom() ? presenceLine(presence.event, {presence.name}) : QString();
        case PresenceChange::Renamed:
            return QStringLiteral("* %1 is now known as %2").arg(presence.previous, presence.name);
        }
        return {};
    }
    QString operator()(const TopicChanged &change) const
    {
        if (change.room != lobbyRoom())
            return {};
        return QStringLiteral("* %1 set the topic to: %2").arg(change.by, change.topic);
    }
    QString operator()(const ErrorEvent &error) const { return QStringLiteral("! ") + error.message; }
    template<typename Other> QString operator()(const Other &) const { return {}; }
};

} // namespace

QString lineFor(const ServerMessage &message)
{
    return std::visit(LineVisitor{}, message);
}

QString presenceLine(PresenceChange change, const QStringList &names)
{
    const QString verb = change == PresenceChange::Joined ? QStringLiteral("joined") : QStringLiteral("left");
    if (names.size() == 1)
        return QStringLiteral("* %1 %2").arg(names.first(), verb);
    if (names.size() <= NamesPerLine) {
        return QStringLiteral("* %1 and %2 %3")
            .arg(QStringList(names.first(names.size() - 1)).join(QStringLiteral(", ")), names.last(), verb);
    }
    return QStringLiteral("* %1 and %2 others %3")
        .arg(QStringList(names.first(NamesPerLine)).join(QStringLiteral(", ")),
             QString::number(names.size() - NamesPerLine), verb);
}

} // namespace Natter::PlainTextMode
