#pragma once

// Signs sessions in: checks the server password, challenges a session that names a key to prove it holds it,
// and applies the name rules (see NameOwnership) before the session is admitted.

#include "clientmessages.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

namespace Natter {

class ClientSession;
class IdentityDirectory;
class NameOwnership;
class PasswordGate;
class SessionRegistry;
struct ServerConfig;

// A fresh reconnect token for a guest: 32 lower-case hex digits.
QString newGuestToken();

class SignIn : public QObject
{
    Q_OBJECT
public:
    SignIn(IdentityDirectory *directory, const SessionRegistry *sessions, const NameOwnership *names,
           PasswordGate *passwords, const ServerConfig &config, QObject *parent = nullptr);

    void hello(ClientSession *session, const Protocol::Hello &hello);
    void prove(ClientSession *session, const Protocol::Prove &prove);
    // A challenge is waiting for this session's answer.
    bool isChallenged(const ClientSession *session) const { return m_challenges.contains(session); }
    void forget(const ClientSession *session) { m_challenges.remove(session); }

signals:
    // The session may now use hello.name (its identity and token are set). `previous` is the session it takes
    // over: the same key, or the same guest's token, signed in before; null if none.
    void admitted(Natter::ClientSession *session, const Natter::Protocol::Hello &hello,
                  Natter::ClientSession *previous);

private:
    struct Challenge
    {
        Protocol::Hello hello;
        QByteArray nonce;
    };

    // What follows a right password (or a server without one): the key's challenge, or admission.
    void afterPassword(ClientSession *session, const Protocol::Hello &hello);
    void admit(ClientSession *session, const Protocol::Hello &hello, qint64 identity, const QByteArray &publicKey);
    QString guestToken(const Protocol::Hello &hello, const ClientSession *previous) const;

    IdentityDirectory *m_directory;
    const SessionRegistry *m_sessions;
    const NameOwnership *m_names;
    PasswordGate *m_passwords;
    const ServerConfig &m_config;
    QHash<const ClientSession *, Challenge> m_challenges;
};

} // namespace Natter
