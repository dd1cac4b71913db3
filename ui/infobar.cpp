#include "infobar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter {

namespace {

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - amount) + b.redF() * amount),
                            static_cast<float>(a.greenF() * (1 - amount) + b.greenF() * amount),
                            static_cast<float>(a.blueF() * (1 - amount) + b.blueF() * amount));
}

} // namespace

InfoBar::InfoBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_closeButton(new QToolButton(this))
    , m_hideTimer(new QTimer(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Notice"));
    m_label->setObjectName(QStringLiteral("infoBarText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_closeButton->setObjectName(QStringLiteral("infoBarClose"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAccessibleName(tr("Dismiss"));
    m_closeButton->hide();
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);

    // The words get the whole width; the buttons sit under them, on the right, as in a message box.
    auto *top = new QHBoxLayout;
    top->addWidget(m_label, 1);
    top->addWidget(m_closeButton, 0, Qt::AlignTop);
    m_buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(m_buttons);
    hide();
    applyColors();
}

void InfoBar::showMessage(const QString &text, Kind kind, int hideAfterMs)
{
    m_label->setText(text);
    setAccessibleDescription(text);
    if (kind != m_kind) {
        m_kind = kind;
        applyColors();
    }
    if (hideAfterMs > 0)
        m_hideTimer->start(hideAfterMs);
    else
        m_hideTimer->stop();
    show();
}

QString InfoBar::text() const
{
    return m_label->text();
}

QToolButton *InfoBar::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons->addWidget(button);
    return button;
}

void InfoBar::setClosable(bool closable)
{
    m_closeButton->setVisible(closable);
}

void InfoBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColors();
}

void InfoBar::applyColors()
{
    // A light tint of the kind's colour over the window, so the text keeps the theme's own contrast.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor window = base.color(QPalette::Window);
    const bool dark = window.lightnessF() < 0.5;
    QColor accent;
    switch (m_kind) {
    case Kind::Information:
        accent = base.color(QPalette::Highlight);
        break;
    case Kind::Warning:
        accent = QColor(0xd9, 0x8e, 0x04);
        break;
    case Kind::Error:
        accent = QColor(0xd0, 0x30, 0x30);
        break;
    }
    QPalette palette = base;
    palette.setColor(QPalette::Window, mix(window, accent, dark ? 0.22 : 0.14));
    palette.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(palette);
}

} // namespace Natter
