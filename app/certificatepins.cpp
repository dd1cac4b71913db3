#include "certificatepins.h"

#include "appsettings.h"
#include "serveraddress.h"

namespace Natter {

CertificatePins::CertificatePins(AppSettings *settings)
    : m_settings(settings)
{ }

QString CertificatePins::pinFor(const QUrl &url) const
{
    const QString server = ServerAddress::identity(url);
    return m_settings ? m_settings->certificatePin(server) : m_pins.value(server);
}

void CertificatePins::pin(const QUrl &url, const QString &fingerprint)
{
    const QString server = ServerAddress::identity(url);
    if (m_settings) {
        m_settings->setCertificatePin(server, fingerprint.toLower());
        m_settings->sync();
    } else {
        m_pins.insert(server, fingerprint.toLower());
    }
}

} // namespace Natter
