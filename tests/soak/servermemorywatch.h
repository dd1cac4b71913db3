#pragma once

// Samples the resident memory (VmRSS in /proc/PID/status) of the server under soak: labelled samples for the
// report, and the highest value seen between them.

#include <QList>
#include <QString>

class ServerMemoryWatch
{
public:
    struct Sample
    {
        QString label;
        qint64 kib = 0;
    };

    explicit ServerMemoryWatch(qint64 pid);

    // The server's VmRSS in KiB, or -1 when the process is gone.
    qint64 residentKiB() const;
    // Takes a labelled sample and prints it; false when the process is gone.
    bool sample(const QString &label);
    // Takes an unlabelled look, for the maximum only; false when the process is gone.
    bool look();
    const QList<Sample> &samples() const { return m_samples; }
    qint64 maximumKiB() const { return m_maximumKiB; }

private:
    qint64 m_pid;
    QList<Sample> m_samples;
    qint64 m_maximumKiB = 0;
};
