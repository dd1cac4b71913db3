#pragma once

// Turns what went wrong while entering a chat into a question the user can answer: another name when theirs is
// taken or owned, the start dialog with the reason for the rest (a missing or wrong password, a server that cannot
// be reached), and whether to trust a server certificate nobody vouches for.

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Natter {

class CertificateQuestion;
struct CertificateProblem;
class ChatClient;

class SignInTrouble : public QObject
{
    Q_OBJECT

public:
    explicit SignInTrouble(ChatClient *client, QObject *parent = nullptr);

    // The chat window, over which questions open while it is visible; null before there is one.
    void setWindow(QWidget *window) { m_window = window; }
    // The name and password the client signs in with now.
    void setAttempt(const QString &name, const QString &password);
    // The question about a server certificate the app could not trust by itself; null when none.
    CertificateQuestion *certificateQuestion() const { return m_certificateQuestion; }

signals:
    // Ask for another name, saying why.
    void nameNeeded(const QString &why);
    // Show the start dialog with `why` (empty: no reason to give).
    void startNeeded(const QString &why);

private:
    void onSignInFailed(int code);
    void onCertificateRejected(const CertificateProblem &problem);
    bool windowShown() const;

    ChatClient *m_client;
    QPointer<QWidget> m_window;
    QString m_name;
    QString m_password;
    QPointer<CertificateQuestion> m_certificateQuestion;
};

} // namespace Natter
