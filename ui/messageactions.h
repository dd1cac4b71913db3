#pragma once

// What the user does with messages already sent: answer one (from its menu), react to one (a chip, its menu or the
// emoji picker), and with their own, edit one (from its menu, or Up in an empty composer for the last one) and
// delete one after saying so. Joins the message view, the composer and the session.

#include "emojipicker.h"

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QMessageBox;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;
class Composer;
class MessageView;

class MessageActions : public QObject
{
    Q_OBJECT
public:
    MessageActions(ChatSession *session, MessageView *view, Composer *composer, QObject *parent = nullptr);

    // Puts the user's newest message of the conversation on screen into the composer; false if there is none.
    bool editLast();
    // Starts an answer to message `seq` of the conversation on screen.
    void replyTo(qint64 seq);
    // Asks before deleting the user's message `seq`; the question is open (non-modal for the event loop).
    void askToDelete(qint64 seq);
    QMessageBox *deleteQuestion() const { return m_question; }
    // Opens the emoji picker for message `seq` of the conversation on screen: the emoji picked is put on it, or
    // taken back when it was the user's already.
    void pickReaction(qint64 seq);
    EmojiPicker *reactionPicker() const { return m_picker; }

private:
    ChatSession *m_session;
    MessageView *m_view;
    Composer *m_composer;
    QMessageBox *m_question = nullptr;
    QPointer<EmojiPicker> m_picker;
};

} // namespace Natter
