#include "ackledger.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

void AckLedger::record(const QString &sender, const QString &id, const Place &place)
{
    const auto key = std::make_pair(sender, id);
    const auto found = m_places.constFind(key);
    if (found == m_places.cend()) {
        m_places.insert(key, place);
        return;
    }
    if (*found == place) {
        ++m_repeated;
        return;
    }
    ++m_conflicts;
    std::fprintf(stderr, "soak: %s's id %s acknowledged as %s/%lld and as %s/%lld\n", qPrintable(sender),
                 qPrintable(id), qPrintable(found->room), static_cast<long long>(found->seq), qPrintable(place.room),
                 static_cast<long long>(place.seq));
}

bool AckLedger::writeTo(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    for (auto it = m_places.cbegin(); it != m_places.cend(); ++it)
        out << it.key().first << '\t' << it.key().second << '\t' << it->room << '\t' << it->seq << '\n';
    out.flush();
    return out.status() == QTextStream::Ok && file.error() == QFileDevice::NoError;
}
