#include "signaturecheck.h"

#include <algorithm>
#include <array>
#include <memory>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <optional>

namespace Natter {

namespace {

template<typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, std::integral_constant<decltype(Free), Free>>;

// The Montgomery u of the Edwards point with this y (little-endian, sign bit cleared); nothing for y ≥ p or y = 1.
std::optional<std::array<unsigned char, 32>> montgomeryU(const QByteArray &publicKey)
{
    std::array<unsigned char, 32> bytes{};
    std::copy(publicKey.cbegin(), publicKey.cend(), bytes.begin());
    bytes[31] &= 0x7f;
    const Owned<BN_CTX, BN_CTX_free> context(BN_CTX_new());
    const Owned<BIGNUM, BN_free> p(BN_new()), y(BN_lebin2bn(bytes.data(), 32, nullptr)), numerator(BN_new()),
        denominator(BN_new()), u(BN_new());
    if (!context || !p || !y || !numerator || !denominator || !u)
        return std::nullopt;
    // p = 2^255 − 19
    if (!BN_set_bit(p.get(), 255) || !BN_sub_word(p.get(), 19) || BN_cmp(y.get(), p.get()) >= 0)
        return std::nullopt;
    if (!BN_mod_add(numerator.get(), BN_value_one(), y.get(), p.get(), context.get())
        || !BN_mod_sub(denominator.get(), BN_value_one(), y.get(), p.get(), context.get())
        || BN_is_zero(denominator.get()))
        return std::nullopt;
    const Owned<BIGNUM, BN_free> inverse(BN_mod_inverse(nullptr, denominator.get(), p.get(), context.get()));
    if (!inverse || !BN_mod_mul(u.get(), numerator.get(), inverse.get(), p.get(), context.get())
        || BN_bn2lebinpad(u.get(), bytes.data(), 32) != 32)
        return std::nullopt;
    return bytes;
}

} // namespace

bool isUsableEd25519PublicKey(const QByteArray &publicKey)
{
    if (publicKey.size() != 32)
        return false;
    const auto u = montgomeryU(publicKey);
    if (!u)
        return false;
    const Owned<EVP_PKEY, EVP_PKEY_free> peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, u->data(), 32));
    const Owned<EVP_PKEY, EVP_PKEY_free> own(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    const Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free> context(own ? EVP_PKEY_CTX_new(own.get(), nullptr) : nullptr);
    std::array<unsigned char, 32> secret{};
    size_t length = secret.size();
    // X25519 refuses a result of all zeros, which is what any point of order 1, 2, 4 or 8 gives.
    const bool usable = peer && context && EVP_PKEY_derive_init(context.get()) == 1
        && EVP_PKEY_derive_set_peer(context.get(), peer.get()) == 1
        && EVP_PKEY_derive(context.get(), secret.data(), &length) == 1;
    ERR_clear_error();
    return usable;
}

bool isValidEd25519Signature(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                    reinterpret_cast<const unsigned char *>(publicKey.data()),
                                    static_cast<size_t>(publicKey.size())),
        &EVP_PKEY_free);
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool valid = key && context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.data()),
                            static_cast<size_t>(message.size()))
            == 1;
    ERR_clear_error();
    return valid;
}

} // namespace Natter
