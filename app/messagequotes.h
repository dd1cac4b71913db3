#pragma once

// The quotes that replies in one conversation carry, kept beside the rows by message id: replies are a minority,
// and a row has no room for a quote.

#include <QHash>
#include <QSet>
#include <QString>

namespace Natter {

// What a reply quotes of the message it answers.
struct MessageQuote
{
    qint64 seq = 0;
    QString from;
    QString text;
};

class MessageQuotes
{
public:
    // The quote the reply `id` carries; empty (seq 0) when it is no reply.
    MessageQuote of(const QString &id) const { return m_quotes.value(id); }
    void insert(const QString &id, const MessageQuote &quote) { m_quotes.insert(id, quote); }
    void remove(const QString &id) { m_quotes.remove(id); }
    void clear() { m_quotes.clear(); }
    // The message `seq` now reads `quote` (empty: it was deleted): every reply quoting it follows, as the server's
    // stored copies do. Returns the ids of those replies.
    QSet<QString> requote(qint64 seq, const QString &quote);

private:
    QHash<QString, MessageQuote> m_quotes; // by the reply's id
};

} // namespace Natter
