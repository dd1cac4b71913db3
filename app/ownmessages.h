#pragma once

// What the user does with their own messages in a ChatSession: sends text, actions, edits, deletions and replies to
// the conversation on screen, and retries, discards or reports the ones that fail.

#include "servermessages.h"

#include <QObject>

namespace Natter {

class ChatClient;
class ChatSession;

class OwnMessages : public QObject
{
    Q_OBJECT
public:
    OwnMessages(ChatClient *client, ChatSession *session);

    // See ChatSession: send(), editMessage(), deleteMessage(), reply(), retry() and discard() come here.
    QString send(const QString &text);
    QString edit(qint64 seq, const QString &text);
    QString remove(qint64 seq);
    QString reply(qint64 seq, const QString &text);
    void retry(const QString &id);
    void discard(const QString &id);

signals:
    void noticeRaised(const QString &text);

private:
    void onMessageFailed(const QString &id, const Protocol::ErrorEvent &error);

    ChatClient *m_client;
    ChatSession *m_session;
};

} // namespace Natter
