#pragma once

// The protocol's fixed rules for user names, room names, message text and topics.

#include "errorcode.h"

#include <QString>

#include <optional>

namespace Natter::Protocol {

constexpr int MaxNameLength = 32; // characters (code points)
constexpr int MaxRoomNameLength = 32;
constexpr int MaxClientIdLength = 64;

// Each returns std::nullopt when the value is acceptable, otherwise the error to send.
std::optional<ProtocolError> validateName(const QString &name);
std::optional<ProtocolError> validateRoomName(const QString &room);
std::optional<ProtocolError> validateText(const QString &text, int maxUtf8Bytes);
std::optional<ProtocolError> validateTopic(const QString &topic, int maxLength);
std::optional<ProtocolError> validateClientId(const QString &id);

// The identity of a name: two names with the same key cannot be online at once.
QString nameKey(const QString &name);
// What a name looks like: its key with letters that look like Latin ones (Cyrillic, Greek, Armenian and a few
// others; a subset of Unicode's confusables, listed in docs/protocol.md) replaced by them and stray combining
// marks dropped. Two names with the same skeleton and different keys cannot be online at once either.
QString nameSkeleton(const QString &name);

} // namespace Natter::Protocol
