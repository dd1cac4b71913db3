#pragma once

// The outbox table of the local cache: the messages not yet delivered, read back in the order they were sent and
// replaced as a whole when the outbox changes.

#include "outbox.h"

#include <QList>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE

namespace Natter {

class OutboxTable
{
public:
    // Skips rows a damaged or hand-edited file could hold: bad ids, unknown conversations, revisions without target.
    static QList<OutgoingMessage> read(QSqlQuery &query);
    static bool write(QSqlQuery &query, const QList<OutgoingMessage> &messages);
};

} // namespace Natter
