#include "errorcode.h"

#include <array>
#include <utility>

namespace Natter::Protocol {

namespace {

const std::array<std::pair<ErrorCode, const char16_t *>, 26> &errorWords()
{
    static const std::array<std::pair<ErrorCode, const char16_t *>, 26> words{{
        {ErrorCode::BadRequest, u"bad_request"},
        {ErrorCode::UnknownType, u"unknown_type"},
        {ErrorCode::HelloRequired, u"hello_required"},
        {ErrorCode::AlreadyWelcomed, u"already_welcomed"},
        {ErrorCode::NameTaken, u"name_taken"},
        {ErrorCode::NameOwned, u"name_owned"},
        {ErrorCode::NameInvalid, u"name_invalid"},
        {ErrorCode::AuthFailed, u"auth_failed"},
        {ErrorCode::RoomInvalid, u"room_invalid"},
        {ErrorCode::NotInRoom, u"not_in_room"},
        {ErrorCode::TooManyRooms, u"too_many_rooms"},
        {ErrorCode::UserUnknown, u"user_unknown"},
        {ErrorCode::RecipientOffline, u"recipient_offline"},
        {ErrorCode::MessageUnknown, u"message_unknown"},
        {ErrorCode::NotYours, u"not_yours"},
        {ErrorCode::QueryInvalid, u"query_invalid"},
        {ErrorCode::EmojiInvalid, u"emoji_invalid"},
        {ErrorCode::TooManyReactions, u"too_many_reactions"},
        {ErrorCode::TextInvalid, u"text_invalid"},
        {ErrorCode::TopicInvalid, u"topic_invalid"},
        {ErrorCode::TooLarge, u"too_large"},
        {ErrorCode::RateLimited, u"rate_limited"},
        {ErrorCode::ServerFull, u"server_full"},
        {ErrorCode::TlsRequired, u"tls_required"},
        {ErrorCode::StorageUnavailable, u"storage_unavailable"},
        {ErrorCode::InternalError, u"internal_error"},
    }};
    return words;
}

} // namespace

QString errorCodeWord(ErrorCode code)
{
    for (const auto &[value, word] : errorWords()) {
        if (value == code)
            return QString::fromUtf16(word);
    }
    return QStringLiteral("internal_error");
}

std::optional<ErrorCode> errorCodeFromWord(const QString &word)
{
    for (const auto &[value, text] : errorWords()) {
        if (word == QStringView(text))
            return value;
    }
    return std::nullopt;
}

} // namespace Natter::Protocol
