#include "conversationquestions.h"

#include "chatsession.h"
#include "conversation.h"

#include <QInputDialog>
#include <QLabel>

namespace Natter {

ConversationQuestions::ConversationQuestions(ChatSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{ }

void ConversationQuestions::askText(const QString &title, const QString &label, const QString &text,
                                    const std::function<void(const QString &)> &done)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    for (QLabel *shown : dialog->findChildren<QLabel *>())
        shown->setTextFormat(Qt::PlainText); // the label names a room or a person
    connect(dialog, &QInputDialog::textValueSelected, this, done);
    dialog->open();
}

void ConversationQuestions::askForTopic()
{
    const Conversation *room = m_session->currentConversation();
    if (!room || !room->id().isRoom())
        return;
    const QString name = room->id().name;
    askText(tr("Set Topic"), tr("Topic of #%1:").arg(name), room->topic(),
            [this, name](const QString &topic) { m_session->setTopic(name, topic.trimmed()); });
}

void ConversationQuestions::askForDirectMessage()
{
    askText(tr("Direct Message"), tr("Write directly to:"), {}, [this](const QString &peer) {
        if (!peer.trimmed().isEmpty())
            m_session->openDirect(peer.trimmed());
    });
}

} // namespace Natter
