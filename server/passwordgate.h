#pragma once

// Slows password guessing down. Wrong server passwords are counted per address (an IPv6 address by its /64, which
// one machine usually has whole) and per name asked for; from the third failure on, every further attempt from
// that address or for that name is answered later and later (1 s, 2 s, 4 s, … up to 20 s apart), so a guesser
// gets a few attempts a minute instead of thousands a second. A right password clears its address's count;
// counts fade after 15 minutes without a failure. Passwords are compared in constant time and never logged.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QHostAddress;
QT_END_NAMESPACE

namespace Natter {

class ClientSession;

class PasswordGate : public QObject
{
    Q_OBJECT
public:
    static constexpr int FreeFailures = 2; // failures before attempts are spaced out
    static constexpr qint64 FirstDelayMs = 1000;
    static constexpr qint64 MaxDelayMs = 20'000;
    static constexpr qint64 ForgetAfterMs = 15 * 60 * 1000;
    static constexpr int MaxTracked = 10'000; // addresses and names each; the oldest are forgotten first

    explicit PasswordGate(const QString &password, QObject *parent = nullptr);

    bool isRequired() const { return !m_password.isEmpty(); }
    // Checks a password a session gave and calls done(right) when its turn comes: at once while its address and
    // name have no recent failures, later otherwise. Not called if the session is gone by then.
    void check(ClientSession *session, const QString &name, const QString &given,
               const std::function<void(bool right)> &done);
    // How long an attempt from this address for this name would wait now.
    qint64 waitMs(const QHostAddress &address, const QString &name) const;

private:
    struct Record
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 nextTurnMs = 0; // when the next attempt may be answered
    };

    static qint64 spacing(int failures);
    qint64 turnFor(const QHash<QString, Record> &records, const QString &key) const;
    void book(QHash<QString, Record> &records, const QString &key, qint64 turnMs);
    void fail(QHash<QString, Record> &records, const QString &key);
    bool matches(const QString &given) const;

    const QString m_password;
    QElapsedTimer m_clock;
    QHash<QString, Record> m_byAddress;
    QHash<QString, Record> m_byName;
};

} // namespace Natter
