#pragma once

// Every acknowledgement the soak's clients received, by sender and message id: what the history must hold exactly
// once afterwards, and any id the server acknowledged twice with different places.

#include <QHash>
#include <QString>

#include <tuple>

class AckLedger
{
public:
    struct Place
    {
        QString room;
        qint64 seq = 0;
        friend bool operator==(const Place &, const Place &) = default;
    };

    // Records an ack; a second ack of the same id for the same place is a resend's (counted), for another place a
    // conflict.
    void record(const QString &sender, const QString &id, const Place &place);
    qsizetype size() const { return m_places.size(); }
    int repeatedAcks() const { return m_repeated; }
    int conflictingAcks() const { return m_conflicts; }
    // One line per ack: sender, id, room, seq, separated by tabs.
    bool writeTo(const QString &path) const;

private:
    QHash<std::pair<QString, QString>, Place> m_places;
    int m_repeated = 0;
    int m_conflicts = 0;
};
