#pragma once

// The chat window: conversations on the left, the messages of the one on screen in the middle with the composer
// under them, its members on the right, and the connection (and share address, when hosting) in the status bar.

#include "conversationid.h"

#include <QList>
#include <QMainWindow>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QListView;
class QToolButton;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;
class Composer;
class MessageView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ChatSession *session, QWidget *parent = nullptr);

    // While hosting, the addresses others can join at (the first is shown and copied).
    void setShareUrls(const QList<QUrl> &urls);
    QList<QUrl> shareUrls() const { return m_shareUrls; }
    Composer *composer() const { return m_composer; }
    MessageView *messageView() const { return m_messageView; }

signals:
    void changeNameRequested();
    void preferencesRequested();
    void stopHostingRequested();
    void quitRequested();
    void activeChanged(bool active);
    void closeRequested(QCloseEvent *event);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildConversationPane();
    QWidget *buildChatPane();
    QWidget *buildMemberPane();
    void buildMenus();
    void buildStatusBar();
    void showConversation(const ConversationId &conversation);
    void updateHeader();
    void updateTypingLine();
    void updateConnectionState();
    void copyShareUrl();
    void askToJoinRoom();
    void askForTopic();
    void askForDirectMessage();

    ChatSession *m_session;
    QListView *m_conversationList;
    MessageView *m_messageView;
    QLabel *m_title;
    QLabel *m_topic;
    QLabel *m_typingLine;
    Composer *m_composer;
    QListView *m_memberList;
    QLabel *m_connectionLabel;
    QLabel *m_shareLabel;
    QToolButton *m_copyButton;
    QAction *m_leaveAction = nullptr;
    QAction *m_topicAction = nullptr;
    QAction *m_copyShareAction = nullptr;
    QAction *m_stopHostingAction = nullptr;
    QList<QUrl> m_shareUrls;
};

} // namespace Natter
