#include "composer.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace Natter {

namespace {
// The counter appears once a message uses this share of the limit; before that it would only be noise.
constexpr double CounterThreshold = 0.8;
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
{
    m_editor->setObjectName(QStringLiteral("composerEdit"));
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("Write a message…"));
    m_editor->installEventFilter(this);
    // About three lines tall; the text scrolls inside beyond that.
    const int lineHeight = m_editor->fontMetrics().lineSpacing();
    m_editor->setFixedHeight(lineHeight * 3 + 2 * m_editor->frameWidth() + 8);

    m_counter->setObjectName(QStringLiteral("composerCounter"));
    m_counter->setTextFormat(Qt::PlainText);
    m_counter->hide();
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setEnabled(false);
    m_sendButton->setToolTip(tr("Send (Enter). Shift+Enter starts a new line."));

    auto *side = new QVBoxLayout;
    side->addStretch();
    side->addWidget(m_counter, 0, Qt::AlignRight);
    side->addWidget(m_sendButton);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addLayout(side);

    connect(m_sendButton, &QPushButton::clicked, this, &Composer::submit);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateCounter();
        if (!m_editor->toPlainText().isEmpty())
            emit typing();
    });
}

void Composer::setMaxBytes(int bytes)
{
    m_maxBytes = bytes;
    updateCounter();
}

void Composer::setPlaceholder(const QString &text)
{
    m_editor->setPlaceholderText(text);
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::clear()
{
    m_editor->clear();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::submit()
{
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty() || text.toUtf8().size() > m_maxBytes)
        return;
    emit sendRequested(text);
    m_editor->clear();
}

void Composer::updateCounter()
{
    const QString text = m_editor->toPlainText();
    const int used = static_cast<int>(text.toUtf8().size());
    const bool tooLong = used > m_maxBytes;
    m_sendButton->setEnabled(!text.trimmed().isEmpty() && !tooLong);
    if (used < m_maxBytes * CounterThreshold) {
        m_counter->hide();
        return;
    }
    // Phrased so that no language needs a plural form for the number.
    m_counter->setText(tooLong ? tr("Bytes over the limit: %1").arg(used - m_maxBytes)
                               : tr("Bytes left: %1").arg(m_maxBytes - used));
    QPalette palette = m_counter->palette();
    palette.setColor(QPalette::WindowText, tooLong ? QColor(Qt::red) : palette.color(QPalette::PlaceholderText));
    m_counter->setPalette(palette);
    m_counter->show();
}

} // namespace Natter
