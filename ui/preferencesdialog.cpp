#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));

    m_directMessagesCheck = new QCheckBox(tr("Notify me of direct messages"), this);
    m_directMessagesCheck->setObjectName(QStringLiteral("notifyDirectMessagesCheck"));
    m_mentionsCheck = new QCheckBox(tr("Notify me when someone mentions my name"), this);
    m_mentionsCheck->setObjectName(QStringLiteral("notifyMentionsCheck"));
    m_trayCheck = new QCheckBox(tr("Keep hosting in the tray when I close the window"), this);
    m_trayCheck->setObjectName(QStringLiteral("minimizeToTrayCheck"));

    m_themeBox = new QComboBox(this);
    m_themeBox->setObjectName(QStringLiteral("themeBox"));
    m_themeBox->addItem(tr("Follow the system"), int(AppSettings::ThemeChoice::System));
    m_themeBox->addItem(tr("Light"), int(AppSettings::ThemeChoice::Light));
    m_themeBox->addItem(tr("Dark"), int(AppSettings::ThemeChoice::Dark));
    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceLayout = new QFormLayout(appearance);
    appearanceLayout->addRow(tr("&Theme:"), m_themeBox);

    auto *notifications = new QGroupBox(tr("Notifications"), this);
    auto *notificationsLayout = new QVBoxLayout(notifications);
    notificationsLayout->addWidget(m_directMessagesCheck);
    notificationsLayout->addWidget(m_mentionsCheck);

    auto *hosting = new QGroupBox(tr("Hosting"), this);
    auto *hostingLayout = new QVBoxLayout(hosting);
    hostingLayout->addWidget(m_trayCheck);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    m_sections = new QVBoxLayout;
    m_sections->addWidget(appearance);
    m_sections->addWidget(notifications);
    m_sections->addWidget(hosting);
    layout->addLayout(m_sections);
    layout->addStretch();
    layout->addWidget(buttons);
}

void PreferencesDialog::addSection(QWidget *section)
{
    m_sections->addWidget(section);
}

bool PreferencesDialog::notifyDirectMessages() const
{
    return m_directMessagesCheck->isChecked();
}

void PreferencesDialog::setNotifyDirectMessages(bool notify)
{
    m_directMessagesCheck->setChecked(notify);
}

bool PreferencesDialog::notifyMentions() const
{
    return m_mentionsCheck->isChecked();
}

void PreferencesDialog::setNotifyMentions(bool notify)
{
    m_mentionsCheck->setChecked(notify);
}

bool PreferencesDialog::minimizeToTrayWhileHosting() const
{
    return m_trayCheck->isChecked();
}

void PreferencesDialog::setMinimizeToTrayWhileHosting(bool minimize)
{
    m_trayCheck->setChecked(minimize);
}

AppSettings::ThemeChoice PreferencesDialog::theme() const
{
    return static_cast<AppSettings::ThemeChoice>(m_themeBox->currentData().toInt());
}

void PreferencesDialog::setTheme(AppSettings::ThemeChoice theme)
{
    m_themeBox->setCurrentIndex(m_themeBox->findData(int(theme)));
}

} // namespace Natter
