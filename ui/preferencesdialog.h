#pragma once

// Lets people choose when Natter notifies them and whether hosting continues from the tray.

#include <QDialog>

class QCheckBox;

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

private:
    QCheckBox *m_directMessagesCheck = nullptr;
    QCheckBox *m_mentionsCheck = nullptr;
    QCheckBox *m_trayCheck = nullptr;
};

} // namespace Natter
