#pragma once

// The widgets' logging category.

#include <QLoggingCategory>

namespace Natter {

Q_DECLARE_LOGGING_CATEGORY(lcUi) // natter.ui: windows and what they show

} // namespace Natter
