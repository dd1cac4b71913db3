#pragma once

// Opens the preferences on the app's settings and keeps what the user changes: notifications, the tray while
// hosting, and the theme, which applies at once.

#include <QObject>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Natter {

class AppSettings;
class IdentityKey;
class IdentityStore;

class PreferencesEditor
{
public:
    // `identityStore`, when not null, adds the identity section for `identity`.
    static void open(AppSettings *settings, IdentityStore *identityStore, const IdentityKey &identity, QWidget *parent);
};

} // namespace Natter
