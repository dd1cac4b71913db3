#include "identitykey.h"

#include <cstdint>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace Natter {

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
struct OpenSslFree
{
    void operator()(void *pointer) const { OPENSSL_free(pointer); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using SignContextPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using PrivateKeyInfoPtr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, Deleter<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>>;
using EncryptedKeyPtr = std::unique_ptr<X509_SIG, Deleter<X509_SIG, X509_SIG_free>>;
using AlgorithmPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;
using Pbes2ParamsPtr = std::unique_ptr<PBE2PARAM, Deleter<PBE2PARAM, PBE2PARAM_free>>;
using ScryptParamsPtr = std::unique_ptr<SCRYPT_PARAMS, Deleter<SCRYPT_PARAMS, SCRYPT_PARAMS_free>>;
using Pbkdf2ParamsPtr = std::unique_ptr<PBKDF2PARAM, Deleter<PBKDF2PARAM, PBKDF2PARAM_free>>;
using OpenSslText = std::unique_ptr<char, OpenSslFree>;
using OpenSslBytes = std::unique_ptr<unsigned char, OpenSslFree>;

// OpenSSL's recommended scrypt cost: 16 MiB, well inside the 32 MiB that OpenSSL (and `openssl pkey`) allow.
constexpr std::uint64_t ScryptCost = 1 << 14;
constexpr std::uint64_t ScryptBlockSize = 8;
constexpr std::uint64_t ScryptParallelism = 1;
constexpr int SaltSize = 16;
// What an imported file may ask for. OpenSSL's 32 MiB limit already bounds scrypt's N and r.
constexpr std::int64_t MaxScryptParallelism = 16;
constexpr std::int64_t MaxPbkdf2Iterations = 10'000'000;

const char EncryptedKeyLabel[] = "ENCRYPTED PRIVATE KEY";
const char PlainKeyLabel[] = "PRIVATE KEY";

// Failures leave entries in OpenSSL's per-thread error queue, which QSslSocket reads too: clear it on every exit.
struct ErrorQueueGuard
{
    ErrorQueueGuard() = default;
    ErrorQueueGuard(const ErrorQueueGuard &) = delete;
    ErrorQueueGuard &operator=(const ErrorQueueGuard &) = delete;
    ~ErrorQueueGuard() { ERR_clear_error(); }
};

// Overwrites a copy of a secret when it goes out of scope.
struct Wiped
{
    explicit Wiped(QByteArray secret)
        : bytes(std::move(secret))
    { }
    Wiped(const Wiped &) = delete;
    Wiped &operator=(const Wiped &) = delete;
    ~Wiped()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    }

    QByteArray bytes;
};

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

bool integerInRange(const ASN1_INTEGER *integer, std::int64_t low, std::int64_t high)
{
    std::int64_t value = 0;
    return integer && ASN1_INTEGER_get_int64(&value, integer) == 1 && value >= low && value <= high;
}

// Whether the file's encryption is PBES2 with a key derivation that takes seconds at most, checked before
// deriving anything.
bool isAffordableEncryption(const X509_ALGOR *encryption)
{
    if (!encryption || OBJ_obj2nid(encryption->algorithm) != NID_pbes2)
        return false;
    const Pbes2ParamsPtr pbes2(
        static_cast<PBE2PARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), encryption->parameter)));
    if (!pbes2 || !pbes2->keyfunc)
        return false;
    const X509_ALGOR *derivation = pbes2->keyfunc;
    switch (OBJ_obj2nid(derivation->algorithm)) {
    case NID_id_scrypt: {
        const ScryptParamsPtr scrypt(static_cast<SCRYPT_PARAMS *>(
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(SCRYPT_PARAMS), derivation->parameter)));
        return scrypt && integerInRange(scrypt->parallelizationParameter, 1, MaxScryptParallelism);
    }
    case NID_id_pbkdf2: {
        const Pbkdf2ParamsPtr pbkdf2(
            static_cast<PBKDF2PARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBKDF2PARAM), derivation->parameter)));
        return pbkdf2 && integerInRange(pbkdf2->iter, 1, MaxPbkdf2Iterations);
    }
    default:
        return false;
    }
}

} // namespace

void IdentityKey::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

IdentityKey::IdentityKey() = default;

IdentityKey::IdentityKey(KeyPointer key)
    : m_key(std::move(key))
{ }

IdentityKey::IdentityKey(const IdentityKey &other)
{
    if (other.m_key && EVP_PKEY_up_ref(other.m_key.get()) == 1)
        m_key.reset(other.m_key.get());
}

IdentityKey &IdentityKey::operator=(const IdentityKey &other)
{
    if (this != &other)
        *this = IdentityKey(other);
    return *this;
}

IdentityKey::IdentityKey(IdentityKey &&other) noexcept = default;
IdentityKey &IdentityKey::operator=(IdentityKey &&other) noexcept = default;
IdentityKey::~IdentityKey() = default;

IdentityKey IdentityKey::generate()
{
    const ErrorQueueGuard guard;
    return IdentityKey(KeyPointer(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")));
}

std::optional<IdentityKey> IdentityKey::fromPrivateBytes(const QByteArray &seed)
{
    const ErrorQueueGuard guard;
    if (seed.size() != SeedSize)
        return std::nullopt;
    KeyPointer key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytesOf(seed), SeedSize));
    if (!key)
        return std::nullopt;
    return IdentityKey(std::move(key));
}

bool IdentityKey::isNull() const
{
    return !m_key;
}

QByteArray IdentityKey::privateBytes() const
{
    const ErrorQueueGuard guard;
    QByteArray seed(SeedSize, Qt::Uninitialized);
    size_t size = SeedSize;
    if (!m_key || EVP_PKEY_get_raw_private_key(m_key.get(), reinterpret_cast<unsigned char *>(seed.data()), &size) != 1
        || size != SeedSize) {
        OPENSSL_cleanse(seed.data(), SeedSize);
        return {};
    }
    return seed;
}

QByteArray IdentityKey::publicKey() const
{
    const ErrorQueueGuard guard;
    QByteArray key(PublicKeySize, Qt::Uninitialized);
    size_t size = PublicKeySize;
    if (!m_key || EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(key.data()), &size) != 1
        || size != PublicKeySize)
        return {};
    return key;
}

QByteArray IdentityKey::sign(const QByteArray &message) const
{
    const ErrorQueueGuard guard;
    if (!m_key)
        return {};
    const SignContextPtr context(EVP_MD_CTX_new());
    QByteArray signature(SignatureSize, Qt::Uninitialized);
    size_t size = SignatureSize;
    // Ed25519 hashes internally: no digest, and the whole message in one call.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &size, bytesOf(message),
                          static_cast<size_t>(message.size()))
            != 1
        || size != SignatureSize)
        return {};
    return signature;
}

QByteArray IdentityKey::exportEncrypted(const QString &passphrase) const
{
    const ErrorQueueGuard guard;
    if (!m_key || passphrase.isEmpty())
        return {};
    const Wiped password(passphrase.toUtf8());
    const PrivateKeyInfoPtr info(EVP_PKEY2PKCS8(m_key.get()));
    unsigned char salt[SaltSize];
    if (!info || RAND_bytes(salt, SaltSize) != 1)
        return {};
    AlgorithmPtr encryption(PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), salt, SaltSize, nullptr, ScryptCost,
                                                  ScryptBlockSize, ScryptParallelism));
    if (!encryption)
        return {};
    const EncryptedKeyPtr encrypted(PKCS8_set0_pbe(password.bytes.constData(), static_cast<int>(password.bytes.size()),
                                                   info.get(), encryption.get()));
    if (!encrypted)
        return {};
    static_cast<void>(encryption.release()); // owned by `encrypted` from here on

    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PKCS8(bio.get(), encrypted.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

std::optional<IdentityKey> IdentityKey::importEncrypted(const QByteArray &pem, const QString &passphrase,
                                                        QString *error, ImportError *code)
{
    const ErrorQueueGuard guard;
    const auto refuse = [error, code](ImportError why, const char *message) -> std::optional<IdentityKey> {
        if (error)
            *error = QString::fromLatin1(message);
        if (code)
            *code = why;
        return std::nullopt;
    };

    if (pem.size() > MaxImportSize)
        return refuse(ImportError::TooLarge, "The file is too large to be an identity key.");

    // The first "ENCRYPTED PRIVATE KEY" block counts; other blocks (a certificate, say) may come before it.
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    OpenSslBytes der;
    long derSize = 0;
    bool sawPlainKey = false;
    while (bio && !der) {
        char *name = nullptr;
        char *header = nullptr;
        unsigned char *data = nullptr;
        if (PEM_read_bio(bio.get(), &name, &header, &data, &derSize) != 1)
            break;
        const OpenSslText ownedName(name);
        const OpenSslText ownedHeader(header);
        OpenSslBytes ownedData(data);
        if (qstrcmp(name, EncryptedKeyLabel) == 0)
            der = std::move(ownedData);
        else if (qstrcmp(name, PlainKeyLabel) == 0)
            sawPlainKey = true;
    }
    if (!der) {
        return sawPlainKey ? refuse(ImportError::NotEncrypted,
                                    "The private key in the file is not protected by a passphrase. "
                                    "Export it again with a passphrase.")
                           : refuse(ImportError::NoPrivateKey, "The file does not contain an encrypted private key.");
    }

    const unsigned char *cursor = der.get();
    const EncryptedKeyPtr encrypted(d2i_X509_SIG(nullptr, &cursor, derSize));
    if (!encrypted)
        return refuse(ImportError::Damaged, "The encrypted private key in the file is damaged.");
    const X509_ALGOR *encryption = nullptr;
    X509_SIG_get0(encrypted.get(), &encryption, nullptr);
    if (!isAffordableEncryption(encryption))
        return refuse(ImportError::UnsupportedEncryption,
                      "The file's encryption is not supported: Natter reads PBES2 with scrypt or PBKDF2 at a "
                      "moderate cost.");

    const Wiped password(passphrase.toUtf8());
    const PrivateKeyInfoPtr info(
        PKCS8_decrypt(encrypted.get(), password.bytes.constData(), static_cast<int>(password.bytes.size())));
    if (!info)
        return refuse(ImportError::WrongPassphrase, "The passphrase is wrong, or the file is damaged.");

    const ASN1_OBJECT *keyType = nullptr;
    if (PKCS8_pkey_get0(&keyType, nullptr, nullptr, nullptr, info.get()) != 1 || OBJ_obj2nid(keyType) != NID_ED25519)
        return refuse(ImportError::NotEd25519,
                      "The file holds a different kind of key; a Natter identity is an Ed25519 key.");
    KeyPointer key(EVP_PKCS82PKEY(info.get()));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return refuse(ImportError::Damaged, "The encrypted private key in the file is damaged.");
    return IdentityKey(std::move(key));
}

} // namespace Natter
