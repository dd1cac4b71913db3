#include "namedialog.h"

#include "theme.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter {

namespace {

// Red that stays readable on both light and dark window backgrounds.
void makeErrorLabel(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::errorColor(palette));
    label->setPalette(palette);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // Reserve a line so the dialog does not jump when a message appears.
    label->setMinimumHeight(label->fontMetrics().lineSpacing());
}

} // namespace

NameDialog::NameDialog(const QString &initialName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Choose a name"));
    // Wide enough that the protocol's longer messages wrap onto two lines, not four.
    setMinimumWidth(fontMetrics().averageCharWidth() * 55);

    auto *heading = new QLabel(tr("What should others call you?"), this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    m_nameEdit = new QLineEdit(initialName, this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("Your name"));
    m_nameEdit->setAccessibleName(tr("Name"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    makeErrorLabel(m_errorLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("okButton"));
    m_okButton->setText(tr("Continue"));
    m_okButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &NameDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NameDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_messageLabel);
    layout->addSpacing(4);
    layout->addWidget(m_nameEdit);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &NameDialog::validate);
    // Nobody is told off before typing anything: the rule shows once the user has edited the name.
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] {
        m_edited = true;
        validate();
    });
    validate();
    m_nameEdit->selectAll();
    m_nameEdit->setFocus();
}

void NameDialog::setMessage(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
}

QString NameDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

void NameDialog::accept()
{
    // Enter or a programmatic accept() must not get around the disabled button.
    if (!m_okButton->isEnabled())
        return;
    QDialog::accept();
}

void NameDialog::validate()
{
    // The protocol's message is shown as it is; it explains the rule the server will apply.
    const std::optional<Protocol::ProtocolError> error = Protocol::validateName(name());
    m_errorLabel->setText(error && m_edited ? error->message : QString());
    m_okButton->setEnabled(!error);
}

} // namespace Natter
