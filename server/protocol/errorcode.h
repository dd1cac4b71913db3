#pragma once

// The stable machine words of error.code, and the error value every rejection carries.

#include <QString>

#include <optional>

namespace Natter::Protocol {

enum class ErrorCode {
    BadRequest,
    UnknownType,
    HelloRequired,
    AlreadyWelcomed,
    NameTaken,
    NameOwned,
    NameInvalid,
    AuthFailed,
    RoomInvalid,
    NotInRoom,
    TooManyRooms,
    UserUnknown,
    RecipientOffline,
    MessageUnknown,
    NotYours,
    QueryInvalid,
    EmojiInvalid,
    TooManyReactions,
    TextInvalid,
    TopicInvalid,
    TooLarge,
    RateLimited,
    ServerFull,
    TlsRequired,
    StorageUnavailable,
    InternalError,
};

QString errorCodeWord(ErrorCode code);
std::optional<ErrorCode> errorCodeFromWord(const QString &word);

struct ProtocolError
{
    ErrorCode code = ErrorCode::BadRequest;
    QString message;

    friend bool operator==(const ProtocolError &, const ProtocolError &) = default;
};

} // namespace Natter::Protocol
