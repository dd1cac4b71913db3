#include "mainwindow.h"

#include "chatclient.h"
#include "chatsession.h"
#include "composer.h"
#include "conversationdelegate.h"
#include "memberdelegate.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "roomlistmodel.h"
#include "validation.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter {

MainWindow::MainWindow(ChatSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setWindowTitle(tr("Natter"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildConversationPane());
    splitter->addWidget(buildChatPane());
    splitter->addWidget(buildMemberPane());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 600, 180});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    buildMenus();
    buildStatusBar();
    resize(1000, 650);

    connect(session, &ChatSession::currentChanged, this, &MainWindow::showConversation);
    connect(session->client(), &ChatClient::stateChanged, this, &MainWindow::updateConnectionState);
    connect(session->client(), &ChatClient::welcomed, this,
            [this] { m_composer->setMaxBytes(m_session->client()->serverInfo().limits.maxTextBytes); });
    connect(session->conversations(), &QAbstractItemModel::dataChanged, this, &MainWindow::updateHeader);
    connect(session->members(), &MemberModel::typingChanged, this, &MainWindow::updateTypingLine);
    showConversation(session->current());
    updateConnectionState();
}

QWidget *MainWindow::buildConversationPane()
{
    m_conversationList = new QListView;
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->setModel(m_session->conversations());
    m_conversationList->setItemDelegate(new ConversationDelegate(m_conversationList));
    m_conversationList->setMouseTracking(true);
    m_conversationList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                if (index.isValid())
                    m_session->setCurrent(m_session->conversations()->conversationAt(index.row()));
            });

    auto *joinButton = new QToolButton;
    joinButton->setObjectName(QStringLiteral("joinRoomButton"));
    joinButton->setText(tr("Join or create a room…"));
    joinButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    joinButton->setAutoRaise(true);
    connect(joinButton, &QToolButton::clicked, this, &MainWindow::askToJoinRoom);

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_conversationList, 1);
    layout->addWidget(joinButton);
    return pane;
}

QWidget *MainWindow::buildChatPane()
{
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_topic = new QLabel;
    m_topic->setObjectName(QStringLiteral("conversationTopic"));
    m_topic->setTextFormat(Qt::PlainText);
    m_topic->setWordWrap(true);
    m_topic->setForegroundRole(QPalette::PlaceholderText);

    m_messageView = new MessageView;
    m_messageView->setObjectName(QStringLiteral("messageView"));
    connect(m_messageView, &MessageView::linkActivated, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_messageView, &MessageView::retryRequested, m_session, &ChatSession::retry);

    m_typingLine = new QLabel;
    m_typingLine->setObjectName(QStringLiteral("typingLine"));
    m_typingLine->setTextFormat(Qt::PlainText);
    m_typingLine->setForegroundRole(QPalette::PlaceholderText);
    m_typingLine->setMinimumHeight(m_typingLine->fontMetrics().height());

    m_composer = new Composer;
    connect(m_composer, &Composer::sendRequested, m_session, &ChatSession::send);
    connect(m_composer, &Composer::typing, m_session, &ChatSession::typing);

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_topic);
    layout->addWidget(m_messageView, 1);
    layout->addWidget(m_typingLine);
    layout->addWidget(m_composer);
    return pane;
}

QWidget *MainWindow::buildMemberPane()
{
    m_memberList = new QListView;
    m_memberList->setObjectName(QStringLiteral("memberList"));
    m_memberList->setModel(m_session->members());
    m_memberList->setItemDelegate(new MemberDelegate(m_memberList));
    m_memberList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memberList->setToolTip(tr("Double-click someone to write to them directly."));
    connect(m_memberList, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { m_session->openDirect(index.data(MemberModel::NameRole).toString()); });
    auto *heading = new QLabel(tr("Members"));
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_memberList, 1);
    return pane;
}

void MainWindow::buildMenus()
{
    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    chat->addAction(tr("&Join or Create Room…"), QKeySequence(tr("Ctrl+J")), this, &MainWindow::askToJoinRoom);
    m_leaveAction = chat->addAction(tr("&Leave Room"), QKeySequence(tr("Ctrl+Shift+L")), this, [this] {
        if (m_session->current().isRoom())
            m_session->leaveRoom(m_session->current().name);
    });
    m_topicAction = chat->addAction(tr("Set &Topic…"), QKeySequence(tr("Ctrl+T")), this, &MainWindow::askForTopic);
    chat->addAction(tr("&Direct Message…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::askForDirectMessage);
    chat->addSeparator();
    chat->addAction(tr("Change &Name…"), this, &MainWindow::changeNameRequested);
    chat->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, &MainWindow::preferencesRequested);
    chat->addSeparator();
    m_copyShareAction =
        chat->addAction(tr("&Copy Share Address"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::copyShareUrl);
    m_stopHostingAction = chat->addAction(tr("&Stop Hosting"), this, &MainWindow::stopHostingRequested);
    chat->addSeparator();
    chat->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quitRequested);
    m_copyShareAction->setEnabled(false);
    m_stopHostingAction->setEnabled(false);
}

void MainWindow::buildStatusBar()
{
    m_connectionLabel = new QLabel;
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_shareLabel = new QLabel;
    m_shareLabel->setObjectName(QStringLiteral("shareLabel"));
    m_shareLabel->setTextFormat(Qt::PlainText);
    m_shareLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QToolButton;
    m_copyButton->setObjectName(QStringLiteral("copyShareButton"));
    m_copyButton->setText(tr("Copy"));
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
        m_shareLabel->setText(tr("Others can join at %1").arg(urls.first().toString()));
        QStringList all;
        for (const QUrl &url : urls)
            all.append(url.toString());
        m_shareLabel->setToolTip(all.join(u'\n'));
    }
}

void MainWindow::copyShareUrl()
{
    if (!m_shareUrls.isEmpty()) {
        QGuiApplication::clipboard()->setText(m_shareUrls.first().toString());
        statusBar()->showMessage(tr("Address copied."), 3000);
    }
}

void MainWindow::showConversation(const ConversationId &conversation)
{
    if (conversation.isValid()) {
        m_messageView->setMessageModel(m_session->messages(conversation));
        const int row = m_session->conversations()->rowOf(conversation);
        if (row >= 0 && m_conversationList->currentIndex().row() != row)
            m_conversationList->setCurrentIndex(m_session->conversations()->index(row));
        m_composer->setPlaceholder(conversation.isRoom() ? tr("Message #%1").arg(conversation.name)
                                                         : tr("Message %1").arg(conversation.name));
        m_composer->editor()->setFocus();
    }
    m_composer->setEnabled(conversation.isValid());
    m_leaveAction->setEnabled(conversation.isRoom() && conversation.isValid());
    m_topicAction->setEnabled(conversation.isRoom() && conversation.isValid());
    updateHeader();
    updateTypingLine();
}

void MainWindow::updateHeader()
{
    const ConversationId conversation = m_session->current();
    if (!conversation.isValid()) {
        m_title->clear();
        m_topic->clear();
        return;
    }
    m_title->setText(conversation.isRoom() ? QStringLiteral("#") + conversation.name : conversation.name);
    const int row = m_session->conversations()->rowOf(conversation);
    const QString topic =
        row >= 0 ? m_session->conversations()->index(row).data(RoomListModel::TopicRole).toString() : QString();
    m_topic->setText(topic);
    m_topic->setVisible(!topic.isEmpty());
    setWindowTitle(tr("%1 — Natter").arg(m_title->text()));
}

void MainWindow::updateTypingLine()
{
    const QStringList names = m_session->members()->typingNames();
    if (names.isEmpty())
        m_typingLine->clear();
    else if (names.size() == 1)
        m_typingLine->setText(tr("%1 is typing…").arg(names.first()));
    else if (names.size() == 2)
        m_typingLine->setText(tr("%1 and %2 are typing…").arg(names.at(0), names.at(1)));
    else
        m_typingLine->setText(tr("Several people are typing…"));
}

void MainWindow::updateConnectionState()
{
    const ChatClient *client = m_session->client();
    switch (client->state()) {
    case ChatClient::State::Connected:
        m_connectionLabel->setText(tr("Connected to %1 as %2").arg(client->serverInfo().name, client->name()));
        break;
    case ChatClient::State::Connecting:
        m_connectionLabel->setText(tr("Connecting…"));
        break;
    case ChatClient::State::Reconnecting:
        m_connectionLabel->setText(tr("Connection lost — reconnecting… Nothing you write is lost."));
        break;
    case ChatClient::State::Disconnected:
        m_connectionLabel->setText(tr("Not connected"));
        break;
    }
}

void MainWindow::askToJoinRoom()
{
    bool ok = false;
    const QString room =
        QInputDialog::getText(this, tr("Join or Create Room"), tr("Room name (lower-case letters, digits, - and _):"),
                              QLineEdit::Normal, {}, &ok)
            .trimmed()
            .toLower();
    if (!ok || room.isEmpty())
        return;
    if (const auto error = Protocol::validateRoomName(room)) {
        QMessageBox::warning(this, tr("Join or Create Room"), error->message);
        return;
    }
    m_session->joinRoom(room);
}

void MainWindow::askForTopic()
{
    const ConversationId room = m_session->current();
    if (!room.isRoom())
        return;
    bool ok = false;
    const QString topic = QInputDialog::getText(this, tr("Set Topic"), tr("Topic of #%1:").arg(room.name),
                                                QLineEdit::Normal, m_topic->text(), &ok);
    if (ok)
        m_session->client()->setTopic(room.name, topic.trimmed());
}

void MainWindow::askForDirectMessage()
{
    bool ok = false;
    const QString peer =
        QInputDialog::getText(this, tr("Direct Message"), tr("Write directly to:"), QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (ok && !peer.isEmpty())
        m_session->openDirect(peer);
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
