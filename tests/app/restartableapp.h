#pragma once

// For the app's tests that restart it: the app (client, cache and session) over a cache file that outlives it, so
// that quit() and start() again is a restart, and a second user who owns the name "bob".

#include "chatclient.h"
#include "chatsession.h"
#include "clientcache.h"
#include "identitykey.h"
#include "messagemodel.h"
#include "testclient.h"

#include <memory>

namespace RestartableAppParts {
using namespace Natter;
using namespace Qt::StringLiterals;
const ConversationId Lobby = ConversationId::room(u"lobby"_s);

// The app over a cache file that outlives it: quit() and start() again is a restart.
struct App
{
    explicit App(QString path)
        : cachePath(std::move(path))
    { }
    ~App() { quit(); }

    void open()
    {
        client = std::make_unique<ChatClient>();
        client->setReconnectPolicy(ReconnectPolicy(20, 200, 0.2));
        client->setIdentity(identity);
        cache = std::make_unique<ClientCache>();
        session = std::make_unique<ChatSession>(client.get());
        cache->open(cachePath);
        session->setCache(cache.get());
    }
    bool start(const QUrl &url)
    {
        open();
        client->connectToServer(url, u"ada"_s, {}, session->resumePoints(), session->unsentMessages());
        return TestClient::waitUntil(
            [this] { return client->state() == ChatClient::State::Connected && session->current() == Lobby; }, 5000);
    }
    void quit()
    {
        if (!client)
            return;
        client->disconnectFromServer();
        session.reset();
        cache.reset();
        client.reset();
    }
    MessageModel *lobby() { return session->messages(Lobby); }
    QVariant at(int row, int role) { return lobby()->index(row).data(role); }

    IdentityKey identity = IdentityKey::generate();
    QString cachePath;
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<ClientCache> cache;
    std::unique_ptr<ChatSession> session;
};

inline std::unique_ptr<TestClient> bobIn(const QUrl &url, const IdentityKey &key)
{
    auto bob = std::make_unique<TestClient>();
    if (!bob->open(url) || !bob->signInWithKey(u"bob"_s, key) || !bob->joinRoom(u"lobby"_s))
        return nullptr;
    return bob;
}
} // namespace RestartableAppParts
