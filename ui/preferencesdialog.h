#pragma once

// Lets people choose when Natter notifies them and whether hosting continues from the tray.

#include "appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

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

    AppSettings::ThemeChoice theme() const;
    void setTheme(AppSettings::ThemeChoice theme);

private:
    QCheckBox *m_directMessagesCheck = nullptr;
    QCheckBox *m_mentionsCheck = nullptr;
    QCheckBox *m_trayCheck = nullptr;
    QComboBox *m_themeBox = nullptr;
};

} // namespace Natter
