#pragma once

// The conversation list beside the messages, with its Browse Rooms button: choosing a row puts that conversation
// on screen.

#include "conversationid.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QListView;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;

class ConversationPane : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationPane(ChatSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    // Marks the conversation on screen as the list's current row.
    void showCurrent(const ConversationId &id);

signals:
    void browseRoomsRequested();

private:
    ChatSession *m_session;
    QListView *m_list;
};

} // namespace Natter
