#include "uilogging.h"

namespace Natter {

Q_LOGGING_CATEGORY(lcUi, "natter.ui", QtInfoMsg)

} // namespace Natter
