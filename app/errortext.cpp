#include "errortext.h"

#include "clientmessages.h"
#include "invitelink.h"
#include "validation.h"

namespace Natter {

using Protocol::ErrorCode;

QString ErrorText::describe(const Protocol::ErrorEvent &error, const Subject &subject)
{
    switch (error.code) {
    case ErrorCode::NameTaken:
        return subject.name.isEmpty() ? tr("Someone here already uses that name.")
                                      : tr("Someone here already uses the name %1.").arg(subject.name);
    case ErrorCode::NameOwned:
        return subject.name.isEmpty()
            ? tr("That name belongs to someone else on this server. Choose another name.")
            : tr("The name %1 belongs to someone else on this server, or looks too much like a name that does. "
                 "Choose another name.")
                  .arg(subject.name);
    case ErrorCode::NameInvalid:
        // The client knows the rule the server applied, and says it in the user's language.
        if (const auto problem = Protocol::validateName(subject.name.isEmpty() ? subject.peer : subject.name))
            return problem->message;
        return tr("That name cannot be used here.");
    case ErrorCode::RoomInvalid:
        if (const auto problem = Protocol::validateRoomName(subject.room))
            return problem->message;
        return tr("That is not a valid room name.");
    case ErrorCode::AuthFailed:
        if (error.ref == Protocol::Prove::Type)
            return tr("The server did not accept the proof of your identity. If you reach it through another server "
                      "or a proxy that decrypts the connection, join it directly.");
        return tr("The password is not right.");
    case ErrorCode::NotInRoom:
        return subject.room.isEmpty() ? tr("You are not in that room any more.")
                                      : tr("You are not in #%1 any more.").arg(subject.room);
    case ErrorCode::TooManyRooms:
        return tr("No more rooms can be joined or created now: you are in as many rooms as this server allows, it "
                  "has as many rooms as it can hold, or you have made as many new rooms as it lets one person make "
                  "for now. Join an existing room, or try again later.");
    case ErrorCode::UserUnknown:
        return subject.peer.isEmpty()
            ? tr("That person is not online. Messages can only be sent to people who are online.")
            : tr("%1 is not online. Messages can only be sent to people who are online.").arg(subject.peer);
    case ErrorCode::RecipientOffline:
        return subject.peer.isEmpty()
            ? tr("That person is a guest who is not online now, so the message cannot wait for them.")
            : tr("%1 is a guest who is not online now, so the message cannot wait for them.").arg(subject.peer);
    case ErrorCode::MessageUnknown:
        return tr("That message is no longer there to change: it was deleted, or never reached the server.");
    case ErrorCode::NotYours:
        return tr("Only the person who sent a message can change it, and only when they own their name here.");
    case ErrorCode::QueryInvalid:
        return tr("Search for at least one word, in fewer than 200 characters.");
    case ErrorCode::EmojiInvalid:
        return tr("A reaction must be a single emoji.");
    case ErrorCode::TooManyReactions:
        return tr("That message already has as many different reactions as this server allows.");
    case ErrorCode::TextInvalid:
        return tr("The message is empty or holds characters that cannot be sent.");
    case ErrorCode::TopicInvalid:
        return tr("That topic is too long or holds characters that cannot be used.");
    case ErrorCode::TooLarge:
        return tr("The message is longer than this server accepts.");
    case ErrorCode::RateLimited:
        return tr("You are sending faster than the server allows. Wait a moment.");
    case ErrorCode::ServerFull:
        return tr("The server is full, or has too many connections from your address.");
    case ErrorCode::TlsRequired:
        return tr("This server accepts encrypted connections only. Join with its invite link, which starts with "
                  "wss://.");
    case ErrorCode::StorageUnavailable:
        return tr("The server cannot save messages right now. Yours are kept and sent again by themselves.");
    case ErrorCode::InternalError:
        return tr("The server could not save that. Try again.");
    case ErrorCode::BadRequest:
    case ErrorCode::UnknownType:
    case ErrorCode::HelloRequired:
    case ErrorCode::AlreadyWelcomed:
        break;
    }
    return tr("The server did not accept a request from this app (%1).").arg(Protocol::errorCodeWord(error.code));
}

QString ErrorText::socketError(QAbstractSocket::SocketError error, const QUrl &url)
{
    const QString host = url.host();
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("Nobody is accepting chats at %1. Is the chat still hosted there?").arg(url.toDisplayString());
    case QAbstractSocket::HostNotFoundError:
        return tr("No computer called %1 was found on the network.").arg(host);
    case QAbstractSocket::RemoteHostClosedError:
        return tr("%1 closed the connection before the chat could start.").arg(host);
    case QAbstractSocket::SocketTimeoutError:
        return tr("%1 did not answer in time.").arg(host);
    case QAbstractSocket::NetworkError:
        return tr("The network is not reachable. Check the connection of this computer.");
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError: {
        // Most often a server started without encryption (--no-tls): say where it can be reached instead.
        QUrl plain = Protocol::InviteLink::address(url);
        plain.setScheme(QStringLiteral("ws"));
        if (plain.port() < 0)
            plain.setPort(443);
        return tr("A secure connection to %1 could not be set up. If the host runs its chat without encryption, "
                  "join at %2 instead.")
            .arg(host, plain.adjusted(QUrl::StripTrailingSlash).toDisplayString());
    }
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return tr("The network proxy did not let the connection through.");
    default:
        return tr("The connection to %1 failed.").arg(host);
    }
}

} // namespace Natter
