#pragma once

// The certificates this app trusts without a certificate authority: one fingerprint per server (host and port),
// pinned when the user followed an invite link that carried it or accepted it on a first visit. Kept in the app's
// settings when it has them, else for as long as this object lives.

#include <QHash>
#include <QString>
#include <QUrl>

namespace Natter {

class AppSettings;

class CertificatePins
{
public:
    explicit CertificatePins(AppSettings *settings = nullptr);

    // The fingerprint pinned for the server at url; empty when none is.
    QString pinFor(const QUrl &url) const;
    void pin(const QUrl &url, const QString &fingerprint);

private:
    AppSettings *m_settings;
    QHash<QString, QString> m_pins; // without settings: "host:port" -> fingerprint
};

} // namespace Natter
