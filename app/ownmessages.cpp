#include "ownmessages.h"

#include "chatclient.h"
#include "chatsession.h"
#include "conversation.h"
#include "errortext.h"
#include "messagemodel.h"

namespace Natter {

using namespace Protocol;

OwnMessages::OwnMessages(ChatClient *client, ChatSession *session)
    : QObject(session)
    , m_client(client)
    , m_session(session)
{
    connect(client, &ChatClient::messageFailed, this, &OwnMessages::onMessageFailed);
}

QString OwnMessages::send(const QString &text)
{
    const ConversationId current = m_session->current();
    if (!current.isValid() || text.trimmed().isEmpty())
        return {};
    if (Conversation *shown = m_session->currentConversation())
        shown->setDraft({});
    static const QString actionPrefix = QStringLiteral("/me ");
    if (text.startsWith(actionPrefix)) {
        const QString action = text.mid(actionPrefix.size());
        if (action.trimmed().isEmpty())
            return {}; // "/me" alone says nothing; the server would refuse it
        return m_client->sendMessage(current, action, MessageKind::Action);
    }
    return m_client->sendMessage(current, text, MessageKind::Text);
}

QString OwnMessages::edit(qint64 seq, const QString &text)
{
    const ConversationId current = m_session->current();
    if (!current.isValid() || seq <= 0 || text.trimmed().isEmpty())
        return {};
    return m_client->sendMessage(current, text, MessageKind::Edit, seq);
}

QString OwnMessages::reply(qint64 seq, const QString &text)
{
    Conversation *shown = m_session->currentConversation();
    if (!shown || text.trimmed().isEmpty())
        return {};
    const auto quote = shown->messages()->quoteOf(seq);
    if (!quote)
        return send(text); // the message is gone: an answer to nothing is a plain message
    shown->setDraft({});
    return m_client->sendReply(m_session->current(), text, quote->seq, quote->from, quote->text);
}

QString OwnMessages::remove(qint64 seq)
{
    const ConversationId current = m_session->current();
    if (!current.isValid() || seq <= 0)
        return {};
    return m_client->sendMessage(current, {}, MessageKind::Delete, seq);
}

void OwnMessages::retry(const QString &id)
{
    const auto message = m_client->outbox().find(id);
    if (message && m_client->retryMessage(id)) {
        if (Conversation *found = m_session->find(message->conversation))
            found->markPending(id);
    }
}

void OwnMessages::discard(const QString &id)
{
    const auto message = m_client->outbox().find(id);
    if (message && m_client->discardMessage(id)) {
        if (Conversation *found = m_session->find(message->conversation))
            found->discard(id);
    }
}

void OwnMessages::onMessageFailed(const QString &id, const ErrorEvent &error)
{
    const auto message = m_client->outbox().find(id);
    if (!message)
        return;
    const ConversationId conversation = message->conversation;
    const ErrorText::Subject subject{conversation.isRoom() ? conversation.name : QString(),
                                     {},
                                     conversation.isRoom() ? QString() : conversation.name};
    if (isRevision(message->kind)) {
        // No row shows it: say so once, and keep nothing to retry (the message it meant to change is as it was).
        m_client->discardMessage(id);
        if (Conversation *found = m_session->find(conversation))
            found->discard(id);
        emit noticeRaised(ErrorText::describe(error, subject));
        return;
    }
    if (Conversation *found = m_session->find(conversation))
        found->markFailed(id, ErrorText::describe(error, subject));
}

} // namespace Natter
