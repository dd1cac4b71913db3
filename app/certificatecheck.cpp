#include "certificatecheck.h"

#include "clientlogging.h"
#include "invitelink.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

namespace Natter {

CertificateCheck::CertificateCheck(QWebSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    // Errors may only be forgiven inside a slot connected to this signal (QSslSocket's rule).
    connect(m_socket, &QWebSocket::sslErrors, this, &CertificateCheck::onSslErrors);
}

QString CertificateCheck::fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString CertificateCheck::grouped(const QString &fingerprint)
{
    QStringList groups;
    for (qsizetype i = 0; i < fingerprint.size(); i += 4)
        groups.append(fingerprint.mid(i, 4));
    return groups.join(u' ');
}

std::optional<CertificateProblem::Kind> CertificateCheck::judge(const QString &linkPin, const QString &pinned,
                                                                const QString &fingerprint, bool vouchedForByAuthority)
{
    // The link is the user's own word for which server they meant: nothing else can stand in for it.
    if (!linkPin.isEmpty())
        return fingerprint == linkPin ? std::nullopt : std::optional(CertificateProblem::Kind::NotInvited);
    if (vouchedForByAuthority)
        return std::nullopt;
    if (pinned.isEmpty())
        return CertificateProblem::Kind::Unknown;
    return fingerprint == pinned ? std::nullopt : std::optional(CertificateProblem::Kind::Changed);
}

QString CertificateCheck::pinnedFingerprint() const
{
    return m_pins->pinFor(m_link);
}

void CertificateCheck::begin(const QUrl &link)
{
    m_link = link;
    m_linkPin = Protocol::InviteLink::pin(link);
    m_errorsForgiven = false;
    m_problem.reset();
}

void CertificateCheck::onSslErrors(const QList<QSslError> &errors)
{
    if (trust(fingerprintOf(m_socket->sslConfiguration().peerCertificate()), false)) {
        qCDebug(lcClient) << "trusting the pinned certificate of" << m_link.host() << "despite" << errors.size()
                          << "errors";
        m_errorsForgiven = true;
        m_socket->ignoreSslErrors();
        return;
    }
    qCInfo(lcClient) << "not trusting the certificate of" << m_link.host() << ":" << errors.constFirst().errorString();
}

bool CertificateCheck::trust(const QString &fingerprint, bool vouchedForByAuthority)
{
    const QString pinned = pinnedFingerprint();
    const auto kind = judge(m_linkPin, pinned, fingerprint, vouchedForByAuthority);
    if (kind) {
        m_problem = CertificateProblem{*kind, m_link, fingerprint,
                                       *kind == CertificateProblem::Kind::NotInvited ? m_linkPin : pinned};
    }
    return !kind;
}

bool CertificateCheck::acceptConnection()
{
    // By the scheme: after a TLS connection, QWebSocket still reports its certificate on a plain one.
    if (m_link.scheme() != QLatin1String("wss")) { // plain ws://: fine, unless a link named a certificate to expect
        if (m_linkPin.isEmpty())
            return true;
        m_problem = CertificateProblem{CertificateProblem::Kind::NotInvited, m_link, {}, m_linkPin};
        return false;
    }
    const QString fingerprint = fingerprintOf(m_socket->sslConfiguration().peerCertificate());
    if (!trust(fingerprint, !m_errorsForgiven))
        return false;
    // Trusted without an authority: remember it, so the next visit needs no link and notices a change.
    if (m_errorsForgiven && pinnedFingerprint() != fingerprint)
        m_pins->pin(m_link, fingerprint);
    return true;
}

} // namespace Natter
