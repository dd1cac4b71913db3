#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter {

namespace {

QLabel *plainLabel(const QString &text, const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Natter"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("iconLabel"));
    const int iconSize = fontMetrics().height() * 4;
    const QIcon windowIcon = QApplication::windowIcon();
    icon->setPixmap(windowIcon.pixmap(iconSize, iconSize));
    icon->setVisible(!windowIcon.isNull());
    icon->setAlignment(Qt::AlignTop);

    QLabel *name = plainLabel(tr("Natter"), "nameLabel", this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    name->setFont(nameFont);

    QLabel *version = plainLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()), "versionLabel", this);
    // People copy the version into bug reports.
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QLabel *description = plainLabel(tr("Chat on your network without signing up."), "descriptionLabel", this);
    QLabel *qt = plainLabel(tr("Runs on Qt %1").arg(QString::fromLatin1(qVersion())), "qtVersionLabel", this);
    QPalette quiet = qt->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    qt->setPalette(quiet);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(version);
    text->addSpacing(fontMetrics().height() / 2);
    text->addWidget(description);
    text->addSpacing(fontMetrics().height() / 2);
    text->addWidget(qt);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(fontMetrics().averageCharWidth() * 2);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &AboutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
}

} // namespace Natter
