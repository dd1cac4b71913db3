#pragma once

// The chat window: the conversation list, the conversation on screen with its header, banners, messages and
// composer, the members, and the menus. It shows the session's models and forwards what the user asks for;
// questions that concern the whole app (quit, host, connect elsewhere) go to the Launcher as signals.

#include "conversationid.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QAction;
class QSplitter;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;
class Composer;
class ConnectionBanner;
class ConversationHeader;
class ConversationPane;
class ConversationQuestions;
class InfoBar;
class MemberModel;
class MessageActions;
class MessageJump;
class MessageView;
class QuickSwitcher;
class SearchPanel;
class ShareStatus;
class TypingLine;

class MemberPane;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ChatSession *session, QWidget *parent = nullptr);

    // While hosting, the addresses others can join at (the first is shown and copied); empty when not hosting.
    void setShareUrls(const QList<QUrl> &urls);
    QList<QUrl> shareUrls() const;
    // A refusal or failure above the messages; it goes away by itself.
    void showNotice(const QString &text);
    // Something worth knowing above the messages (a port that was busy); it stays until dismissed.
    void showInformation(const QString &text);
    Composer *composer() const { return m_composer; }
    MessageView *messageView() const { return m_messageView; }
    MessageActions *messageActions() const { return m_messageActions; }
    MessageJump *messageJump() const { return m_jump; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    ConnectionBanner *connectionBanner() const { return m_banner; }
    InfoBar *noticeBar() const { return m_notice; }
    ConversationHeader *header() const { return m_header; }
    QList<QAction *> shortcutActions() const;

signals:
    void changeNameRequested();
    void preferencesRequested();
    void stopHostingRequested();
    void connectElsewhereRequested();
    void cancelConnectRequested();
    void quitRequested();
    void activeChanged(bool active);
    void closeRequested(QCloseEvent *event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildChatPane();
    void buildMenus();
    void showConversation(const ConversationId &id);
    void showMembers(MemberModel *members);
    void updateStatus();
    void browseRooms();
    void openQuickSwitcher();
    void openSearch(bool everywhere);
    void goToUnread(int step);
    void showShortcuts();
    void showAbout();
    void fitPanesToWidth();

    ChatSession *m_session;
    ConversationQuestions *m_questions = nullptr;
    QSplitter *m_splitter = nullptr;
    ConversationPane *m_conversationPane = nullptr;
    ConversationHeader *m_header = nullptr;
    ConnectionBanner *m_banner = nullptr;
    InfoBar *m_notice = nullptr;
    MessageView *m_messageView = nullptr;
    MessageActions *m_messageActions = nullptr;
    MessageJump *m_jump = nullptr;
    SearchPanel *m_searchPanel = nullptr;
    TypingLine *m_typingLine = nullptr;
    Composer *m_composer = nullptr;
    MemberPane *m_memberPane = nullptr;
    QPointer<MemberModel> m_shownMembers;
    QuickSwitcher *m_switcher = nullptr;
    ShareStatus *m_status = nullptr;
    QAction *m_leaveAction = nullptr;
    QAction *m_topicAction = nullptr;
    QAction *m_copyShareAction = nullptr;
    QAction *m_stopHostingAction = nullptr;
    QAction *m_showMembersAction = nullptr;
    QList<QAction *> m_shortcutActions;
    bool m_membersHiddenForWidth = false;
    bool m_painted = false;
};

} // namespace Natter
