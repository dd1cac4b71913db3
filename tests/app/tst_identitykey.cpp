// IdentityKey: Ed25519 as RFC 8032 defines it, signatures libcrypto verifies, and an encrypted export that
// `openssl pkey` reads and that import refuses in every wrong shape.

#include "identitykey.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

using namespace Natter;

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ContextPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EncryptedKeyPtr = std::unique_ptr<X509_SIG, Deleter<X509_SIG, X509_SIG_free>>;
using AlgorithmPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;
using Pbes2ParamsPtr = std::unique_ptr<PBE2PARAM, Deleter<PBE2PARAM, PBE2PARAM_free>>;

// RFC 8032, section 7.1, TEST 1.
const QByteArray Rfc8032Seed = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray Rfc8032PublicKey =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const QByteArray Rfc8032EmptySignature =
    QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
                        "1cf9b46bd25bf5f0595bbe24655141438e7a100b");

bool verifies(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    const KeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                 reinterpret_cast<const unsigned char *>(publicKey.constData()),
                                                 static_cast<size_t>(publicKey.size())));
    const ContextPtr context(EVP_MD_CTX_new());
    return key && context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()),
                            static_cast<size_t>(message.size()))
        == 1;
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

// What `openssl pkcs8 -topk8` writes by default: PBES2 with PBKDF2 and AES-256-CBC.
QByteArray encryptWithOpenSslDefaults(EVP_PKEY *key, const char *passphrase)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), passphrase,
                                      static_cast<int>(qstrlen(passphrase)), nullptr, nullptr)
        != 1)
        return {};
    return drain(bio.get());
}

QByteArray unencryptedPem(EVP_PKEY *key)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return drain(bio.get());
}

// A well-formed "ENCRYPTED PRIVATE KEY" whose PBKDF2 asks for a billion iterations; never decrypted, so the
// ciphertext can be anything.
QByteArray costlyDerivationPem()
{
    const AlgorithmPtr costly(PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), 1'000'000'000, nullptr, 0, nullptr, -1));
    const EncryptedKeyPtr encrypted(X509_SIG_new());
    X509_ALGOR *algorithm = nullptr;
    ASN1_OCTET_STRING *ciphertext = nullptr;
    X509_SIG_getm(encrypted.get(), &algorithm, &ciphertext);
    const unsigned char junk[48] = {};
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!costly || X509_ALGOR_copy(algorithm, costly.get()) != 1
        || ASN1_OCTET_STRING_set(ciphertext, junk, sizeof junk) != 1
        || PEM_write_bio_PKCS8(bio.get(), encrypted.get()) != 1)
        return {};
    return drain(bio.get());
}

int keyDerivationOf(const QByteArray &pem)
{
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    const EncryptedKeyPtr encrypted(PEM_read_bio_PKCS8(bio.get(), nullptr, nullptr, nullptr));
    if (!encrypted)
        return NID_undef;
    const X509_ALGOR *algorithm = nullptr;
    X509_SIG_get0(encrypted.get(), &algorithm, nullptr);
    const Pbes2ParamsPtr pbes2(
        static_cast<PBE2PARAM *>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), algorithm->parameter)));
    return pbes2 ? OBJ_obj2nid(pbes2->keyfunc->algorithm) : NID_undef;
}

} // namespace

class TestIdentityKey : public QObject
{
    Q_OBJECT

private slots:
    void nullKeyDoesNothing()
    {
        const IdentityKey key;
        QVERIFY(key.isNull());
        QVERIFY(key.publicKey().isEmpty());
        QVERIFY(key.privateBytes().isEmpty());
        QVERIFY(key.sign("message").isEmpty());
        QVERIFY(key.exportEncrypted(QStringLiteral("passphrase")).isEmpty());
    }

    void generatedKeySignsWhatLibcryptoVerifies()
    {
        const IdentityKey key = IdentityKey::generate();
        QVERIFY(!key.isNull());
        QCOMPARE(key.publicKey().size(), IdentityKey::PublicKeySize);
        QCOMPARE(key.privateBytes().size(), IdentityKey::SeedSize);

        const QByteArray message = "natter.v1 login\nnonce";
        const QByteArray signature = key.sign(message);
        QCOMPARE(signature.size(), IdentityKey::SignatureSize);
        QVERIFY(verifies(key.publicKey(), message, signature));
        QVERIFY(!verifies(key.publicKey(), message + '!', signature));
        QVERIFY(!verifies(IdentityKey::generate().publicKey(), message, signature));
    }

    void generatedKeysDiffer() { QVERIFY(IdentityKey::generate().publicKey() != IdentityKey::generate().publicKey()); }

    void rfc8032TestVector()
    {
        const std::optional<IdentityKey> key = IdentityKey::fromPrivateBytes(Rfc8032Seed);
        QVERIFY(key);
        QCOMPARE(key->publicKey().toHex(), Rfc8032PublicKey.toHex());
        QCOMPARE(key->privateBytes().toHex(), Rfc8032Seed.toHex());
        QCOMPARE(key->sign({}).toHex(), Rfc8032EmptySignature.toHex());
    }

    void seedOfWrongSizeIsRefused()
    {
        QVERIFY(!IdentityKey::fromPrivateBytes({}));
        QVERIFY(!IdentityKey::fromPrivateBytes(Rfc8032Seed.left(31)));
        QVERIFY(!IdentityKey::fromPrivateBytes(Rfc8032Seed + '\0'));
    }

    void copiesAndMovesKeepTheKey()
    {
        const IdentityKey original = *IdentityKey::fromPrivateBytes(Rfc8032Seed);
        IdentityKey copy(original);
        IdentityKey assigned;
        assigned = copy;
        const IdentityKey moved(std::move(copy));
        QCOMPARE(assigned.publicKey(), Rfc8032PublicKey);
        QCOMPARE(moved.publicKey(), Rfc8032PublicKey);
        QCOMPARE(original.sign({}), Rfc8032EmptySignature);
    }

    void exportedKeyImportsWithItsPassphrase()
    {
        const IdentityKey key = IdentityKey::generate();
        const QString passphrase = QStringLiteral("correct horse battery stäple");
        const QByteArray pem = key.exportEncrypted(passphrase);
        QVERIFY(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        QCOMPARE(keyDerivationOf(pem), NID_id_scrypt);

        QString error;
        const std::optional<IdentityKey> imported = IdentityKey::importEncrypted(pem, passphrase, &error);
        QVERIFY2(imported, qPrintable(error));
        QCOMPARE(imported->publicKey(), key.publicKey());
        QCOMPARE(imported->privateBytes(), key.privateBytes());
        // Two exports of one key differ (random salt and IV), so a file reveals nothing about another.
        QVERIFY(key.exportEncrypted(passphrase) != pem);
    }

    void emptyPassphraseIsRefused() { QVERIFY(IdentityKey::generate().exportEncrypted({}).isEmpty()); }

    void exportIsReadableByOpenSslTool()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command is not installed");
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("identity.pem"));
        const IdentityKey key = *IdentityKey::fromPrivateBytes(Rfc8032Seed);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key.exportEncrypted(QStringLiteral("open sesame")));
        file.close();

        QProcess process;
        process.start(openssl,
                      {QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-passin"),
                       QStringLiteral("pass:open sesame"), QStringLiteral("-pubout"), QStringLiteral("-outform"),
                       QStringLiteral("DER")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        // DER SubjectPublicKeyInfo of Ed25519: a 12-byte header, then the raw key.
        QCOMPARE(process.readAllStandardOutput().toHex(), ("302a300506032b6570032100" + Rfc8032PublicKey.toHex()));
    }

    void importsKeyEncryptedWithOpenSslDefaults()
    {
        const KeyPtr ed25519(EVP_PKEY_new_raw_private_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(Rfc8032Seed.constData()), 32));
        const QByteArray pem = encryptWithOpenSslDefaults(ed25519.get(), "from elsewhere");
        QCOMPARE(keyDerivationOf(pem), NID_id_pbkdf2);
        const std::optional<IdentityKey> imported =
            IdentityKey::importEncrypted(pem, QStringLiteral("from elsewhere"), nullptr);
        QVERIFY(imported);
        QCOMPARE(imported->publicKey(), Rfc8032PublicKey);
    }

    void importRefuses_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<IdentityKey::ImportError>("expected");

        const QString passphrase = QStringLiteral("the right one");
        const QByteArray exported = IdentityKey::generate().exportEncrypted(passphrase);
        const KeyPtr p256(EVP_EC_gen("P-256"));
        const KeyPtr ed25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));

        QTest::newRow("wrong passphrase")
            << exported << QStringLiteral("the wrong one") << IdentityKey::ImportError::WrongPassphrase;
        QTest::newRow("empty passphrase") << exported << QString() << IdentityKey::ImportError::WrongPassphrase;
        QTest::newRow("empty file") << QByteArray() << passphrase << IdentityKey::ImportError::NoPrivateKey;
        QTest::newRow("text") << QByteArray("this is not a key\n") << passphrase
                              << IdentityKey::ImportError::NoPrivateKey;
        QTest::newRow("binary") << QByteArray::fromHex("00ff10a5c3") << passphrase
                                << IdentityKey::ImportError::NoPrivateKey;
        QTest::newRow("certificate label")
            << QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") << passphrase
            << IdentityKey::ImportError::NoPrivateKey;
        QTest::newRow("damaged structure")
            << QByteArray("-----BEGIN ENCRYPTED PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END ENCRYPTED PRIVATE KEY-----\n")
            << passphrase << IdentityKey::ImportError::Damaged;
        QTest::newRow("unencrypted Ed25519")
            << unencryptedPem(ed25519.get()) << passphrase << IdentityKey::ImportError::NotEncrypted;
        QTest::newRow("P-256") << encryptWithOpenSslDefaults(p256.get(), "the right one") << passphrase
                               << IdentityKey::ImportError::NotEd25519;
        QTest::newRow("billion PBKDF2 iterations")
            << costlyDerivationPem() << passphrase << IdentityKey::ImportError::UnsupportedEncryption;
        // A valid key, but padded past the limit: refused for its size alone.
        QTest::newRow("oversized") << exported + QByteArray(IdentityKey::MaxImportSize, '\n') << passphrase
                                   << IdentityKey::ImportError::TooLarge;
    }

    void importRefuses()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, passphrase);
        QFETCH(IdentityKey::ImportError, expected);

        QString error;
        IdentityKey::ImportError code{};
        QVERIFY(!IdentityKey::importEncrypted(input, passphrase, &error, &code));
        QCOMPARE(code, expected);
        QVERIFY(error.endsWith(u'.'));
        QVERIFY(error.size() > 20);
    }
};

QTEST_GUILESS_MAIN(TestIdentityKey)
#include "tst_identitykey.moc"
