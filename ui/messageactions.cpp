#include "messageactions.h"

#include "chatsession.h"
#include "composer.h"
#include "emojipicker.h"
#include "messagemodel.h"
#include "messageview.h"
#include "reactionchips.h"
#include "reactortips.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Natter {

MessageActions::MessageActions(ChatSession *session, MessageView *view, Composer *composer, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_view(view)
    , m_composer(composer)
{
    connect(view, &MessageView::editRequested, composer, &Composer::beginEdit);
    connect(view, &MessageView::deleteRequested, this, &MessageActions::askToDelete);
    connect(composer, &Composer::editRequested, session, &ChatSession::editMessage);
    connect(composer, &Composer::editLastRequested, this, &MessageActions::editLast);
    connect(view, &MessageView::replyRequested, this, &MessageActions::replyTo);
    connect(composer, &Composer::replyRequested, session, &ChatSession::reply);
    connect(view, &MessageView::reactionToggled, session, &ChatSession::react);
    connect(view->reactorTips(), &ReactorTips::reactorsWanted, session, &ChatSession::requestReactors);
    connect(session, &ChatSession::reactorsReceived, view->reactorTips(), &ReactorTips::setReactors);
    connect(view, &MessageView::reactionPickerRequested, this, &MessageActions::pickReaction);
    // React in the menus only when the server takes reactions, and no new emoji on a message the server holds full.
    const auto offerReactions = [session, view] {
        view->setReactionsEnabled(session->canReact());
        view->setReactionLimit(session->maxReactionsPerMessage());
    };
    connect(session, &ChatSession::connectionChanged, view, offerReactions);
    offerReactions();
}

void MessageActions::replyTo(qint64 seq)
{
    if (const auto quote = m_session->messages(m_session->current())->quoteOf(seq))
        m_composer->beginReply(seq, quote->from, quote->text);
}

bool MessageActions::editLast()
{
    const MessageModel *model = m_session->messages(m_session->current());
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row);
        const bool sent =
            index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Sent);
        if (!sent || !index.data(MessageModel::IsOwnRole).toBool() || index.data(MessageModel::DeletedRole).toBool())
            continue;
        m_view->scrollTo(index);
        m_composer->beginEdit(index.data(MessageModel::SeqRole).toLongLong(),
                              index.data(MessageModel::TextRole).toString());
        return true;
    }
    return false;
}

void MessageActions::pickReaction(qint64 seq)
{
    if (m_picker)
        m_picker->close(); // deletes itself
    m_picker = new EmojiPicker(m_view->window());
    m_picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_picker, &EmojiPicker::picked, this, [this, seq](const QString &emoji) {
        const ReactionList reactions = m_session->messages(m_session->current())->reactionsOf(seq);
        if (MessageReactions::takes(reactions, emoji, m_session->maxReactionsPerMessage()))
            m_session->react(seq, emoji, !ReactionChips::isMine(reactions, emoji));
    });
    m_picker->open();
}

void MessageActions::askToDelete(qint64 seq)
{
    delete m_question;
    m_question = new QMessageBox(QMessageBox::Question, tr("Delete Message"),
                                 tr("Delete this message for everyone? Nobody will be able to read it again."),
                                 QMessageBox::Cancel, m_view->window());
    m_question->setObjectName(u"deleteMessageQuestion"_s);
    m_question->setTextFormat(Qt::PlainText);
    QPushButton *remove = m_question->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmDeleteButton"_s);
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::buttonClicked, this, [this, remove, seq](QAbstractButton *button) {
        if (button == remove)
            m_session->deleteMessage(seq);
    });
    m_question->open();
}

} // namespace Natter
