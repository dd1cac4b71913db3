#pragma once

// Decides, for each connection a ChatClient opens, whether the certificate a wss:// server shows is the right one:
// the one its invite link names, else the one pinned for that host and port on an earlier visit, else one signed by
// a certificate authority the system trusts. Anything else stops the connection before a word of the chat is sent,
// described so the user can decide.

#include "certificatepins.h"

#include <QList>
#include <QObject>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QSslCertificate;
class QWebSocket;
QT_END_NAMESPACE

namespace Natter {

struct CertificateProblem
{
    enum class Kind {
        Unknown, // no pin and no authority: trust on first use, if the user says so
        Changed, // not the certificate pinned on an earlier visit
        NotInvited, // not the certificate the invite link names
    };
    Kind kind = Kind::Unknown;
    QUrl url;
    QString fingerprint; // what the server showed
    QString expected; // the pin it failed to match (Changed, NotInvited)
};

class CertificateCheck : public QObject
{
    Q_OBJECT
public:
    CertificateCheck(QWebSocket *socket, QObject *parent = nullptr);

    // Where pins are looked up and remembered (not owned); by default, in memory for as long as this object lives.
    void setPins(CertificatePins *pins) { m_pins = pins ? pins : &m_ownPins; }
    CertificatePins *pins() const { return m_pins; }

    // Before each attempt to connect to link (its #sha256= pin, if any, is what the server must show).
    void begin(const QUrl &link);
    // Once connected: whether the server is the one expected (checked again here, because a certificate an
    // authority signed raises no errors to look at). A certificate trusted without an authority is pinned now.
    bool acceptConnection();
    // Why the last attempt was stopped, if it was.
    const std::optional<CertificateProblem> &problem() const { return m_problem; }

    // The rule itself: nullopt when the certificate is to be trusted.
    static std::optional<CertificateProblem::Kind> judge(const QString &linkPin, const QString &pinned,
                                                         const QString &fingerprint, bool vouchedForByAuthority);
    static QString fingerprintOf(const QSslCertificate &certificate);
    // "ab12 cd34 …": 16 groups of four, easier to compare aloud.
    static QString grouped(const QString &fingerprint);

private:
    void onSslErrors(const QList<QSslError> &errors);
    // judge() for this connection; what is not trusted becomes problem().
    bool trust(const QString &fingerprint, bool vouchedForByAuthority);
    QString pinnedFingerprint() const;

    QWebSocket *m_socket;
    CertificatePins m_ownPins;
    CertificatePins *m_pins = &m_ownPins;
    QUrl m_link;
    QString m_linkPin;
    bool m_errorsForgiven = false;
    std::optional<CertificateProblem> m_problem;
};

} // namespace Natter

Q_DECLARE_METATYPE(Natter::CertificateProblem)
