#include "connectionbanner.h"

#include "chatsession.h"

#include <QToolButton>

namespace Natter {

ConnectionBanner::ConnectionBanner(ChatSession *session, QWidget *parent)
    : InfoBar(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("connectionBanner"));
    m_cancelButton = addButton(tr("Cancel"), QStringLiteral("cancelConnectButton"));
    m_reconnectButton = addButton(tr("Reconnect Now"), QStringLiteral("reconnectButton"));
    m_elsewhereButton = addButton(tr("Connect to Another Chat…"), QStringLiteral("connectElsewhereButton"));
    connect(m_cancelButton, &QToolButton::clicked, this, &ConnectionBanner::cancelRequested);
    connect(m_reconnectButton, &QToolButton::clicked, session, &ChatSession::reconnectNow);
    connect(m_elsewhereButton, &QToolButton::clicked, this, &ConnectionBanner::connectElsewhereRequested);
    connect(session, &ChatSession::connectionChanged, this, &ConnectionBanner::refresh);
    refresh();
}

QString ConnectionBanner::stateText() const
{
    const QString server = m_session->serverName();
    switch (m_session->connectionState()) {
    case ChatClient::State::Connected:
        return server.isEmpty() ? tr("Connected as %1").arg(m_session->ownName())
                                : tr("Connected to %1 as %2").arg(server, m_session->ownName());
    case ChatClient::State::Connecting:
        return tr("Connecting to %1…").arg(m_session->serverUrl().toDisplayString());
    case ChatClient::State::Reconnecting:
        if (m_session->interruption() == ChatClient::Interruption::ServerStopped)
            return tr("The host stopped this chat. Everything here stays readable, and Natter rejoins when the "
                      "chat is back.");
        if (m_session->interruption() == ChatClient::Interruption::Unreachable)
            return tr("%1 does not answer yet. Natter keeps trying; what you write is sent once the chat is back.")
                .arg(m_session->serverUrl().toDisplayString());
        if (m_session->interruption() == ChatClient::Interruption::Oversized)
            return tr("%1 sent more at once than Natter accepts, so Natter hung up. Reconnecting…")
                .arg(m_session->serverUrl().toDisplayString());
        return tr("Connection lost — reconnecting… What you write is sent once Natter is back.");
    case ChatClient::State::Disconnected:
        break;
    }
    return tr("Not connected. The conversations here are what this computer remembers.");
}

QString ConnectionBanner::briefStateText() const
{
    switch (m_session->connectionState()) {
    case ChatClient::State::Connected:
        return stateText();
    case ChatClient::State::Connecting:
        return tr("Connecting…");
    case ChatClient::State::Reconnecting:
        return tr("Reconnecting…");
    case ChatClient::State::Disconnected:
        break;
    }
    return tr("Not connected");
}

void ConnectionBanner::refresh()
{
    const ChatClient::State state = m_session->connectionState();
    m_cancelButton->setVisible(state == ChatClient::State::Connecting);
    m_reconnectButton->setVisible(state == ChatClient::State::Reconnecting);
    m_elsewhereButton->setVisible(state != ChatClient::State::Connected);
    m_elsewhereButton->setText(state == ChatClient::State::Disconnected ? tr("Connect to a Chat…")
                                                                        : tr("Connect to Another Chat…"));
    if (state == ChatClient::State::Connected) {
        hide();
        return;
    }
    showMessage(stateText(), state == ChatClient::State::Connecting ? Kind::Information : Kind::Warning);
}

} // namespace Natter
