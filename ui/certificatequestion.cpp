#include "certificatequestion.h"

#include <QCheckBox>
#include <QPushButton>

namespace Natter {

namespace {

QString serverOf(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

CertificateQuestion::CertificateQuestion(const CertificateProblem &problem, QWidget *parent)
    : QMessageBox(parent)
    , m_problem(problem)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setTextFormat(Qt::PlainText);
    const QString server = serverOf(problem.url);
    const QString received = CertificateCheck::grouped(problem.fingerprint);
    const QString expected = CertificateCheck::grouped(problem.expected);
    switch (problem.kind) {
    case CertificateProblem::Kind::Unknown:
        setIcon(QMessageBox::Question);
        setWindowTitle(tr("Check the Chat's Certificate"));
        setText(tr("No certificate authority vouches for %1. That is usual for a chat hosted on someone's "
                   "computer. Join only if this fingerprint is the one the host sees (their invite link ends "
                   "with it):")
                    .arg(server));
        setInformativeText(received);
        m_trust = addButton(tr("Trust and Join"), QMessageBox::AcceptRole);
        addButton(QMessageBox::Cancel);
        setDefaultButton(m_trust);
        break;
    case CertificateProblem::Kind::Changed: {
        setIcon(QMessageBox::Warning);
        setWindowTitle(tr("Certificate Changed"));
        setText(tr("%1 shows a different certificate than on your last visit. If its host did not make a new "
                   "one, someone may be reading and changing what you send.")
                    .arg(server));
        setInformativeText(tr("Before: %1\nNow: %2").arg(expected, received));
        m_trust = addButton(tr("Trust the New Certificate"), QMessageBox::AcceptRole);
        addButton(QMessageBox::Cancel);
        // Never trusted by a stray Enter: the user confirms first, and Cancel stays the default.
        auto *confirmed = new QCheckBox(tr("The host told me the new fingerprint, and it matches"), this);
        confirmed->setObjectName(QStringLiteral("confirmedCheckBox"));
        setCheckBox(confirmed);
        m_trust->setEnabled(false);
        connect(confirmed, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
        setDefaultButton(QMessageBox::Cancel);
        break;
    }
    case CertificateProblem::Kind::NotInvited:
        setIcon(QMessageBox::Critical);
        setWindowTitle(tr("Not the Invited Chat"));
        if (problem.fingerprint.isEmpty()) {
            setText(tr("Your invite link names a certificate, but %1 did not offer an encrypted connection. "
                       "Someone may be pretending to be the chat. Ask the host for the link again.")
                        .arg(server));
            setInformativeText(tr("Expected: %1").arg(expected));
        } else {
            setText(tr("%1 is not the chat your invite link names: its certificate is different. Someone may be "
                       "pretending to be the chat, or the host made a new certificate. Ask the host for the link "
                       "again.")
                        .arg(server));
            setInformativeText(tr("Expected: %1\nReceived: %2").arg(expected, received));
        }
        addButton(QMessageBox::Close);
        break;
    }
    if (m_trust)
        m_trust->setObjectName(QStringLiteral("trustButton"));
    connect(this, &QMessageBox::buttonClicked, this,
            [this](QAbstractButton *button) { emit answered(m_trust && button == m_trust); });
}

} // namespace Natter
