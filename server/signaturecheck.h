#pragma once

// Checks an Ed25519 signature with OpenSSL's libcrypto.

#include <QByteArray>

namespace Natter {

// True when `signature` (64 bytes) is publicKey's (32 bytes) signature over message.
bool isValidEd25519Signature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

} // namespace Natter
