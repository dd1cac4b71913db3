#include "startdialog.h"

#include "serveraddress.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace Natter {

namespace {

// Shows a status line in red (a problem) or in the quiet placeholder colour (a hint), readable on light and
// dark window backgrounds alike.
void setStatus(QLabel *label, const QString &text, bool isError)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? Theme::errorColor(palette) : palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    label->setText(text);
}

QLabel *createStatusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel *createTitle(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QFrame *createCard(QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setFrameShape(QFrame::StyledPanel);
    return card;
}

} // namespace

StartDialog::StartDialog(const QStringList &recentUrls, Choice preselected, QWidget *parent)
    : QDialog(parent)
    , m_choice(preselected)
{
    setWindowTitle(tr("Start chatting"));
    // Wide enough that an address and its explanation fit on one line each.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);

    auto *heading = createTitle(tr("Start chatting"), 1.4, this);
    heading->setObjectName(QStringLiteral("headingLabel"));

    m_errorLabel = createStatusLabel(QStringLiteral("errorLabel"), this);
    setStatus(m_errorLabel, QString(), true);
    m_errorLabel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &StartDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(m_errorLabel);
    layout->addWidget(createHostBox());
    layout->addWidget(createJoinBox(recentUrls));
    layout->addStretch();
    layout->addWidget(buttons);

    validateUrl();
    // Enter never starts a server by accident: hosting is a click (or Space on the focused button) away.
    m_hostButton->setAutoDefault(false);
    if (preselected == Choice::Host) {
        m_joinButton->setDefault(false);
        m_hostButton->setFocus();
    } else {
        m_joinButton->setDefault(true);
        m_urlEdit->setFocus();
    }
}

QWidget *StartDialog::createHostBox()
{
    auto *card = createCard(this);
    auto *title = createTitle(tr("Host a chat on this computer"), 1.1, card);
    auto *text = new QLabel(tr("Others on your network can join. You'll get an address to share."), card);
    text->setWordWrap(true);

    m_hostButton = new QPushButton(tr("Host a Chat"), card);
    m_hostButton->setObjectName(QStringLiteral("hostButton"));
    connect(m_hostButton, &QPushButton::clicked, this, [this] { choose(Choice::Host); });

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_hostButton);

    auto *layout = new QVBoxLayout(card);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addLayout(buttonRow);
    return card;
}

QWidget *StartDialog::createJoinBox(const QStringList &recentUrls)
{
    auto *card = createCard(this);
    auto *title = createTitle(tr("Join by URL"), 1.1, card);

    m_urlEdit = new QComboBox(card);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setEditable(true);
    m_urlEdit->setInsertPolicy(QComboBox::NoInsert);
    m_urlEdit->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_urlEdit->setMinimumContentsLength(28);
    m_urlEdit->lineEdit()->setPlaceholderText(QStringLiteral("wss://192.168.1.20:8642"));
    QStringList offered;
    for (const QString &recent : recentUrls) {
        if (!recent.trimmed().isEmpty() && !offered.contains(recent))
            offered.append(recent);
    }
    m_urlEdit->addItems(offered);
    m_urlEdit->setCurrentIndex(offered.isEmpty() ? -1 : 0);
    connect(m_urlEdit, &QComboBox::editTextChanged, this, &StartDialog::validateUrl);

    m_passwordEdit = new QLineEdit(card);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("Only if the host set one"));

    // Focusing or typing in the join fields makes Enter mean "Join".
    const auto preferJoin = [this] { m_joinButton->setDefault(true); };
    connect(m_urlEdit->lineEdit(), &QLineEdit::textEdited, this, preferJoin);
    connect(m_passwordEdit, &QLineEdit::textEdited, this, preferJoin);
    m_urlEdit->installEventFilter(this);
    m_urlEdit->lineEdit()->installEventFilter(this);
    m_passwordEdit->installEventFilter(this);

    m_urlStatusLabel = createStatusLabel(QStringLiteral("urlErrorLabel"), card);

    m_joinButton = new QPushButton(tr("Join"), card);
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    connect(m_joinButton, &QPushButton::clicked, this, [this] { choose(Choice::Join); });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *urlColumn = new QVBoxLayout;
    urlColumn->setSpacing(2);
    urlColumn->addWidget(m_urlEdit);
    urlColumn->addWidget(m_urlStatusLabel);
    auto *urlLabel = new QLabel(tr("&URL:"), card);
    urlLabel->setBuddy(m_urlEdit);
    form->addRow(urlLabel, urlColumn);
    form->addRow(tr("&Password:"), m_passwordEdit);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_joinButton);

    auto *layout = new QVBoxLayout(card);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    return card;
}

QUrl StartDialog::url() const
{
    return ServerAddress::parse(m_urlEdit->currentText()).value_or(QUrl());
}

QString StartDialog::password() const
{
    return m_passwordEdit->text();
}

void StartDialog::setError(const QString &message)
{
    setStatus(m_errorLabel, message, true);
    m_errorLabel->setVisible(!message.isEmpty());
}

void StartDialog::accept()
{
    // Enter or a programmatic accept() must not get around the disabled Join button.
    if (m_choice == Choice::Join && !m_joinButton->isEnabled())
        return;
    QDialog::accept();
}

bool StartDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn)
        m_joinButton->setDefault(true);
    return QDialog::eventFilter(watched, event);
}

void StartDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

void StartDialog::validateUrl()
{
    const QString text = m_urlEdit->currentText();
    QString error;
    const std::optional<QUrl> url = ServerAddress::parse(text, &error);
    m_joinButton->setEnabled(url.has_value());
    if (url)
        setStatus(m_urlStatusLabel, tr("Connects to %1").arg(url->toDisplayString()), false);
    else
        setStatus(m_urlStatusLabel, error, !text.trimmed().isEmpty());
}

} // namespace Natter
