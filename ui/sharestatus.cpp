#include "sharestatus.h"

#include "invitelink.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QTextDocument>
#include <QToolButton>

namespace Natter {

ShareStatus::ShareStatus(QWidget *parent)
    : QStatusBar(parent)
    , m_connectionLabel(new QLabel)
    , m_shareLabel(new QLabel)
    , m_copyButton(new QToolButton)
{
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_shareLabel->setObjectName(QStringLiteral("shareLabel"));
    m_shareLabel->setTextFormat(Qt::PlainText);
    m_shareLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton->setObjectName(QStringLiteral("copyShareButton"));
    m_copyButton->setText(tr("Copy Invite Link"));
    m_copyButton->setToolTip(tr("Copy the address others can join at"));
    connect(m_copyButton, &QToolButton::clicked, this, &ShareStatus::copyShareUrl);
    addWidget(m_connectionLabel, 1);
    addPermanentWidget(m_shareLabel);
    addPermanentWidget(m_copyButton);
    m_shareLabel->hide();
    m_copyButton->hide();
}

void ShareStatus::setConnectionText(const QString &text)
{
    m_connectionLabel->setText(text);
}

void ShareStatus::setShareUrls(const QList<QUrl> &urls)
{
    m_shareUrls = urls;
    const bool hosting = !urls.isEmpty();
    m_shareLabel->setVisible(hosting);
    m_copyButton->setVisible(hosting);
    if (!hosting)
        return;
    // The fingerprint would fill the status bar: it travels in the copied link and shows in the tooltip.
    QUrl address = Protocol::InviteLink::address(urls.first());
    if (address.path() == u"/")
        address.setPath(QString()); // StripTrailingSlash keeps a path of "/" alone
    m_shareLabel->setText(tr("Others can join at %1").arg(address.toString()));
    QStringList all;
    for (const QUrl &url : urls)
        all.append(url.toString());
    m_shareLabel->setToolTip(Qt::convertFromPlainText(all.join(u'\n'), Qt::WhiteSpaceNormal));
}

void ShareStatus::copyShareUrl()
{
    if (!m_shareUrls.isEmpty()) {
        QGuiApplication::clipboard()->setText(m_shareUrls.first().toString());
        showMessage(tr("Invite link copied."), 3000);
    }
}

} // namespace Natter
