#include "logging.h"

namespace Natter {

Q_LOGGING_CATEGORY(lcServer, "natter.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "natter.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "natter.store", QtInfoMsg)

} // namespace Natter
