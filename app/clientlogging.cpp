#include "clientlogging.h"

namespace Natter {

Q_LOGGING_CATEGORY(lcClient, "natter.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHost, "natter.host", QtInfoMsg)

} // namespace Natter
