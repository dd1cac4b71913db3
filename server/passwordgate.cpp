#include "passwordgate.h"

#include "addressgroup.h"
#include "clientsession.h"
#include "logging.h"
#include "validation.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <openssl/crypto.h>

namespace Natter {

PasswordGate::PasswordGate(const QString &password, QObject *parent)
    : QObject(parent)
    , m_password(password)
{
    m_clock.start();
}

qint64 PasswordGate::spacing(int failures)
{
    if (failures <= FreeFailures)
        return 0;
    const int doublings = std::min(failures - FreeFailures - 1, 16);
    return std::min(MaxDelayMs, FirstDelayMs << doublings);
}

qint64 PasswordGate::turnFor(const QHash<QString, Record> &records, const QString &key) const
{
    const auto record = records.constFind(key);
    if (record == records.cend() || m_clock.elapsed() - record->lastFailureMs > ForgetAfterMs)
        return m_clock.elapsed();
    return std::max(m_clock.elapsed(), record->nextTurnMs);
}

void PasswordGate::book(QHash<QString, Record> &records, const QString &key, qint64 turnMs)
{
    const auto record = records.find(key);
    if (record != records.end())
        record->nextTurnMs = std::max(record->nextTurnMs, turnMs + spacing(record->failures));
}

void PasswordGate::fail(QHash<QString, Record> &records, const QString &key)
{
    const qint64 now = m_clock.elapsed();
    if (!records.contains(key) && records.size() >= MaxTracked) {
        // Forget what has faded, and if that is not enough, the record whose last failure is oldest.
        records.removeIf([&](const auto &entry) { return now - entry.value().lastFailureMs > ForgetAfterMs; });
        if (records.size() >= MaxTracked) {
            const auto oldest = std::min_element(records.begin(), records.end(), [](const Record &a, const Record &b) {
                return a.lastFailureMs < b.lastFailureMs;
            });
            records.erase(oldest);
        }
    }
    Record &record = records[key];
    if (now - record.lastFailureMs > ForgetAfterMs)
        record = Record{};
    ++record.failures;
    record.lastFailureMs = now;
    record.nextTurnMs = std::max(record.nextTurnMs, now + spacing(record.failures));
}

qint64 PasswordGate::waitMs(const QHostAddress &address, const QString &name) const
{
    const qint64 turn =
        std::max(turnFor(m_byAddress, addressGroup(address)), turnFor(m_byName, Protocol::nameKey(name)));
    return turn - m_clock.elapsed();
}

bool PasswordGate::matches(const QString &given) const
{
    // Digests of equal length, compared without an early exit: the time taken says nothing about the password.
    const QByteArray expected = QCryptographicHash::hash(m_password.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray actual = QCryptographicHash::hash(given.toUtf8(), QCryptographicHash::Sha256);
    return CRYPTO_memcmp(expected.constData(), actual.constData(), size_t(expected.size())) == 0;
}

void PasswordGate::check(ClientSession *session, const QString &name, const QString &given,
                         const std::function<void(bool)> &done)
{
    const QString address = addressGroup(session->peerAddress());
    const QString nameKey = Protocol::nameKey(name);
    const qint64 turn = std::max(turnFor(m_byAddress, address), turnFor(m_byName, nameKey));
    // The next attempt from here waits behind this one.
    book(m_byAddress, address, turn);
    book(m_byName, nameKey, turn);
    auto answer = [this, session = QPointer<ClientSession>(session), address, nameKey, given, done] {
        if (!session)
            return;
        if (matches(given)) {
            m_byAddress.remove(address);
            done(true);
            return;
        }
        fail(m_byAddress, address);
        fail(m_byName, nameKey);
        qCInfo(lcServer) << session->peer() << "gave a wrong password;" << m_byAddress.value(address).failures
                         << "recent failures from" << address;
        done(false);
    };
    const qint64 wait = turn - m_clock.elapsed();
    if (wait <= 0) {
        answer();
        return;
    }
    qCInfo(lcServer) << session->peer() << "must wait" << wait << "ms before its password is checked";
    QTimer::singleShot(wait, session, answer);
}

} // namespace Natter
