#include "memberprofile.h"

#include "avatarlabel.h"
#include "identityproof.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter {

namespace {

QLabel *plainLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

MemberProfile::MemberProfile(const Member &member, QWidget *parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Profile of %1").arg(member.name));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *avatar = new AvatarLabel;
    avatar->setName(member.name);
    avatar->setDiameter(40);
    avatar->setPresence(member.online || member.self ? AvatarLabel::Presence::Online : AvatarLabel::Presence::Offline);
    header->addWidget(avatar);
    auto *nameLabel = plainLabel(member.name, QStringLiteral("nameLabel"));
    QFont nameFont = nameLabel->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameLabel->setFont(nameFont);
    auto *names = new QVBoxLayout;
    names->addWidget(nameLabel);
    names->addWidget(plainLabel(member.self         ? tr("You")
                                    : member.online ? tr("Online")
                                                    : tr("Away"),
                                QStringLiteral("statusLabel")));
    header->addLayout(names, 1);
    layout->addLayout(header);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    if (member.key.isEmpty()) {
        layout->addWidget(plainLabel(tr("%1 is a guest: the name is not theirs on this server, and anyone may use it "
                                        "once they leave. Guests have no safety number.")
                                         .arg(member.name),
                                     QStringLiteral("guestLabel")));
    } else {
        m_safetyNumber = Protocol::safetyNumber(member.key);
        layout->addWidget(plainLabel(tr("Safety number"), QStringLiteral("safetyHeading")));
        auto *number = plainLabel(m_safetyNumber, QStringLiteral("safetyNumberLabel"));
        number->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        number->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(number);
        layout->addWidget(plainLabel(member.self ? tr("Others see this number for you. When they read it to you and "
                                                      "it matches, they are talking to you.")
                                                 : tr("Ask %1 to read you the number Natter shows for them (in "
                                                      "Preferences). If it matches, you are talking to %1 and "
                                                      "nobody else.")
                                                       .arg(member.name),
                                     QStringLiteral("safetyHint")));
        QPushButton *copy = buttons->addButton(tr("Copy Safety Number"), QDialogButtonBox::ActionRole);
        copy->setObjectName(QStringLiteral("copyButton"));
        connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_safetyNumber); });
    }
    if (!member.self) {
        QPushButton *write = buttons->addButton(tr("Send Message"), QDialogButtonBox::AcceptRole);
        write->setObjectName(QStringLiteral("messageButton"));
        connect(write, &QPushButton::clicked, this, [this, name = member.name] {
            emit directRequested(name);
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Natter
