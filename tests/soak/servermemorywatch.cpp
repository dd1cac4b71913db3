#include "servermemorywatch.h"

#include <QFile>

#include <algorithm>
#include <cstdio>

ServerMemoryWatch::ServerMemoryWatch(qint64 pid)
    : m_pid(pid)
{
}

qint64 ServerMemoryWatch::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1; // a zombie has no VmRSS
}

bool ServerMemoryWatch::look()
{
    const qint64 kib = residentKiB();
    m_maximumKiB = std::max(m_maximumKiB, kib);
    return kib >= 0;
}

bool ServerMemoryWatch::sample(const QString &label)
{
    const qint64 kib = residentKiB();
    if (kib < 0) {
        std::printf("soak: the server (pid %lld) is gone at %s\n", static_cast<long long>(m_pid), qPrintable(label));
        return false;
    }
    m_maximumKiB = std::max(m_maximumKiB, kib);
    m_samples.append({label, kib});
    std::printf("soak: server RSS at %s: %.1f MiB\n", qPrintable(label), double(kib) / 1024);
    std::fflush(stdout);
    return true;
}
