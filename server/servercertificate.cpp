#include "servercertificate.h"

#include "logging.h"
#include "selfsignedcertificate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>

#include <cstdio>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace Natter {

namespace {

// PEM files are small; anything larger than this is not a certificate or a key.
constexpr qint64 MaxPemBytes = 1024 * 1024;

bool readFile(const QString &path, const QString &what, QByteArray *contents, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QStringLiteral("cannot read the TLS %1 %2: %3").arg(what, path, file.errorString());
        return false;
    }
    *contents = file.read(MaxPemBytes + 1);
    if (contents->size() > MaxPemBytes) {
        *errorMessage = QStringLiteral("the TLS %1 %2 is too large to be PEM").arg(what, path);
        return false;
    }
    return true;
}

// Whether the private key in keyPem belongs to the certificate (Qt has no check of its own).
bool keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    BIO *certificateBio = BIO_new_mem_buf(certificatePem.constData(), static_cast<int>(certificatePem.size()));
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size()));
    X509 *certificate = certificateBio ? PEM_read_bio_X509(certificateBio, nullptr, nullptr, nullptr) : nullptr;
    EVP_PKEY *key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    const bool matches = certificate && key && X509_check_private_key(certificate, key) == 1;
    EVP_PKEY_free(key);
    X509_free(certificate);
    BIO_free(keyBio);
    BIO_free(certificateBio);
    return matches;
}

// Writes a file complete or not at all, created with these permissions (the key: its owner's alone).
bool writeFile(const QString &path, const QByteArray &contents, QFileDevice::Permissions permissions,
               QString *errorMessage)
{
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(contents) != contents.size()
        || !file.flush()) {
        *errorMessage = QStringLiteral("cannot write %1: %2").arg(partial, file.errorString());
        file.remove();
        return false;
    }
    file.close();
    // rename(2) replaces a file left behind by an earlier, interrupted start in one step; QFile::rename would not.
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0) {
        *errorMessage = QStringLiteral("cannot put %1 in place").arg(path);
        QFile::remove(partial);
        return false;
    }
    return true;
}

QString pathBeside(const QString &databasePath, const QString &suffix)
{
    const QFileInfo database(databasePath);
    return database.dir().filePath(database.completeBaseName() + suffix);
}

} // namespace

QString ServerCertificate::fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString ServerCertificate::selfSignedCertificatePath(const QString &databasePath)
{
    return pathBeside(databasePath, QStringLiteral("-certificate.pem"));
}

QString ServerCertificate::selfSignedKeyPath(const QString &databasePath)
{
    return pathBeside(databasePath, QStringLiteral("-key.pem"));
}

bool ServerCertificate::load(const ServerConfig &config, QString *errorMessage)
{
    QString error;
    bool loaded = false;
    if (!config.tlsCertificatePath.isEmpty() || !config.tlsKeyPath.isEmpty()) {
        loaded = loadFiles(config.tlsCertificatePath, config.tlsKeyPath, &error);
        m_selfSigned = loaded
            && m_configuration.localCertificate().issuerInfo(QSslCertificate::CommonName)
                == m_configuration.localCertificate().subjectInfo(QSslCertificate::CommonName)
            && m_configuration.localCertificateChain().size() == 1;
    } else {
        const QString certificatePath = selfSignedCertificatePath(config.databasePath);
        const QString keyPath = selfSignedKeyPath(config.databasePath);
        // A key without its certificate is what a start cut short leaves: made again, like a first start.
        if (QFileInfo::exists(certificatePath))
            loaded = loadFiles(certificatePath, keyPath, &error);
        else
            loaded = createSelfSigned(config, &error);
        m_selfSigned = loaded;
    }
    if (!loaded && errorMessage)
        *errorMessage = error;
    return loaded;
}

bool ServerCertificate::loadFiles(const QString &certificatePath, const QString &keyPath, QString *errorMessage)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificatePath, QStringLiteral("certificate"), &certificatePem, errorMessage)
        || !readFile(keyPath, QStringLiteral("key"), &keyPem, errorMessage))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        *errorMessage = QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
        return false;
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *errorMessage = QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyPath);
        return false;
    }
    if (!keyMatches(certificatePem, keyPem)) {
        *errorMessage =
            QStringLiteral("the key in %1 does not belong to the certificate in %2").arg(keyPath, certificatePath);
        return false;
    }
    if (chain.constFirst().expiryDate() < QDateTime::currentDateTimeUtc())
        qCWarning(lcServer).noquote() << "the TLS certificate in" << certificatePath << "expired on"
                                      << chain.constFirst().expiryDate().toString(Qt::ISODate);

    m_configuration = QSslConfiguration::defaultConfiguration();
    m_configuration.setLocalCertificateChain(chain);
    m_configuration.setPrivateKey(key);
    m_configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove themselves inside the protocol
    m_configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_fingerprint = fingerprintOf(chain.constFirst());
    return true;
}

bool ServerCertificate::createSelfSigned(const ServerConfig &config, QString *errorMessage)
{
    const std::optional<PemCertificate> made = SelfSignedCertificate::create(config.name, errorMessage);
    if (!made)
        return false;
    const QString certificatePath = selfSignedCertificatePath(config.databasePath);
    const QString keyPath = selfSignedKeyPath(config.databasePath);
    if (!QDir().mkpath(QFileInfo(certificatePath).absolutePath())) {
        *errorMessage = QStringLiteral("cannot create the folder for %1").arg(certificatePath);
        return false;
    }
    // The key first: the certificate's presence says the pair is complete.
    if (!writeFile(keyPath, made->privateKey, QFileDevice::ReadOwner | QFileDevice::WriteOwner, errorMessage)
        || !writeFile(certificatePath, made->certificate,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                          | QFileDevice::ReadOther,
                      errorMessage))
        return false;
    qCInfo(lcServer).noquote() << "made a self-signed TLS certificate:" << certificatePath;
    return loadFiles(certificatePath, keyPath, errorMessage);
}

} // namespace Natter
