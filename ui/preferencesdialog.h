#pragma once

// Lets people choose the theme, when Natter notifies them and whether hosting continues from the tray; other
// parts of the app add sections of their own (the identity).

#include "appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QVBoxLayout;

namespace Natter {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    bool notifyDirectMessages() const;
    void setNotifyDirectMessages(bool notify);

    bool notifyMentions() const;
    void setNotifyMentions(bool notify);

    bool minimizeToTrayWhileHosting() const;
    void setMinimizeToTrayWhileHosting(bool minimize);

    // Adds a section (a group box) below the dialog's own, above its buttons.
    void addSection(QWidget *section);

    AppSettings::ThemeChoice theme() const;
    void setTheme(AppSettings::ThemeChoice theme);

private:
    QCheckBox *m_directMessagesCheck = nullptr;
    QCheckBox *m_mentionsCheck = nullptr;
    QCheckBox *m_trayCheck = nullptr;
    QComboBox *m_themeBox = nullptr;
    QVBoxLayout *m_sections = nullptr;
};

} // namespace Natter
