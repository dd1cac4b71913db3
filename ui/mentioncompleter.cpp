#include "mentioncompleter.h"

#include "membermodel.h"

#include <QKeyEvent>
#include <QListView>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTextBlock>

namespace Natter {

namespace {

bool isNameCharacter(QChar character)
{
    return character.isLetterOrNumber() || character.isMark() || character == u'_' || character == u'-'
        || character == u'.' || character.isSurrogate();
}

// The members whose names start with the typed prefix, without the user.
class MentionFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setPrefix(const QString &prefix)
    {
        m_prefix = prefix;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        return !index.data(MemberModel::IsSelfRole).toBool()
            && index.data(MemberModel::NameRole).toString().startsWith(m_prefix, Qt::CaseInsensitive);
    }

private:
    QString m_prefix;
};

} // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_filter(new MentionFilter(this))
    , m_popup(new QListView)
{
    m_popup->setObjectName(QStringLiteral("mentionPopup"));
    // A tool tip window never takes the focus, so the editor keeps every key while the list is open.
    m_popup->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setModel(m_filter);
    m_popup->setModelColumn(0);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_popup, &QListView::clicked, this, [this](const QModelIndex &index) {
        m_popup->setCurrentIndex(index);
        complete();
    });
    editor->installEventFilter(this);
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
}

MentionCompleter::~MentionCompleter()
{
    delete m_popup; // a top-level window: nobody else owns it
}

void MentionCompleter::setMembers(QAbstractItemModel *members)
{
    hide();
    m_filter->setSourceModel(members);
    if (members)
        m_filter->setSortRole(MemberModel::NameRole);
}

bool MentionCompleter::isActive() const
{
    return m_popup->isVisible();
}

QStringList MentionCompleter::offered() const
{
    QStringList names;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        names.append(m_filter->index(row, 0).data(MemberModel::NameRole).toString());
    return names;
}

int MentionCompleter::mentionStart() const
{
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        return -1;
    const QString block = cursor.block().text();
    int position = cursor.positionInBlock();
    while (position > 0 && isNameCharacter(block.at(position - 1)))
        --position;
    // "@" starts a mention at the start of a line or after a space or an opening bracket, not in an address.
    if (position == 0 || block.at(position - 1) != u'@')
        return -1;
    const int at = position - 1;
    if (at > 0 && !block.at(at - 1).isSpace() && !QStringLiteral("([{\"'").contains(block.at(at - 1)))
        return -1;
    return cursor.block().position() + at;
}

void MentionCompleter::update()
{
    const int start = mentionStart();
    if (start < 0 || !m_filter->sourceModel() || !m_editor->hasFocus()) {
        hide();
        return;
    }
    const int cursor = m_editor->textCursor().position();
    const QString prefix = m_editor->toPlainText().mid(start + 1, cursor - start - 1);
    static_cast<MentionFilter *>(m_filter)->setPrefix(prefix);
    m_filter->sort(0);
    if (m_filter->rowCount() == 0) {
        hide();
        return;
    }
    if (!m_popup->currentIndex().isValid())
        m_popup->setCurrentIndex(m_filter->index(0, 0));
    const int rowHeight = std::max(m_popup->sizeHintForRow(0), 1);
    const int rows = std::min(int(m_filter->rowCount()), VisibleRows);
    const int width = std::max(m_popup->sizeHintForColumn(0) + m_popup->verticalScrollBar()->sizeHint().width(), 160);
    m_popup->resize(width + 2 * m_popup->frameWidth(), rows * rowHeight + 2 * m_popup->frameWidth());
    // Above the line being written: the composer sits at the bottom of the window.
    const QRect caret = m_editor->cursorRect();
    const QPoint anchor = m_editor->viewport()->mapToGlobal(caret.topLeft());
    m_popup->move(anchor.x(), anchor.y() - m_popup->height() - 2);
    m_popup->show();
}

void MentionCompleter::complete()
{
    const int start = mentionStart();
    const QModelIndex chosen = m_popup->currentIndex();
    if (start < 0 || !chosen.isValid()) {
        hide();
        return;
    }
    const QString name = chosen.data(MemberModel::NameRole).toString();
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(start, QTextCursor::KeepAnchor);
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_editor->setTextCursor(cursor);
    hide();
}

void MentionCompleter::hide()
{
    m_popup->hide();
    m_popup->setCurrentIndex({});
}

void MentionCompleter::move(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const int current = m_popup->currentIndex().isValid() ? m_popup->currentIndex().row() : -step;
    m_popup->setCurrentIndex(m_filter->index((current + step + rows) % rows, 0));
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut) {
        hide();
    } else if (event->type() == QEvent::KeyPress && isActive()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Tab:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            complete();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        case Qt::Key_Up:
        case Qt::Key_Backtab:
            move(-1);
            return true;
        case Qt::Key_Down:
            move(1);
            return true;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Natter
