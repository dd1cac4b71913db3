#pragma once

// A stretch of one conversation's history fetched from the server around a message the user wants to see (a search
// hit older than anything loaded), shown in a MessageModel of its own: the conversation's own list stays the
// newest contiguous history, as the cache keeps it. Scrolling up loads older pages; loadNewer() the next one down
// until the present is reached.
//
// Pages come back in the order they were asked, so every answer settles the oldest request still waiting; one
// asked for an earlier message (or another conversation) is dropped when it comes.

#include "conversationid.h"
#include "servermessages.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace Natter {

class ChatClient;
class MessageModel;

class HistoryExcerpt : public QObject
{
    Q_OBJECT
public:
    explicit HistoryExcerpt(ChatClient *client, QObject *parent = nullptr);
    ~HistoryExcerpt() override;

    // Forgets what is shown and asks for the page around message `seq` of `conversation`.
    void load(const ConversationId &conversation, qint64 seq, const QString &ownName);
    ConversationId conversation() const { return m_conversation; }
    qint64 anchor() const { return m_anchor; }
    // The excerpt's rows; empty until loaded().
    MessageModel *messages() const { return m_messages; }
    // Newer messages than the excerpt's last row exist on the server.
    bool hasNewer() const { return m_newer; }
    bool isLoading() const { return m_waitingForCurrent > 0; }
    // Drops the answers still to come: nothing more is shown or told.
    void cancel();
    // Asks for the page after the newest row, if there is one and nothing is being asked already.
    void loadNewer();

signals:
    // The page around the anchor is shown.
    void loaded(qint64 anchor);
    // The page around the anchor will not come; reason says why, in words.
    void failed(const QString &reason);
    void newerChanged();

private:
    enum class Ask { Around, Older, Newer };
    struct Waiting
    {
        ConversationId conversation;
        Ask ask = Ask::Around;
        int generation = 0;
    };

    void ask(Ask what, qint64 beforeSeq, qint64 aroundSeq);
    void loadOlder(qint64 beforeSeq);
    void onPage(const Protocol::HistoryPage &page);
    void onFailed(const ConversationId &conversation, const Protocol::ErrorEvent &error);
    // The oldest waiting request, if it is for `conversation`; whether it is for what is shown now.
    std::optional<Waiting> settle(const ConversationId &conversation);

    QPointer<ChatClient> m_client;
    MessageModel *m_messages = nullptr;
    ConversationId m_conversation;
    QString m_ownName;
    qint64 m_anchor = 0;
    bool m_newer = false;
    int m_generation = 0;
    int m_waitingForCurrent = 0;
    QList<Waiting> m_waiting;
};

} // namespace Natter
