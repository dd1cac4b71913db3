#pragma once

// Says above the messages whether the chat can be reached right now and what the user can do about it:
// cancel a connection attempt, reconnect now, or go to another chat. Hidden while all is well.

#include "infobar.h"

namespace Natter {

class ChatSession;

class ConnectionBanner : public InfoBar
{
    Q_OBJECT
public:
    explicit ConnectionBanner(ChatSession *session, QWidget *parent = nullptr);

    // Shown while the connection is off; also what the status bar says.
    QString stateText() const;

signals:
    void cancelRequested();
    void connectElsewhereRequested();

private:
    void refresh();

    ChatSession *m_session;
    QToolButton *m_cancelButton;
    QToolButton *m_reconnectButton;
    QToolButton *m_elsewhereButton;
};

} // namespace Natter
