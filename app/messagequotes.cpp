#include "messagequotes.h"

namespace Natter {

QSet<QString> MessageQuotes::requote(qint64 seq, const QString &quote)
{
    QSet<QString> quoting;
    for (auto it = m_quotes.begin(); it != m_quotes.end(); ++it) {
        if (it->seq == seq) {
            it->text = quote;
            quoting.insert(it.key());
        }
    }
    return quoting;
}

} // namespace Natter
