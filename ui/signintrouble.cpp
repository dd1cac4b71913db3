#include "signintrouble.h"

#include "certificatequestion.h"
#include "chatclient.h"
#include "errortext.h"

#include <QWidget>

namespace Natter {

using Protocol::ErrorCode;

SignInTrouble::SignInTrouble(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    // The server's English words are not shown; the user reads ours.
    connect(client, &ChatClient::signInFailed, this,
            [this](const Protocol::ErrorEvent &error) { onSignInFailed(static_cast<int>(error.code)); });
    connect(client, &ChatClient::connectionFailed, this, &SignInTrouble::startNeeded);
    connect(client, &ChatClient::certificateRejected, this, &SignInTrouble::onCertificateRejected);
}

void SignInTrouble::setAttempt(const QString &name, const QString &password)
{
    m_name = name;
    m_password = password;
}

bool SignInTrouble::windowShown() const
{
    return m_window && m_window->isVisible();
}

void SignInTrouble::onSignInFailed(int code)
{
    Protocol::ErrorEvent error;
    error.code = static_cast<ErrorCode>(code);
    if (error.code == ErrorCode::NameOwned) {
        emit nameNeeded(ErrorText::describe(error, {{}, m_name, {}})); // it already asks for another name
        return;
    }
    if (error.code == ErrorCode::NameTaken || error.code == ErrorCode::NameInvalid) {
        emit nameNeeded(tr("%1 Pick another name.").arg(ErrorText::describe(error, {{}, m_name, {}})));
        return;
    }
    const QString server = m_client->url().toDisplayString();
    if (error.code == ErrorCode::AuthFailed) {
        emit startNeeded(m_password.isEmpty()
                             ? tr("The chat at %1 needs a password. Type the one the host gave you.").arg(server)
                             : tr("The password for %1 is not right.").arg(server));
        return;
    }
    emit startNeeded(ErrorText::describe(error));
}

void SignInTrouble::onCertificateRejected(const CertificateProblem &problem)
{
    delete m_certificateQuestion;
    m_certificateQuestion = new CertificateQuestion(problem, windowShown() ? m_window.get() : nullptr);
    connect(m_certificateQuestion, &CertificateQuestion::answered, this, [this, problem](bool trust) {
        if (trust) {
            m_client->trustCertificate(problem.fingerprint);
            return;
        }
        // The window's banner offers the way to another chat; without a window, the start dialog does.
        if (!windowShown())
            emit startNeeded({});
    });
    m_certificateQuestion->open();
}

} // namespace Natter
