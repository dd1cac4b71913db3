#pragma once

// The senders of one conversation's messages, interned: each row stores four bytes instead of its own copy of the
// name, and senders are compared by index or name key.

#include <QHash>
#include <QList>
#include <QString>

namespace Natter {

class MessageSenders
{
public:
    // The index of `name`, added if it is new.
    quint32 indexOf(const QString &name);
    const QString &name(quint32 index) const { return m_senders.at(index).name; }
    // Protocol::nameKey() of the name.
    const QString &key(quint32 index) const { return m_senders.at(index).key; }
    bool same(quint32 a, quint32 b) const { return a == b || key(a) == key(b); }

private:
    struct Sender
    {
        QString name;
        QString key;
    };

    QList<Sender> m_senders;
    QHash<QString, quint32> m_index; // by name
};

} // namespace Natter
