#pragma once

// Checks Ed25519 public keys and signatures with OpenSSL's libcrypto.

#include <QByteArray>

namespace Natter {

// True when `signature` (64 bytes) is publicKey's (32 bytes) signature over message.
// False for a key that is not 32 bytes, encodes y ≥ p, or is a point of small order (order 1, 2, 4 or 8), for
// which signatures can be made without a private key. The check maps y to the Montgomery u = (1 + y) / (1 − y)
// and lets X25519 (which refuses an all-zero result) multiply it by a scalar that is a multiple of 8.
bool isUsableEd25519PublicKey(const QByteArray &publicKey);

bool isValidEd25519Signature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

} // namespace Natter
