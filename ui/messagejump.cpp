#include "messagejump.h"

#include "chatsession.h"
#include "conversation.h"
#include "historyexcerpt.h"
#include "infobar.h"
#include "messagemodel.h"
#include "messageview.h"

#include <QScrollBar>
#include <QToolButton>

namespace Natter {

MessageJump::MessageJump(ChatSession *session, MessageView *view, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_view(view)
    , m_excerpt(new HistoryExcerpt(session->client(), this))
    , m_bar(new InfoBar)
{
    m_bar->setObjectName(QStringLiteral("excerptBar"));
    m_bar->hide();
    QToolButton *back = m_bar->addButton(tr("Back to Newest"), QStringLiteral("backToNewestButton"));
    connect(back, &QToolButton::clicked, this, &MessageJump::backToPresent);
    connect(m_excerpt, &HistoryExcerpt::loaded, this, &MessageJump::showExcerpt);
    connect(m_excerpt, &HistoryExcerpt::failed, this, [this](const QString &reason) {
        m_bar->hide();
        emit failed(reason);
    });
    // Another conversation (or the same one chosen again) shows its newest messages.
    connect(session, &ChatSession::currentChanged, this, &MessageJump::backToPresent);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageJump::loadNewerAtBottom);
    connect(m_excerpt, &HistoryExcerpt::newerChanged, this, &MessageJump::loadNewerAtBottom);
}

MessageJump::~MessageJump() = default;

bool MessageJump::isShowingExcerpt() const
{
    return m_showing;
}

void MessageJump::show(const ConversationId &conversation, qint64 seq)
{
    if (m_session->current() != conversation)
        m_session->setCurrent(conversation);
    Conversation *shown = m_session->currentConversation();
    if (!shown || shown->id() != conversation || !m_view)
        return;
    if (m_showing && m_excerpt->conversation() == conversation && m_view->showMessage(seq))
        return;
    if (shown->loadThrough(seq, MaxCachedRowsLoaded)) {
        backToPresent();
        m_view->showMessage(seq);
        return;
    }
    m_bar->showMessage(tr("Loading older messages…"));
    m_excerpt->load(conversation, seq, m_session->ownName());
}

void MessageJump::showExcerpt(qint64 anchor)
{
    Conversation *shown = m_session->currentConversation();
    if (!m_view || !shown || shown->id() != m_excerpt->conversation())
        return;
    m_showing = true;
    m_view->setMessageModel(m_excerpt->messages());
    m_view->showMessage(anchor);
    //: Shown above older messages opened from a search; %1 is the conversation, "#dev" or a person's name.
    m_bar->showMessage(tr("You are reading older messages of %1.").arg(shown->title()));
}

void MessageJump::loadNewerAtBottom()
{
    if (!m_showing || !m_view || !m_excerpt->hasNewer())
        return;
    const QScrollBar *bar = m_view->verticalScrollBar();
    if (bar->value() >= bar->maximum())
        m_excerpt->loadNewer();
}

void MessageJump::backToPresent()
{
    m_bar->hide();
    m_excerpt->cancel();
    if (!std::exchange(m_showing, false) || !m_view)
        return;
    Conversation *shown = m_session->currentConversation();
    m_view->setMessageModel(shown ? shown->messages() : nullptr);
}

} // namespace Natter
