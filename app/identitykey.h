#pragma once

// One Ed25519 key pair, the identity of this install: it signs, and it travels between machines only as a
// passphrase-protected PKCS#8 file.

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of this header

namespace Natter {

class IdentityKey
{
public:
    static constexpr qsizetype SeedSize = 32;
    static constexpr qsizetype PublicKeySize = 32;
    static constexpr qsizetype SignatureSize = 64;
    // importEncrypted refuses larger input before parsing it; a real file is well under 1 KiB.
    static constexpr qsizetype MaxImportSize = qsizetype(64) * 1024;

    // Why importEncrypted refused a file.
    enum class ImportError {
        TooLarge,
        NoPrivateKey, // not PEM, or PEM without a private key
        NotEncrypted, // a "PRIVATE KEY" without passphrase protection
        Damaged,
        UnsupportedEncryption, // not PBES2, or a key derivation too costly to attempt
        WrongPassphrase, // or a damaged ciphertext: the two cannot be told apart
        NotEd25519,
    };

    IdentityKey(); // null
    // Copies share the same immutable OpenSSL key.
    IdentityKey(const IdentityKey &other);
    IdentityKey &operator=(const IdentityKey &other);
    IdentityKey(IdentityKey &&other) noexcept;
    IdentityKey &operator=(IdentityKey &&other) noexcept;
    ~IdentityKey();

    // A new random key; null only if the system cannot supply randomness.
    static IdentityKey generate();
    // The key made from its 32-byte private seed (RFC 8032); nullopt for any other size.
    static std::optional<IdentityKey> fromPrivateBytes(const QByteArray &seed);

    bool isNull() const;
    QByteArray privateBytes() const; // the 32-byte seed; empty when null
    QByteArray publicKey() const; // 32 raw bytes; empty when null
    QByteArray sign(const QByteArray &message) const; // 64 bytes; empty when null

    // PEM "ENCRYPTED PRIVATE KEY": PKCS#8 with PBES2, scrypt (N=2^14, r=8, p=1) and AES-256-CBC, which
    // `openssl pkey` reads. Empty for an empty passphrase or a null key. Slow and memory-hungry on purpose
    // (about 16 MiB), so call it off the GUI thread; the same holds for importEncrypted.
    QByteArray exportEncrypted(const QString &passphrase) const;
    // Accepts any PBES2-encrypted PKCS#8 Ed25519 key (scrypt or PBKDF2). On refusal, *error gets an English
    // sentence and *code the reason; either may be null.
    static std::optional<IdentityKey> importEncrypted(const QByteArray &pem, const QString &passphrase, QString *error,
                                                      ImportError *code = nullptr);

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };
    using KeyPointer = std::unique_ptr<evp_pkey_st, KeyDeleter>;

    explicit IdentityKey(KeyPointer key);

    KeyPointer m_key;
};

} // namespace Natter
