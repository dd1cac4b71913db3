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

    // Shown while the connection is off.
    QString stateText() const;
    // A few words for the status bar: who the user is where when connected, else the state in brief (the banner
    // says the rest).
    QString briefStateText() const;

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
