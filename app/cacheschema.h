#pragma once

// The tables of the local cache's SQLite file: creates them in a new file and brings a file written by an older
// version of Natter up to date, refusing one written by a newer version.

#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE

namespace Natter {

class CacheSchema
{
    Q_DECLARE_TR_FUNCTIONS(Natter::CacheSchema)

public:
    static constexpr int Version = 3;

    // Sets the journal up and creates or upgrades the tables; false, with why in `error`, if it cannot.
    static bool prepare(const QSqlDatabase &database, QString *error);
};

} // namespace Natter
