#pragma once

// The application's look: Fusion with a light or a dark palette of checked contrasts, chosen by the user or by
// the desktop, and a focus ring that shows where the keyboard is in every widget that asks the style for one.

#include "appsettings.h"

#include <QObject>
#include <QPalette>

namespace Natter {

class Theme
{
    Q_GADGET
public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    // Sets the Fusion style (the first time) and the palette for the mode. Needs a QApplication; call it
    // before any window is created so that the desktop's own palette can still be read for Mode::System.
    static void apply(Mode mode);
    // The mode for what the user chose in the preferences.
    static Mode modeFor(AppSettings::ThemeChoice choice);

    // Whether the application's current palette is a dark one (light text on a dark window).
    static bool isDark();
    static bool isDark(const QPalette &palette);

    // Whether the desktop asks for dark applications; what Mode::System follows.
    static bool systemPrefersDark();

    // Red for a problem written on the window background: at least 4.5:1 against it, light palette or dark.
    static QColor errorColor(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace Natter
