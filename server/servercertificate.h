#pragma once

// The certificate a server proves itself with over TLS: the PEM files it was given, or a self-signed one it made on
// its first start and keeps next to its database. Says what clients pin it by: the SHA-256 fingerprint.

#include "serverconfig.h"

#include <QSslConfiguration>
#include <QString>

namespace Natter {

class ServerCertificate
{
public:
    // config.tlsCertificatePath and tlsKeyPath when set; else the self-signed pair next to config.databasePath,
    // made (key file mode 0600) if it is not there yet. False, with a message, if files are unreadable, not PEM, or
    // the key does not belong to the certificate.
    bool load(const ServerConfig &config, QString *errorMessage);

    bool isNull() const { return m_configuration.localCertificate().isNull(); }
    // Certificate, chain and key, ready for a server-side QSslSocket.
    const QSslConfiguration &configuration() const { return m_configuration; }
    // 64 lower-case hex digits: SHA-256 over the DER bytes of the server's own certificate.
    QString fingerprint() const { return m_fingerprint; }
    // Made by this server rather than issued by an authority: clients can only trust it by its fingerprint.
    bool isSelfSigned() const { return m_selfSigned; }

    static QString fingerprintOf(const QSslCertificate &certificate);
    // Where the self-signed certificate and key for a database are kept: beside it, named after it.
    static QString selfSignedCertificatePath(const QString &databasePath);
    static QString selfSignedKeyPath(const QString &databasePath);

private:
    bool loadFiles(const QString &certificatePath, const QString &keyPath, QString *errorMessage);
    bool createSelfSigned(const ServerConfig &config, QString *errorMessage);

    QSslConfiguration m_configuration;
    QString m_fingerprint;
    bool m_selfSigned = false;
};

} // namespace Natter
