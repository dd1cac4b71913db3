#pragma once

// Decides whether a string is one emoji, as a reaction must be: one grapheme made only of emoji code points.

#include "errorcode.h"

#include <QString>

#include <optional>

namespace Natter::Protocol {

constexpr int MaxEmojiLength = 32; // UTF-16 code units; the longest emoji sequences in use take 15

// True for one emoji: a pictograph with optional variation selector and skin tone, several of those joined with
// U+200D (ZWJ sequences), a flag (two regional indicators, or a black flag with tag letters), or a keycap
// ([0-9#*], optional U+FE0F, U+20E3). Anything else, letters, digits and text presentation of plain
// characters included, is not one.
bool isSingleEmoji(const QString &text);
// std::nullopt when `emoji` is one emoji of at most MaxEmojiLength code units, else emoji_invalid.
std::optional<ProtocolError> validateEmoji(const QString &emoji);

} // namespace Natter::Protocol
