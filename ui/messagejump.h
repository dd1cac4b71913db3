#pragma once

// Brings one message of a conversation on screen, as opening a search hit does: from the rows already loaded, from
// the local cache, or else from an excerpt of the server's history around it, shown in the message view instead of
// the conversation's newest messages under a bar that leads back to them.

#include "conversationid.h"

#include <QObject>
#include <QPointer>

namespace Natter {

class ChatSession;
class HistoryExcerpt;
class InfoBar;
class MessageView;

class MessageJump : public QObject
{
    Q_OBJECT
public:
    // Cached messages loaded at most to reach one; an older message is shown from an excerpt instead.
    static constexpr int MaxCachedRowsLoaded = 5000;

    MessageJump(ChatSession *session, MessageView *view, QObject *parent = nullptr);
    ~MessageJump() override;

    // The bar shown above the messages while an excerpt is on screen; the caller places it.
    InfoBar *bar() const { return m_bar; }
    bool isShowingExcerpt() const;

public slots:
    // Opens the conversation and shows message `seq` in it, selected.
    void show(const Natter::ConversationId &conversation, qint64 seq);
    // Shows the conversation's newest messages again.
    void backToPresent();

signals:
    // The message could not be shown; reason says why, in words.
    void failed(const QString &reason);

private:
    void showExcerpt(qint64 anchor);
    void loadNewerAtBottom();

    ChatSession *m_session;
    QPointer<MessageView> m_view;
    HistoryExcerpt *m_excerpt;
    InfoBar *m_bar;
    bool m_showing = false;
};

} // namespace Natter
