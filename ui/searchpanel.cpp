#include "searchpanel.h"

#include "chatsession.h"
#include "conversation.h"
#include "searchhitdelegate.h"
#include "searchresultsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter {

namespace {
enum ScopeItem { ThisConversation, Everywhere };
} // namespace

SearchPanel::SearchPanel(ChatSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_results(new SearchResultsModel(session->client(), this))
    , m_field(new QLineEdit)
    , m_scope(new QComboBox)
    , m_status(new QLabel)
    , m_list(new QListView)
{
    setObjectName(QStringLiteral("searchPanel"));
    setMinimumWidth(220);
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search messages"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaxLength(Protocol::SearchRequest::MaxQueryLength);
    m_field->installEventFilter(this);
    auto *close = new QToolButton;
    close->setObjectName(QStringLiteral("closeSearchButton"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close the search (Esc)"));
    close->setAccessibleName(tr("Close search"));
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });

    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_scope->addItem(QString()); // named after the conversation at openFor()
    m_scope->addItem(tr("Everywhere"));
    m_scope->setAccessibleName(tr("Where to search"));
    connect(m_scope, &QComboBox::activated, this, &SearchPanel::search);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText); // it repeats the query
    m_status->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("searchHits"));
    m_list->setModel(m_results);
    m_list->setItemDelegate(new SearchHitDelegate(m_list));
    m_list->setUniformItemSizes(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Messages found"));
    connect(m_list, &QListView::activated, this, &SearchPanel::choose);
    connect(m_list, &QListView::clicked, this, &SearchPanel::choose);

    m_pause.setSingleShot(true);
    m_pause.setInterval(TypingPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &SearchPanel::search);
    connect(m_field, &QLineEdit::textEdited, &m_pause, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, &SearchPanel::search);
    connect(m_results, &SearchResultsModel::stateChanged, this, &SearchPanel::updateStatus);
    connect(m_results, &SearchResultsModel::modelReset, this, &SearchPanel::updateStatus);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_field, 1);
    top->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_scope);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    updateStatus();
}

void SearchPanel::openFor(const ConversationId &conversation, bool everywhere)
{
    m_conversation = conversation;
    const Conversation *shown = conversation.isValid() ? m_session->find(conversation) : nullptr;
    //: Where to search: only the conversation on screen, "#dev" or a person's name.
    m_scope->setItemText(ThisConversation, shown ? tr("In %1").arg(shown->title()) : tr("In this conversation"));
    const int wanted = everywhere || !conversation.isValid() ? Everywhere : ThisConversation;
    const bool changed = m_scope->currentIndex() != wanted || m_results->scope() != scope();
    m_scope->setCurrentIndex(wanted);
    show();
    m_field->setFocus();
    m_field->selectAll();
    if (changed && !m_field->text().trimmed().isEmpty())
        search();
}

ConversationId SearchPanel::scope() const
{
    return m_scope->currentIndex() == ThisConversation ? m_conversation : ConversationId();
}

void SearchPanel::search()
{
    m_pause.stop();
    m_results->search(m_field->text(), scope());
}

void SearchPanel::updateStatus()
{
    QString text;
    switch (m_results->state()) {
    case SearchResultsModel::State::Idle:
        text = tr("Type words to find the messages that contain them.");
        break;
    case SearchResultsModel::State::Searching:
        text = tr("Searching…");
        break;
    case SearchResultsModel::State::Done:
        text = m_results->rowCount() == 0 ? tr("No messages contain “%1”.").arg(m_results->query())
                                          : tr("%n message(s) found.", nullptr, m_results->rowCount());
        break;
    case SearchResultsModel::State::Failed:
        text = m_results->failure();
        break;
    }
    m_status->setText(text);
}

void SearchPanel::choose(const QModelIndex &index)
{
    if (index.isValid())
        emit hitChosen(m_results->conversationAt(index.row()), m_results->seqAt(index.row()));
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_results->rowCount() > 0) {
            m_list->setFocus();
            if (!m_list->currentIndex().isValid())
                m_list->setCurrentIndex(m_results->index(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        emit closed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Natter
