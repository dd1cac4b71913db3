#include "composer.h"

#include "characterbudget.h"
#include "mentioncompleter.h"
#include "messagemarkup.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QVBoxLayout>
#include <QtMath>

#include <utility>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {
// A key's name as Qt shows it in the user's language, not spelled out in a sentence.
QString key(QKeyCombination combination)
{
    return QKeySequence(combination).toString(QKeySequence::NativeText);
}
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_sendButton(new QPushButton(this))
    , m_editBar(new QWidget(this))
    , m_barTitle(new QLabel(m_editBar))
    , m_barHint(new QLabel(m_editBar))
{
    m_editor->setObjectName(u"composerEdit"_s);
    m_editor->setAccessibleName(tr("Message"));
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("Write a message…"));
    m_editor->installEventFilter(this);
    // The viewport's resize tells the width the text wraps at, and so how many lines it takes.
    m_editor->viewport()->installEventFilter(this);
    m_mentions = new MentionCompleter(m_editor, this); // after the filter above: it sees the keys first

    m_counter->setObjectName(u"composerCounter"_s);
    m_counter->setTextFormat(Qt::PlainText);
    m_counter->hide();

    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setText(tr("Send"));
    m_sendButton->setIcon(QIcon::fromTheme(u"document-send"_s, style()->standardIcon(QStyle::SP_ArrowForward)));
    m_sendButton->setAccessibleName(tr("Send message"));
    m_sendButton->setToolTip(tr("Send (%1 or %2). %3 starts a new line.")
                                 .arg(key(Qt::Key_Return), key(Qt::ControlModifier | Qt::Key_Return),
                                      key(Qt::ShiftModifier | Qt::Key_Return)));
    m_sendButton->setAutoDefault(false);
    m_sendButton->setEnabled(false);

    // The counter sits beside the button so that showing it never takes height from the editor.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_counter);
    actions->addWidget(m_sendButton);
    actions->setAlignment(Qt::AlignBottom); // next to the last line while the editor grows
    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addLayout(actions);

    m_editBar->setObjectName(u"editBar"_s);
    m_barTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_barTitle->font();
    bold.setBold(true);
    m_barTitle->setFont(bold);
    m_barHint->setTextFormat(Qt::PlainText); // a quote of someone's message
    m_barHint->setForegroundRole(QPalette::PlaceholderText);
    m_barHint->setMinimumWidth(1);
    auto *cancel = new QPushButton(tr("Cancel"), m_editBar);
    cancel->setObjectName(u"cancelEditButton"_s);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, [this] {
        cancelEdit();
        cancelReply();
    });
    auto *bar = new QHBoxLayout(m_editBar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_barTitle);
    bar->addWidget(m_barHint, 1);
    bar->addWidget(cancel);
    m_editBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editBar);
    layout->addLayout(row);

    connect(m_sendButton, &QPushButton::clicked, this, &Composer::submit);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &Composer::handleTextChanged);
    updateEditorHeight();
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

void Composer::setText(const QString &text)
{
    replaceText(text);
    m_editor->moveCursor(QTextCursor::End);
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::clear()
{
    replaceText(QString());
}

void Composer::beginEdit(qint64 seq, const QString &text)
{
    if (seq <= 0)
        return;
    cancelReply();
    if (m_editingSeq == 0)
        m_stashedText = m_editor->toPlainText();
    m_editingSeq = seq;
    showBar(tr("Editing your message"), tr("%1 saves, %2 cancels").arg(key(Qt::Key_Return), key(Qt::Key_Escape)));
    m_sendButton->setText(tr("Save"));
    m_sendButton->setAccessibleName(tr("Save the edited message"));
    setText(text);
    m_editor->setFocus();
}

void Composer::showBar(const QString &title, const QString &hint)
{
    m_barTitle->setText(title);
    m_barHint->setText(hint);
    m_editBar->show();
}

void Composer::beginReply(qint64 seq, const QString &from, const QString &quote)
{
    if (seq <= 0)
        return;
    cancelEdit();
    m_replyTo = seq;
    showBar(tr("Replying to %1").arg(from), MessageMarkup::parse(quote).text); // as the message reads, no marks
    m_editor->setFocus();
}

void Composer::cancelReply()
{
    if (m_replyTo == 0)
        return;
    m_replyTo = 0;
    m_editBar->hide();
}

void Composer::cancelEdit()
{
    if (m_editingSeq != 0)
        endEdit();
}

void Composer::endEdit()
{
    m_editingSeq = 0;
    m_editBar->hide();
    m_sendButton->setText(tr("Send"));
    m_sendButton->setAccessibleName(tr("Send message"));
    setText(std::exchange(m_stashedText, {}));
}

void Composer::replaceText(const QString &text)
{
    m_replacingText = true;
    m_editor->setPlainText(text);
    m_replacingText = false;
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            submit(); // refuses what cannot be sent, and the Enter is not turned into a line break either
            return true;
        }
        if (key->key() == Qt::Key_Escape && (m_editingSeq != 0 || m_replyTo != 0)) {
            cancelEdit();
            cancelReply();
            return true;
        }
        if (key->key() == Qt::Key_Up && key->modifiers() == Qt::NoModifier && m_editingSeq == 0
            && m_editor->document()->isEmpty()) {
            emit editLastRequested();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    // A new wrap width, font or frame changes the height the same text needs.
    const bool viewportResized = watched == m_editor->viewport() && event->type() == QEvent::Resize;
    const bool editorRestyled =
        watched == m_editor && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange);
    if (viewportResized || editorRestyled)
        updateEditorHeight();
    return QWidget::eventFilter(watched, event);
}

void Composer::setMembers(QAbstractItemModel *members)
{
    m_mentions->setMembers(members);
}

void Composer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateCounter(); // the warning red depends on whether the palette is light or dark
}

void Composer::submit()
{
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty() || CharacterBudget::measure(text, m_maxBytes).isOverLimit())
        return;
    if (m_editingSeq != 0) {
        const qint64 seq = m_editingSeq;
        endEdit();
        emit editRequested(seq, text);
        return;
    }
    if (m_replyTo != 0) {
        const qint64 seq = std::exchange(m_replyTo, 0);
        m_editBar->hide();
        emit replyRequested(seq, text);
        clear();
        return;
    }
    emit sendRequested(text);
    clear();
}

void Composer::handleTextChanged()
{
    updateCounter();
    updateEditorHeight();
    if (m_replacingText || m_editingSeq != 0) // an edit in progress is no draft
        return;
    const QString text = m_editor->toPlainText();
    emit textEdited(text);
    if (!text.isEmpty())
        emit typing();
}

void Composer::updateCounter()
{
    const QString text = m_editor->toPlainText();
    const CharacterBudget budget = CharacterBudget::measure(text, m_maxBytes);
    const bool tooLong = budget.isOverLimit();
    m_sendButton->setEnabled(!text.trimmed().isEmpty() && !tooLong);
    if (text.isEmpty() || !budget.reaches(CounterThreshold)) {
        m_counter->hide();
        m_counter->clear();
        m_editor->setAccessibleDescription(QString());
        return;
    }
    m_counter->setText(tooLong ? tr("%n character(s) too many", nullptr, budget.charactersTooMany)
                               : tr("%n character(s) left", nullptr, budget.charactersLeft));
    QPalette counterPalette = palette();
    counterPalette.setColor(QPalette::WindowText,
                            tooLong ? Theme::errorColor(counterPalette)
                                    : counterPalette.color(QPalette::PlaceholderText));
    m_counter->setPalette(counterPalette);
    // Screen readers hear the count while in the editor, not only when they visit the label.
    m_editor->setAccessibleDescription(m_counter->text());
    m_counter->show();
}

void Composer::updateEditorHeight()
{
    // Lay the text out the way the editor does, at the width it wraps at, and stop once the cap is reached.
    const QTextDocument *document = m_editor->document();
    const qreal margin = document->documentMargin();
    const qreal width = qMax(qreal(1), m_editor->viewport()->width() - 2 * margin);
    qreal textHeight = 0;
    int lines = 0;
    for (QTextBlock block = document->begin(); block.isValid() && lines < MaximumVisibleLines; block = block.next()) {
        QTextLayout layout(block.text(), m_editor->font()); // the document learns a new font only after us
        layout.setTextOption(document->defaultTextOption());
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid() && lines < MaximumVisibleLines;
             line = layout.createLine()) {
            line.setLeadingIncluded(true);
            line.setLineWidth(width);
            textHeight += line.height();
            ++lines;
        }
        layout.endLayout();
    }
    // The editor scrolls unless the viewport is one pixel taller than the text and its margins.
    const QMargins frame = m_editor->contentsMargins();
    const int height = qCeil(textHeight + 2 * margin + 1) + frame.top() + frame.bottom();
    if (m_editor->minimumHeight() != height || m_editor->maximumHeight() != height)
        m_editor->setFixedHeight(height);
}

} // namespace Natter
