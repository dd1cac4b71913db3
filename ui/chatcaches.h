#pragma once

// The local caches of the chats this user has been in, one file per server and name under the data folder: opens
// the one of the chat being entered, so the window shows what was there before the server says a word, and moves
// it along when the user's name changes, so what the app remembers goes with the user.

#include <QString>

#include <memory>

namespace Natter {

class ClientCache;

class ChatCaches
{
public:
    ChatCaches();
    ~ChatCaches();

    void setDirectory(const QString &directory) { m_directory = directory; }
    // Opens the cache of `name` on the server known as `serverIdentity`; null when it could not be opened.
    ClientCache *open(const QString &serverIdentity, const QString &name);
    // The user of the chat entered last is now called `to`: their cache file follows, open or not.
    void rename(const QString &from, const QString &to);
    // The cache of the chat entered last, open or closed.
    ClientCache *cache() const { return m_cache.get(); }

private:
    QString pathFor(const QString &name) const;

    std::unique_ptr<ClientCache> m_cache;
    QString m_directory;
    QString m_serverIdentity; // of the chat entered last
};

} // namespace Natter
