#pragma once

// Asks before the chat this computer hosts ends for everyone: on quit (with the choice to keep hosting in the
// tray), on Stop Hosting, and before going to another chat.

#include <QMessageBox>

namespace Natter {

class HostingQuestion : public QMessageBox
{
    Q_OBJECT
public:
    enum class Reason { Quit, StopHosting };
    enum class Answer { Stop, KeepInTray, Cancel };
    Q_ENUM(Answer)

    HostingQuestion(Reason reason, bool trayAvailable, QWidget *parent = nullptr);

signals:
    void answered(Natter::HostingQuestion::Answer answer);

private:
    QPushButton *m_stop;
    QPushButton *m_keep = nullptr;
};

} // namespace Natter
