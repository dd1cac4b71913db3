#pragma once

// Asks the user about a server certificate the app could not trust by itself: one nobody vouches for (trust on
// first use, fingerprint shown), one that changed since the last visit (a warning that cannot be clicked through
// without confirming), or one that is not what the invite link names (refused; nothing to decide).

#include "certificatecheck.h"

#include <QMessageBox>

namespace Natter {

class CertificateQuestion : public QMessageBox
{
    Q_OBJECT
public:
    explicit CertificateQuestion(const CertificateProblem &problem, QWidget *parent = nullptr);

    const CertificateProblem &problem() const { return m_problem; }

signals:
    // trust: the user trusts the certificate; otherwise they did not (or could not).
    void answered(bool trust);

private:
    CertificateProblem m_problem;
    QPushButton *m_trust = nullptr;
};

} // namespace Natter
