#pragma once

// The system tray entry: shows how much is unread, raises the window, and carries notifications.

#include <QIcon>
#include <QObject>

QT_BEGIN_NAMESPACE
class QMenu;
class QSystemTrayIcon;
QT_END_NAMESPACE

namespace Natter {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(const QIcon &icon, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void setUnread(int count);
    int unread() const { return m_unread; }
    QString toolTip() const;
    void notify(const QString &title, const QString &text);

signals:
    void showRequested();
    void quitRequested();

private:
    QIcon m_icon;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    int m_unread = 0;
};

} // namespace Natter
