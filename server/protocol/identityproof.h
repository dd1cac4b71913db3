#pragma once

// The bytes of natter.v1's keyed sign-in: key and signature encodings, the signed login text, safety numbers.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Natter::Protocol {

constexpr int PublicKeyBytes = 32; // an Ed25519 public key
constexpr int SignatureBytes = 64; // an Ed25519 signature
constexpr int NonceBytes = 32; // a challenge's nonce

// Standard base64 (with padding) of exactly `size` bytes; nullopt for anything else.
std::optional<QByteArray> decodeFixedBase64(const QString &text, int size);
QString encodeBase64(const QByteArray &bytes);

// What a client signs to answer a challenge: "natter.v1 login\n" + the nonce's bytes + "\n" + the lower-case hex
// SHA-256 fingerprint of the certificate the client saw (empty on an unencrypted connection).
QByteArray loginProofPayload(const QByteArray &nonce, const QString &certificateFingerprint);

// Thirty digits in six groups of five that two people can read to each other to compare a public key.
QString safetyNumber(const QByteArray &publicKey);

} // namespace Natter::Protocol
