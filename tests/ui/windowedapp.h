#pragma once

// One user's app without the launcher, for the window's tests: a client, its session and the window over them,
// signed in to a test server and in #lobby.

#include "chatclient.h"
#include "chatsession.h"
#include "composer.h"
#include "mainwindow.h"
#include "testclient.h"

#include <QAction>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTest>

struct WindowedApp
{
    Natter::ChatClient client;
    Natter::ChatSession session{&client};
    Natter::MainWindow window{&session};

    WindowedApp() { client.setReconnectPolicy(Natter::ReconnectPolicy(20, 200, 0.2)); }

    bool signIn(const QUrl &url, const QString &name)
    {
        client.connectToServer(url, name);
        window.show();
        return QTest::qWaitForWindowExposed(&window)
            && TestClient::waitUntil(
                   [this] { return session.current() == Natter::ConversationId::room(QStringLiteral("lobby")); }, 5000);
    }
    // The menu action with this text (without its & mnemonic).
    QAction *action(const QString &text) const
    {
        const auto actions = window.menuBar()->findChildren<QAction *>();
        for (QAction *found : actions) {
            if (found->text().remove(u'&') == text)
                return found;
        }
        return nullptr;
    }
    QString placeholder() const { return window.composer()->editor()->placeholderText(); }
};
