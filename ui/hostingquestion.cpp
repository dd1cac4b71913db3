#include "hostingquestion.h"

#include <QPushButton>

namespace Natter {

HostingQuestion::HostingQuestion(Reason reason, bool trayAvailable, QWidget *parent)
    : QMessageBox(QMessageBox::Question, reason == Reason::Quit ? tr("Quit Natter") : tr("Stop Hosting"),
                  tr("This computer hosts the chat. Everyone connected to it will be disconnected until you host it "
                     "again."),
                  QMessageBox::NoButton, parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setTextFormat(Qt::PlainText);
    const bool quitting = reason == Reason::Quit;
    m_stop = addButton(quitting ? tr("Stop Hosting and Quit") : tr("Stop Hosting"), QMessageBox::AcceptRole);
    m_stop->setObjectName(QStringLiteral("stopHostingButton"));
    if (quitting && trayAvailable) {
        m_keep = addButton(tr("Keep Hosting in the Tray"), QMessageBox::ActionRole);
        m_keep->setObjectName(QStringLiteral("keepHostingButton"));
    }
    addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // A stray Enter keeps everyone connected.
    setDefaultButton(QMessageBox::Cancel);
    connect(this, &QMessageBox::buttonClicked, this, [this](QAbstractButton *button) {
        emit answered(button == m_stop                 ? Answer::Stop
                          : button == m_keep && m_keep ? Answer::KeepInTray
                                                       : Answer::Cancel);
    });
}

} // namespace Natter
