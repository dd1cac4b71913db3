#pragma once

// Makes a new self-signed TLS certificate with an ECDSA P-256 key, using OpenSSL's libcrypto. A server without a
// certificate of its own uses one of these: clients trust it by its fingerprint (the invite link carries it), not
// by a certificate authority.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Natter {

struct PemCertificate
{
    QByteArray certificate; // PEM
    QByteArray privateKey; // PEM, PKCS#8, unencrypted
};

class SelfSignedCertificate
{
public:
    static constexpr int ValidDays = 20 * 365;

    // A certificate for commonName, valid from an hour ago for ValidDays; nullopt, with a message, if libcrypto
    // fails.
    static std::optional<PemCertificate> create(const QString &commonName, QString *errorMessage = nullptr);
};

} // namespace Natter
