#pragma once

// Words for the user, in the user's language, each refusal of a ChatClient's request that nothing else on screen
// shows: a history page, a join, a topic, a new name, or anything else the server refused.

#include <QObject>

namespace Natter {

class ChatClient;

class RefusalNotices : public QObject
{
    Q_OBJECT
public:
    explicit RefusalNotices(ChatClient *client, QObject *parent = nullptr);

signals:
    void noticeRaised(const QString &text);
};

} // namespace Natter
