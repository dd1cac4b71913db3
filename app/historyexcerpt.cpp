#include "historyexcerpt.h"

#include "chatclient.h"
#include "clientlogging.h"
#include "errortext.h"
#include "messagemodel.h"

namespace Natter {

using namespace Protocol;

HistoryExcerpt::HistoryExcerpt(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &ChatClient::excerptReceived, this, &HistoryExcerpt::onPage);
    connect(client, &ChatClient::excerptFailed, this, &HistoryExcerpt::onFailed);
}

HistoryExcerpt::~HistoryExcerpt() = default;

void HistoryExcerpt::load(const ConversationId &conversation, qint64 seq, const QString &ownName)
{
    ++m_generation;
    m_waitingForCurrent = 0;
    m_conversation = conversation;
    m_anchor = seq;
    m_ownName = ownName;
    ask(Ask::Around, 0, seq);
}

void HistoryExcerpt::cancel()
{
    ++m_generation;
    m_waitingForCurrent = 0;
}

void HistoryExcerpt::ask(Ask what, qint64 beforeSeq, qint64 aroundSeq)
{
    if (!m_client)
        return;
    m_waiting.append({m_conversation, what, m_generation});
    ++m_waitingForCurrent;
    m_client->requestExcerpt(m_conversation, beforeSeq, aroundSeq);
}

void HistoryExcerpt::loadOlder(qint64 beforeSeq)
{
    if (m_waitingForCurrent == 0)
        ask(Ask::Older, beforeSeq, 0);
    else
        m_messages->cancelHistoryRequest(); // asked again when the view reaches the top after this answer
}

void HistoryExcerpt::loadNewer()
{
    if (!m_messages || !m_newer || m_waitingForCurrent > 0)
        return;
    // The page around the row after the newest: its newer half is what comes next.
    ask(Ask::Newer, 0, m_messages->newestSeq() + 1);
}

std::optional<HistoryExcerpt::Waiting> HistoryExcerpt::settle(const ConversationId &conversation)
{
    if (m_waiting.isEmpty() || m_waiting.constFirst().conversation != conversation)
        return std::nullopt; // asked by an excerpt that no longer exists
    const Waiting waiting = m_waiting.takeFirst();
    if (waiting.generation != m_generation)
        return std::nullopt;
    --m_waitingForCurrent;
    return waiting;
}

void HistoryExcerpt::onPage(const HistoryPage &page)
{
    const ConversationId conversation =
        page.room.isEmpty() ? ConversationId::direct(page.to) : ConversationId::room(page.room);
    const std::optional<Waiting> waiting = settle(conversation);
    if (!waiting)
        return;
    switch (waiting->ask) {
    case Ask::Around: {
        auto *model = new MessageModel(m_conversation, this);
        model->setOwnName(m_ownName);
        model->prependHistory(page.messages, page.more);
        connect(model, &MessageModel::historyRequested, this, &HistoryExcerpt::loadOlder);
        MessageModel *former = std::exchange(m_messages, model);
        m_newer = page.newer;
        if (model->rowCount() == 0) {
            emit failed(tr("That message is no longer there."));
        } else {
            emit loaded(m_anchor);
            emit newerChanged();
        }
        if (former)
            former->deleteLater(); // a view may still show it until it hears of the new one
        return;
    }
    case Ask::Older:
        m_messages->prependHistory(page.messages, page.more);
        return;
    case Ask::Newer:
        for (const ChatMessage &message : page.messages)
            m_messages->addMessage(message);
        m_newer = page.newer;
        emit newerChanged();
        return;
    }
}

void HistoryExcerpt::onFailed(const ConversationId &conversation, const ErrorEvent &error)
{
    const std::optional<Waiting> waiting = settle(conversation);
    if (!waiting)
        return;
    qCInfo(lcClient) << "an excerpt of" << conversation.key() << "could not be loaded:" << error.message;
    const QString reason = error.message.isEmpty() && error.code == ErrorCode::BadRequest
        ? tr("Older messages can be loaded once Natter is connected again.")
        : ErrorText::describe(error);
    switch (waiting->ask) {
    case Ask::Around:
        emit failed(reason);
        return;
    case Ask::Older:
        m_messages->cancelHistoryRequest();
        return;
    case Ask::Newer:
        return; // loadNewer() may ask again
    }
}

} // namespace Natter
