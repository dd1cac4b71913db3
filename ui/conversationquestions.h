#pragma once

// Asks, without blocking, what the Chat menu needs typed: the topic of the room on screen, or whom to write to
// directly. Each question is a window-modal dialog that hands the answer to the session; its label is plain text
// (it names a room or a person).

#include <QObject>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;

class ConversationQuestions : public QObject
{
    Q_OBJECT

public:
    // The dialogs open over `window`, which also owns this.
    ConversationQuestions(ChatSession *session, QWidget *window);

    void askForTopic();
    void askForDirectMessage();

private:
    // Not QInputDialog::getText(): its event loop would let the conversation go away under the caller.
    void askText(const QString &title, const QString &label, const QString &text,
                 const std::function<void(const QString &)> &done);

    ChatSession *m_session;
    QWidget *m_window;
};

} // namespace Natter
