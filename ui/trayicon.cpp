#include "trayicon.h"

#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace Natter {

namespace {

// The app icon with the unread count in a badge, so the tray tells at a glance.
QIcon badged(const QIcon &icon, int count)
{
    if (count <= 0)
        return icon;
    QPixmap pixmap = icon.pixmap(64, 64);
    if (pixmap.isNull()) {
        pixmap = QPixmap(64, 64);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(28, 28, 36, 36);
    painter.setBrush(QColor(0xd9, 0x30, 0x25));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(badge);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(count > 9 ? 17 : 22);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_icon(icon)
    , m_tray(new QSystemTrayIcon(icon, this))
    , m_menu(new QMenu)
{
    m_menu->addAction(tr("Show Natter"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    m_tray->setToolTip(toolTip());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showRequested);
    if (isAvailable())
        m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QString TrayIcon::toolTip() const
{
    return m_unread > 0 ? tr("Natter — %n unread", nullptr, m_unread) : tr("Natter");
}

void TrayIcon::setUnread(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    m_tray->setIcon(badged(m_icon, count));
    m_tray->setToolTip(toolTip());
}

void TrayIcon::notify(const QString &title, const QString &text)
{
    // Plain text only: notification servers may interpret markup, so angle brackets are escaped.
    m_tray->showMessage(title.toHtmlEscaped(), text.toHtmlEscaped(), QSystemTrayIcon::Information, 8000);
}

} // namespace Natter
