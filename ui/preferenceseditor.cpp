#include "preferenceseditor.h"

#include "appsettings.h"
#include "identitybox.h"
#include "identitystore.h"
#include "preferencesdialog.h"
#include "theme.h"

namespace Natter {

void PreferencesEditor::open(AppSettings *settings, IdentityStore *identityStore, const IdentityKey &identity,
                             QWidget *parent)
{
    auto *dialog = new PreferencesDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNotifyDirectMessages(settings->notifyDirectMessages());
    dialog->setNotifyMentions(settings->notifyMentions());
    dialog->setMinimizeToTrayWhileHosting(settings->minimizeToTrayWhileHosting());
    dialog->setTheme(settings->theme());
    if (identityStore)
        dialog->addSection(new IdentityBox(identityStore, identity));
    QObject::connect(dialog, &QDialog::accepted, dialog, [settings, dialog] {
        settings->setNotifyDirectMessages(dialog->notifyDirectMessages());
        settings->setNotifyMentions(dialog->notifyMentions());
        settings->setMinimizeToTrayWhileHosting(dialog->minimizeToTrayWhileHosting());
        if (dialog->theme() != settings->theme()) {
            settings->setTheme(dialog->theme());
            Theme::apply(Theme::modeFor(dialog->theme()));
        }
        settings->sync();
    });
    dialog->open();
}

} // namespace Natter
