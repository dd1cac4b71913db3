#include "signin.h"

#include "clientsession.h"
#include "identitydirectory.h"
#include "identityproof.h"
#include "logging.h"
#include "nameownership.h"
#include "passwordgate.h"
#include "serverconfig.h"
#include "sessionregistry.h"
#include "signaturecheck.h"

#include <QRandomGenerator>

namespace Natter {

using namespace Protocol;

namespace {

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

bool isWellFormedToken(const QString &token)
{
    if (token.size() != 32)
        return false;
    return std::all_of(token.cbegin(), token.cend(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

} // namespace

QString newGuestToken()
{
    return QString::fromLatin1(randomBytes(16).toHex());
}

SignIn::SignIn(IdentityDirectory *directory, const SessionRegistry *sessions, const NameOwnership *names,
               PasswordGate *passwords, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_sessions(sessions)
    , m_names(names)
    , m_passwords(passwords)
    , m_config(config)
{ }

void SignIn::hello(ClientSession *session, const Hello &hello)
{
    const QString ref = hello.Type.toString();
    if (session->isWelcomed()) {
        session->sendError({ErrorCode::AlreadyWelcomed, QStringLiteral("You are already signed in.")}, ref);
        return;
    }
    m_challenges.remove(session);
    if (!m_passwords->isRequired()) {
        afterPassword(session, hello);
        return;
    }
    m_passwords->check(session, hello.name, hello.password, [this, session, hello, ref](bool right) {
        if (session->isWelcomed())
            return;
        if (right) {
            afterPassword(session, hello);
            return;
        }
        session->sendError({ErrorCode::AuthFailed, QStringLiteral("Wrong server password.")}, ref);
        session->closeWith(CloseCode::AuthFailed, QStringLiteral("wrong password"));
    });
}

void SignIn::afterPassword(ClientSession *session, const Hello &hello)
{
    const QString ref = hello.Type.toString();
    if (hello.key.isEmpty()) {
        admit(session, hello, 0, {});
        return;
    }
    if (!isUsableEd25519PublicKey(hello.key)) {
        // A point of small order verifies signatures nobody made: such a key would own names for everyone.
        session->sendError({ErrorCode::BadRequest, QStringLiteral("hello: key is not a usable Ed25519 public key")},
                           ref);
        return;
    }
    const Challenge challenge{hello, randomBytes(NonceBytes)};
    m_challenges.insert(session, challenge);
    session->send(Protocol::Challenge{challenge.nonce});
}

void SignIn::prove(ClientSession *session, const Prove &prove)
{
    const QString ref = prove.Type.toString();
    const auto challenge = m_challenges.constFind(session);
    if (challenge == m_challenges.cend()) {
        session->sendError({ErrorCode::BadRequest,
                            QStringLiteral("No challenge is waiting for an answer; say hello with a key first.")},
                           ref);
        return;
    }
    const Challenge taken = *challenge;
    m_challenges.erase(challenge);
    const QByteArray payload = loginProofPayload(taken.nonce, session->certificateFingerprint());
    if (!isValidEd25519Signature(taken.hello.key, payload, prove.signature)) {
        qCInfo(lcServer) << session->peer() << "could not prove its key";
        session->sendError({ErrorCode::AuthFailed,
                            QStringLiteral("The signature does not prove the key for this server's challenge.")},
                           ref);
        session->closeWith(CloseCode::AuthFailed, QStringLiteral("key not proven"));
        return;
    }
    bool full = false;
    const auto identity = m_directory->enroll(taken.hello.key, &full);
    if (!identity) {
        session->sendError(
            full ? ProtocolError{ErrorCode::ServerFull,
                                 QStringLiteral("This server cannot remember any more keys; sign in "
                                                "without a key to join as a guest.")}
                 : ProtocolError{ErrorCode::InternalError, QStringLiteral("The server could not look up your key.")},
            taken.hello.Type.toString());
        return;
    }
    admit(session, taken.hello, *identity, taken.hello.key);
}

void SignIn::admit(ClientSession *session, const Hello &hello, qint64 identity, const QByteArray &publicKey)
{
    const QString ref = hello.Type.toString();
    ClientSession *previous = identity != 0 ? m_sessions->findIdentity(identity) : nullptr;
    if (identity == 0) {
        ClientSession *holder = m_sessions->find(hello.name);
        if (holder && holder->isGuest() && !hello.token.isEmpty() && hello.token == holder->token())
            previous = holder;
    }
    if (const auto refusal = m_names->refusal(hello.name, identity, previous)) {
        session->sendError(*refusal, ref);
        return;
    }
    if (identity != 0 && !m_directory->claim(identity, hello.name)) {
        session->sendError({ErrorCode::InternalError, QStringLiteral("The server could not record your name.")}, ref);
        return;
    }
    session->setIdentity(identity, publicKey);
    session->setToken(identity != 0 ? QString() : guestToken(hello, previous));
    emit admitted(session, hello, previous);
}

QString SignIn::guestToken(const Hello &hello, const ClientSession *previous) const
{
    if (previous)
        return previous->token();
    // A guest coming back with the token it was given keeps reading its own direct messages.
    if (isWellFormedToken(hello.token))
        return hello.token;
    return newGuestToken();
}

} // namespace Natter
