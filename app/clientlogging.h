#pragma once

// The desktop app's logging categories, one per area.

#include <QLoggingCategory>

namespace Natter {

Q_DECLARE_LOGGING_CATEGORY(lcClient) // natter.client: the connection to a server
Q_DECLARE_LOGGING_CATEGORY(lcHost) // natter.host: the server this app hosts

} // namespace Natter
