#include "messagenotifier.h"

#include "appsettings.h"
#include "conversationid.h"
#include "trayicon.h"

#include <QApplication>
#include <QWidget>

namespace Natter {

namespace {
constexpr qint64 NotificationGapMs = 3000;
} // namespace

MessageNotifier::MessageNotifier(AppSettings *settings, QWidget *window, TrayIcon *tray)
    : QObject(tray)
    , m_settings(settings)
    , m_window(window)
    , m_tray(tray)
{ }

void MessageNotifier::notify(const ConversationId &conversation, const QString &from, const QString &text)
{
    const bool wanted = conversation.isRoom() ? m_settings->notifyMentions() : m_settings->notifyDirectMessages();
    if (!wanted || !m_window || m_window->isActiveWindow())
        return;
    QApplication::alert(m_window);
    // A replay after a reconnect can bring many at once: one bubble stands for them.
    if (m_lastNotification.isValid() && !m_lastNotification.hasExpired(NotificationGapMs))
        return;
    m_lastNotification.start();
    m_tray->notify(conversation.isRoom() ? tr("%1 in #%2").arg(from, conversation.name) : from, text);
}

} // namespace Natter
