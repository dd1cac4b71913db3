#pragma once

// The history file's tables, as the steps that bring each schema version to the next.

#include <QList>
#include <QStringList>

namespace Natter {

class HistorySchema
{
public:
    // Step i takes the schema from version i to version i + 1; HistoryDatabase runs them in one transaction.
    static QList<QStringList> migrationSteps();
};

} // namespace Natter
