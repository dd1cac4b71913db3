#pragma once

// Tells the user of a mention or a direct message that arrives while the window is not active, as the settings
// ask: the window asks for attention, and the tray shows one notification for each burst.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Natter {

class AppSettings;
struct ConversationId;
class TrayIcon;

class MessageNotifier : public QObject
{
    Q_OBJECT
public:
    // Neither is owned; the notifier is a child of the tray.
    MessageNotifier(AppSettings *settings, QWidget *window, TrayIcon *tray);

    // Something addressed to the user arrived where the user is not looking.
    void notify(const Natter::ConversationId &conversation, const QString &from, const QString &text);

private:
    AppSettings *m_settings;
    QPointer<QWidget> m_window;
    TrayIcon *m_tray;
    QElapsedTimer m_lastNotification;
};

} // namespace Natter
