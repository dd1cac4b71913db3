#pragma once

// The server's logging categories, one per area.

#include <QLoggingCategory>

namespace Natter {

Q_DECLARE_LOGGING_CATEGORY(lcServer) // natter.server: listening, connections, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcSession) // natter.session: one connection's frames, limits, keepalive
Q_DECLARE_LOGGING_CATEGORY(lcStore) // natter.store: SQLite history

} // namespace Natter
