#include "mainwindow.h"

#include "aboutdialog.h"
#include "chatsession.h"
#include "composer.h"
#include "connectionbanner.h"
#include "conversation.h"
#include "conversationdelegate.h"
#include "conversationheader.h"
#include "invitelink.h"
#include "membermodel.h"
#include "memberpane.h"
#include "messageactions.h"
#include "messageview.h"
#include "quickswitcher.h"
#include "roomdirectorydialog.h"
#include "roomlistmodel.h"
#include "shortcutsdialog.h"
#include "uilogging.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolButton>
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
{
    setWindowTitle(tr("Natter"));
    m_splitter = new QSplitter(this);
    m_splitter->addWidget(buildConversationPane());
    m_splitter->addWidget(buildChatPane());
    m_memberPane = new MemberPane(m_session);
    m_splitter->addWidget(m_memberPane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({190, 620, 170});
    m_splitter->setChildrenCollapsible(false);
    for (QWidget *typingTarget : {static_cast<QWidget *>(m_messageView), static_cast<QWidget *>(m_conversationList),
                                  static_cast<QWidget *>(m_memberPane->list())})
        typingTarget->installEventFilter(this);
    setCentralWidget(m_splitter);
    buildMenus();
    buildStatusBar();
    resize(1000, 680);

    connect(session, &ChatSession::currentChanged, this, &MainWindow::showConversation);
    connect(session, &ChatSession::membersChanged, this, &MainWindow::showMembers);
    connect(session, &ChatSession::connectionChanged, this, &MainWindow::updateStatus);
    connect(session, &ChatSession::noticeRaised, this, &MainWindow::showNotice);
    showConversation(session->current());
    updateStatus();
}

QWidget *MainWindow::buildConversationPane()
{
    m_conversationList = new QListView;
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->setAccessibleName(tr("Conversations"));
    m_conversationList->setModel(m_session->conversations());
    m_conversationList->setItemDelegate(new ConversationDelegate(m_conversationList));
    m_conversationList->setMouseTracking(true);
    m_conversationList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversationList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_conversationList->setTextElideMode(Qt::ElideRight);
    m_conversationList->setMinimumWidth(96);
    // The view moves its current row by itself while the list changes (a room left, a row moved): act on it
    // only once the change is over, and only if that row is still the current one.
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                if (!index.isValid())
                    return;
                const QString key = index.data(RoomListModel::KeyRole).toString();
                QMetaObject::invokeMethod(
                    this,
                    [this, key] {
                        const QModelIndex now = m_conversationList->currentIndex();
                        if (now.isValid() && now.data(RoomListModel::KeyRole).toString() == key)
                            m_session->setCurrent(m_session->conversationForKey(key));
                    },
                    Qt::QueuedConnection);
            });

    auto *browseButton = new QToolButton;
    browseButton->setObjectName(QStringLiteral("browseRoomsButton"));
    browseButton->setText(tr("Browse Rooms…"));
    browseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    browseButton->setAutoRaise(true);
    connect(browseButton, &QToolButton::clicked, this, &MainWindow::browseRooms);

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_conversationList, 1);
    layout->addWidget(browseButton);
    return pane;
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

    m_typingLine = new QLabel;
    m_typingLine->setObjectName(QStringLiteral("typingLine"));
    m_typingLine->setTextFormat(Qt::PlainText);
    m_typingLine->setForegroundRole(QPalette::PlaceholderText);
    m_typingLine->setMinimumHeight(m_typingLine->fontMetrics().height());
    m_typingLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    m_composer = new Composer;
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
    m_topicAction =
        remember(chat->addAction(tr("Set &Topic…"), QKeySequence(tr("Ctrl+T")), this, &MainWindow::askForTopic));
    remember(
        chat->addAction(tr("&Direct Message…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::askForDirectMessage));
    chat->addSeparator();
    chat->addAction(tr("Change &Name…"), this, &MainWindow::changeNameRequested);
    remember(chat->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, &MainWindow::preferencesRequested));
    chat->addSeparator();
    m_copyShareAction = remember(
        chat->addAction(tr("&Copy Invite Link"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::copyShareUrl));
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

void MainWindow::buildStatusBar()
{
    m_connectionLabel = new QLabel;
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_shareLabel = new QLabel;
    m_shareLabel->setObjectName(QStringLiteral("shareLabel"));
    m_shareLabel->setTextFormat(Qt::PlainText);
    m_shareLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QToolButton;
    m_copyButton->setObjectName(QStringLiteral("copyShareButton"));
    m_copyButton->setText(tr("Copy Invite Link"));
    m_copyButton->setToolTip(tr("Copy the address others can join at"));
    connect(m_copyButton, &QToolButton::clicked, this, &MainWindow::copyShareUrl);
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_shareLabel);
    statusBar()->addPermanentWidget(m_copyButton);
    m_shareLabel->hide();
    m_copyButton->hide();
}

void MainWindow::setShareUrls(const QList<QUrl> &urls)
{
    m_shareUrls = urls;
    const bool hosting = !urls.isEmpty();
    m_shareLabel->setVisible(hosting);
    m_copyButton->setVisible(hosting);
    m_copyShareAction->setEnabled(hosting);
    m_stopHostingAction->setEnabled(hosting);
    if (hosting) {
        // The fingerprint would fill the status bar: it travels in the copied link and shows in the tooltip.
        QUrl address = Protocol::InviteLink::address(urls.first());
        if (address.path() == u"/")
            address.setPath(QString()); // StripTrailingSlash keeps a path of "/" alone
        m_shareLabel->setText(tr("Others can join at %1").arg(address.toString()));
        QStringList all;
        for (const QUrl &url : urls)
            all.append(url.toString());
        m_shareLabel->setToolTip(Qt::convertFromPlainText(all.join(u'\n'), Qt::WhiteSpaceNormal));
    }
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->showMessage(text, InfoBar::Kind::Error, NoticeMs);
}

void MainWindow::showInformation(const QString &text)
{
    m_notice->showMessage(text, InfoBar::Kind::Information);
}

void MainWindow::copyShareUrl()
{
    if (!m_shareUrls.isEmpty()) {
        QGuiApplication::clipboard()->setText(m_shareUrls.first().toString());
        statusBar()->showMessage(tr("Invite link copied."), 3000);
    }
}

void MainWindow::showConversation(const ConversationId &id)
{
    Conversation *conversation = m_session->currentConversation();
    m_header->setConversation(conversation);
    if (conversation) {
        m_messageView->setMessageModel(conversation->messages());
        const int row = m_session->conversations()->rowOf(id);
        if (row >= 0 && m_conversationList->currentIndex().row() != row)
            m_conversationList->setCurrentIndex(m_session->conversations()->index(row));
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
    if (m_shownMembers)
        disconnect(m_shownMembers, nullptr, this, nullptr);
    m_shownMembers = members;
    m_memberPane->setModel(members);
    if (members)
        connect(members, &MemberModel::typingChanged, this, &MainWindow::updateTypingLine);
    updateTypingLine();
}

void MainWindow::updateTypingLine()
{
    const QStringList names = m_shownMembers ? m_shownMembers->typingNames() : QStringList{};
    if (names.isEmpty())
        m_typingLine->clear();
    else if (names.size() == 1)
        m_typingLine->setText(tr("%1 is typing…").arg(names.first()));
    else if (names.size() == 2)
        m_typingLine->setText(tr("%1 and %2 are typing…").arg(names.at(0), names.at(1)));
    else
        m_typingLine->setText(tr("Several people are typing…"));
}

void MainWindow::updateStatus()
{
    m_connectionLabel->setText(m_banner->briefStateText());
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

void MainWindow::askText(const QString &title, const QString &label, const QString &text,
                         const std::function<void(const QString &)> &done)
{
    // Not QInputDialog::getText(): its event loop would let the conversation go away under the caller.
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    for (QLabel *shown : dialog->findChildren<QLabel *>())
        shown->setTextFormat(Qt::PlainText); // the label names a room or a person
    connect(dialog, &QInputDialog::textValueSelected, this, done);
    dialog->open();
}

void MainWindow::askForTopic()
{
    const Conversation *room = m_session->currentConversation();
    if (!room || !room->id().isRoom())
        return;
    const QString name = room->id().name;
    askText(tr("Set Topic"), tr("Topic of #%1:").arg(name), room->topic(),
            [this, name](const QString &topic) { m_session->setTopic(name, topic.trimmed()); });
}

void MainWindow::askForDirectMessage()
{
    askText(tr("Direct Message"), tr("Write directly to:"), {}, [this](const QString &peer) {
        if (!peer.trimmed().isEmpty())
            m_session->openDirect(peer.trimmed());
    });
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
    if (sizes.size() == 3) {
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
