#include "selfsignedcertificate.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Natter {

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertificatePtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using NumberPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QString openSslError(const char *step)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("cannot make a TLS certificate (%1): %2")
        .arg(QLatin1String(step), code != 0 ? QString::fromLatin1(text) : QStringLiteral("unknown error"));
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

std::optional<PemCertificate> SelfSignedCertificate::create(const QString &commonName, QString *errorMessage)
{
    const auto fail = [errorMessage](const char *step) -> std::optional<PemCertificate> {
        if (errorMessage)
            *errorMessage = openSslError(step);
        return std::nullopt;
    };

    const KeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail("key");
    CertificatePtr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return fail("certificate");

    // A random positive 127-bit serial: two certificates made on one machine never share one.
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return fail("serial number");
    serialBytes[0] &= 0x7f;
    const NumberPtr serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return fail("serial number");

    // Valid from an hour ago, so a client whose clock is a little behind accepts it as well.
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600)
        || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), ValidDays, 0, nullptr))
        return fail("validity");

    const QByteArray name = commonName.left(64).toUtf8();
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(name.constData()),
                                   static_cast<int>(name.size()), -1, 0)
            != 1
        || X509_set_issuer_name(certificate.get(), subject) != 1)
        return fail("name");
    if (X509_set_pubkey(certificate.get(), key.get()) != 1)
        return fail("public key");
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash"))
        return fail("extensions");
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return fail("signature");

    const BioPtr certificateBio(BIO_new(BIO_s_mem()));
    const BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail("PEM");
    return PemCertificate{drain(certificateBio.get()), drain(keyBio.get())};
}

} // namespace Natter
