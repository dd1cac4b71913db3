#include "mainwindow.h"

#include "aboutdialog.h"
#include "chatsession.h"
#include "composer.h"
#include "connectionbanner.h"
#include "conversation.h"
#include "conversationheader.h"
#include "conversationpane.h"
#include "conversationquestions.h"
#include "membermodel.h"
#include "memberpane.h"
#include "messageactions.h"
#include "messagejump.h"
#include "messageview.h"
#include "quickswitcher.h"
#include "roomdirectorydialog.h"
#include "roomlistmodel.h"
#include "searchpanel.h"
#include "sharestatus.h"
#include "shortcutsdialog.h"
#include "typingline.h"
#include "uilogging.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Natter {

namespace {
// Below this width the member list gives its room to the messages (View → Members brings it back).
constexpr int NarrowWidth = 760;
constexpr int NoticeMs = 10'000;
} // namespace

MainWindow::MainWindow(ChatSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_questions(new ConversationQuestions(session, this))
{
    setWindowTitle(tr("Natter"));
    m_splitter = new QSplitter(this);
    m_conversationPane = new ConversationPane(m_session);
    connect(m_conversationPane, &ConversationPane::browseRoomsRequested, this, &MainWindow::browseRooms);
    m_splitter->addWidget(m_conversationPane);
    m_splitter->addWidget(buildChatPane());
    m_memberPane = new MemberPane(m_session);
    m_splitter->addWidget(m_memberPane);
    m_searchPanel = new SearchPanel(m_session);
    m_searchPanel->hide();
    m_splitter->addWidget(m_searchPanel);
    connect(m_searchPanel, &SearchPanel::hitChosen, m_jump, &MessageJump::show);
    connect(m_searchPanel, &SearchPanel::closed, this, [this] {
        m_memberPane->setVisible(m_showMembersAction->isChecked());
        m_composer->editor()->setFocus();
    });
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setStretchFactor(3, 0);
    m_splitter->setSizes({190, 620, 170});
    m_splitter->setChildrenCollapsible(false);
    for (QWidget *typingTarget :
         {static_cast<QWidget *>(m_messageView), static_cast<QWidget *>(m_conversationPane->list()),
          static_cast<QWidget *>(m_memberPane->list())})
        typingTarget->installEventFilter(this);
    setCentralWidget(m_splitter);
    m_status = new ShareStatus;
    buildMenus();
    setStatusBar(m_status);
    resize(1000, 680);

    connect(session, &ChatSession::currentChanged, this, &MainWindow::showConversation);
    connect(session, &ChatSession::membersChanged, this, &MainWindow::showMembers);
    connect(session, &ChatSession::connectionChanged, this, &MainWindow::updateStatus);
    connect(session, &ChatSession::noticeRaised, this, &MainWindow::showNotice);
    connect(session, &ChatSession::statusRaised, this, &MainWindow::showInformation);
    showConversation(session->current());
    updateStatus();
}

QWidget *MainWindow::buildChatPane()
{
    m_header = new ConversationHeader;
    m_header->setObjectName(QStringLiteral("conversationHeader"));
    connect(m_header, &ConversationHeader::linkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });

    m_banner = new ConnectionBanner(m_session);
    connect(m_banner, &ConnectionBanner::cancelRequested, this, &MainWindow::cancelConnectRequested);
    connect(m_banner, &ConnectionBanner::connectElsewhereRequested, this, &MainWindow::connectElsewhereRequested);
    m_notice = new InfoBar;
    m_notice->setObjectName(QStringLiteral("noticeBar"));
    m_notice->setClosable(true);

    m_messageView = new MessageView;
    m_messageView->setObjectName(QStringLiteral("messageView"));
    connect(m_messageView, &MessageView::linkActivated, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_messageView, &MessageView::retryRequested, m_session, &ChatSession::retry);
    connect(m_messageView, &MessageView::discardRequested, m_session, &ChatSession::discard);

    m_jump = new MessageJump(m_session, m_messageView, this);
    connect(m_jump, &MessageJump::failed, this, &MainWindow::showNotice);

    m_typingLine = new TypingLine;

    m_composer = new Composer;
    // What is sent shows at the bottom of the newest messages, not of an excerpt of older ones.
    connect(m_composer, &Composer::sendRequested, m_jump, &MessageJump::backToPresent);
    connect(m_composer, &Composer::sendRequested, m_session, &ChatSession::send);
    connect(m_composer, &Composer::typing, m_session, &ChatSession::typing);
    connect(m_composer, &Composer::textEdited, m_session, &ChatSession::setDraft);
    m_messageActions = new MessageActions(m_session, m_messageView, m_composer, this);

    auto *pane = new QWidget;
    pane->setMinimumWidth(240);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_banner);
    layout->addWidget(m_notice);
    layout->addWidget(m_jump->bar());
    layout->addWidget(m_messageView, 1);
    layout->addWidget(m_typingLine);
    layout->addWidget(m_composer);
    return pane;
}

void MainWindow::buildMenus()
{
    const auto remember = [this](QAction *action) {
        m_shortcutActions.append(action);
        return action;
    };
    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    remember(chat->addAction(tr("Connect to &Another Chat…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                             &MainWindow::connectElsewhereRequested));
    chat->addSeparator();
    remember(chat->addAction(tr("&Browse Rooms…"), QKeySequence(tr("Ctrl+J")), this, &MainWindow::browseRooms));
    m_leaveAction = remember(chat->addAction(tr("&Leave Room"), QKeySequence(tr("Ctrl+Shift+L")), this, [this] {
        if (m_session->current().isRoom())
            m_session->leaveRoom(m_session->current().name);
        else
            m_session->closeDirect(m_session->current());
    }));
    m_topicAction = remember(chat->addAction(tr("Set &Topic…"), QKeySequence(tr("Ctrl+T")), m_questions,
                                             &ConversationQuestions::askForTopic));
    remember(chat->addAction(tr("&Direct Message…"), QKeySequence(tr("Ctrl+D")), m_questions,
                             &ConversationQuestions::askForDirectMessage));
    chat->addSeparator();
    chat->addAction(tr("Change &Name…"), this, &MainWindow::changeNameRequested);
    remember(chat->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, &MainWindow::preferencesRequested));
    chat->addSeparator();
    m_copyShareAction = remember(chat->addAction(tr("&Copy Invite Link"), QKeySequence(tr("Ctrl+Shift+C")), m_status,
                                                 &ShareStatus::copyShareUrl));
    m_stopHostingAction = chat->addAction(tr("&Stop Hosting"), this, &MainWindow::stopHostingRequested);
    chat->addSeparator();
    remember(chat->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quitRequested));
    m_copyShareAction->setEnabled(false);
    m_stopHostingAction->setEnabled(false);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    remember(
        go->addAction(tr("&Jump to Conversation…"), QKeySequence(tr("Ctrl+K")), this, &MainWindow::openQuickSwitcher));
    remember(
        go->addAction(tr("&Next Unread Conversation"), QKeySequence(tr("Alt+Down")), this, [this] { goToUnread(1); }));
    remember(go->addAction(tr("&Previous Unread Conversation"), QKeySequence(tr("Alt+Up")), this,
                           [this] { goToUnread(-1); }));
    go->addSeparator();
    remember(
        go->addAction(tr("&Find in Conversation…"), QKeySequence(tr("Ctrl+F")), this, [this] { openSearch(false); }));
    remember(go->addAction(tr("Find in &All Conversations…"), QKeySequence(tr("Ctrl+Shift+F")), this,
                           [this] { openSearch(true); }));
    remember(go->addAction(tr("Newest &Message"), QKeySequence(tr("Ctrl+End")), m_messageView,
                           &MessageView::scrollToNewest));
    m_showMembersAction = go->addAction(tr("Show M&embers"));
    m_showMembersAction->setCheckable(true);
    m_showMembersAction->setChecked(true);
    connect(m_showMembersAction, &QAction::toggled, m_memberPane, &QWidget::setVisible);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    remember(help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this, &MainWindow::showShortcuts));
    help->addAction(tr("&About Natter"), this, &MainWindow::showAbout);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    return m_shortcutActions;
}

void MainWindow::setShareUrls(const QList<QUrl> &urls)
{
    const bool hosting = !urls.isEmpty();
    m_status->setShareUrls(urls);
    m_copyShareAction->setEnabled(hosting);
    m_stopHostingAction->setEnabled(hosting);
}

QList<QUrl> MainWindow::shareUrls() const
{
    return m_status->shareUrls();
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->showMessage(text, InfoBar::Kind::Error, NoticeMs);
}

void MainWindow::showInformation(const QString &text)
{
    m_notice->showMessage(text, InfoBar::Kind::Information);
}

void MainWindow::showConversation(const ConversationId &id)
{
    Conversation *conversation = m_session->currentConversation();
    m_header->setConversation(conversation);
    if (conversation) {
        m_messageView->setMessageModel(conversation->messages());
        m_conversationPane->showCurrent(id);
        m_composer->setPlaceholder(id.isRoom() ? tr("Message #%1").arg(id.name) : tr("Message %1").arg(id.name));
        m_composer->cancelEdit(); // an edit or an answer belongs to the conversation it started in
        m_composer->cancelReply();
        m_composer->setText(conversation->draft());
        if (isActiveWindow())
            m_composer->editor()->setFocus();
        setWindowTitle(tr("%1 — Natter").arg(conversation->title()));
    } else {
        m_messageView->setMessageModel(nullptr);
        m_composer->setText({});
        setWindowTitle(tr("Natter"));
    }
    m_composer->setEnabled(conversation != nullptr);
    // For a direct conversation the same action closes it.
    m_leaveAction->setEnabled(id.isValid());
    m_leaveAction->setText(id.isValid() && !id.isRoom() ? tr("C&lose Conversation") : tr("&Leave Room"));
    m_topicAction->setEnabled(id.isValid() && id.isRoom());
    showMembers(m_session->members());
}

void MainWindow::showMembers(MemberModel *members)
{
    if (m_shownMembers == members)
        return;
    m_shownMembers = members;
    m_memberPane->setModel(members);
    m_typingLine->setMembers(members);
    m_composer->setMembers(members);
    m_messageView->setMembers(members);
}

void MainWindow::updateStatus()
{
    m_status->setConnectionText(m_banner->briefStateText());
    m_composer->setMaxBytes(m_session->maxTextBytes());
}

void MainWindow::browseRooms()
{
    if (m_session->connectionState() != ChatClient::State::Connected) {
        showNotice(tr("The rooms of this chat can be browsed once Natter is connected again."));
        return;
    }
    auto *dialog = new RoomDirectoryDialog(m_session->roomDirectory(), m_session->serverName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RoomDirectoryDialog::refreshRequested, m_session, &ChatSession::requestRooms);
    connect(dialog, &RoomDirectoryDialog::joinRequested, m_session, &ChatSession::joinRoom);
    dialog->open();
}

void MainWindow::openQuickSwitcher()
{
    if (!m_switcher) {
        m_switcher = new QuickSwitcher(m_session->conversations(), this);
        m_switcher->setObjectName(QStringLiteral("quickSwitcher"));
        connect(m_switcher, &QuickSwitcher::conversationChosen, this, [this](const QString &key) {
            m_session->setCurrent(m_session->conversationForKey(key));
            m_composer->editor()->setFocus();
        });
    }
    m_switcher->open();
}

void MainWindow::openSearch(bool everywhere)
{
    // The hits take the member list's place while the search is open.
    const bool opening = !m_searchPanel->isVisible();
    m_memberPane->hide();
    m_searchPanel->openFor(m_session->current(), everywhere);
    QList<int> sizes = m_splitter->sizes();
    const int width = std::max(m_searchPanel->minimumWidth(), 300);
    if (opening && sizes.size() == 4 && sizes[3] < width) {
        // A splitter gives a widget that was hidden no room of its own when it shows.
        sizes[1] = std::max(sizes[1] + sizes[3] - width, 240);
        sizes[3] = width;
        m_splitter->setSizes(sizes);
    }
}

void MainWindow::goToUnread(int step)
{
    const ConversationId next = m_session->conversations()->nextUnread(m_session->current(), step);
    if (next.isValid())
        m_session->setCurrent(next);
    else
        statusBar()->showMessage(tr("Nothing else is unread."), 3000);
}

void MainWindow::showShortcuts()
{
    const QList<std::pair<QKeySequence, QString>> keys{
        {QKeySequence(Qt::Key_Return), tr("Send the message")},
        {QKeySequence(Qt::ShiftModifier | Qt::Key_Return), tr("Start a new line")},
        {QKeySequence(QKeySequence::Copy), tr("Copy the selected message or text")},
        {QKeySequence(Qt::Key_Tab), tr("Complete the name after @")},
        {QKeySequence(Qt::Key_Up), tr("Edit your last message (in an empty box)")},
        {QKeySequence(Qt::Key_Menu), tr("Actions for the selected message (also Shift+F10)")},
    };
    auto *dialog = new ShortcutsDialog(m_shortcutActions, keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::fitPanesToWidth()
{
    const bool narrow = width() < NarrowWidth;
    if (narrow == m_membersHiddenForWidth)
        return;
    m_membersHiddenForWidth = narrow;
    m_showMembersAction->setChecked(!narrow);
    QList<int> sizes = m_splitter->sizes();
    if (sizes.size() >= 3) {
        const int side = narrow ? std::max(120, width() / 5) : 190;
        sizes[1] += sizes[0] - side;
        sizes[0] = side;
        m_splitter->setSizes(sizes);
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Typing while the message view or the list has the focus writes a message, as people expect.
    if (event->type() == QEvent::KeyPress && m_composer->isEnabled()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (plain && !key->text().isEmpty() && key->text().at(0).isPrint()) {
            m_composer->editor()->setFocus();
            QCoreApplication::sendEvent(m_composer->editor(), event);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitPanesToWidth();
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (!m_painted) {
        // How long a start takes to show something is worth knowing (scripts/bench measures it from this line).
        m_painted = true;
        qCDebug(lcUi) << "first frame painted with" << m_session->conversations()->rowCount() << "conversations";
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange)
        emit activeChanged(isActiveWindow());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The launcher decides: hide to the tray while hosting, or quit.
    emit closeRequested(event);
    if (!event->isAccepted())
        return;
    QMainWindow::closeEvent(event);
}

} // namespace Natter
