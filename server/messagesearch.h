#pragma once

// Answers search requests from the full-text index, over the conversations the asking client may read.

#include "searchmessages.h"

#include <QList>
#include <QString>

#include <optional>

namespace Natter {

class ClientSession;
class HistoryStore;
class NameOwnership;
class SearchQuery;

class MessageSearch
{
public:
    // Matches read per conversation, newest first, before ranking: this bounds the work of one search. One
    // conversation is read Window deep and answered page by page in rank order (SearchResults::restSkip), then the
    // next older window (SearchResults::older); many share TotalWindow, each at least MinimumWindow deep.
    static constexpr int Window = 300;
    static constexpr int TotalWindow = 1000;
    static constexpr int MinimumWindow = 20;

    struct Scope
    {
        qint64 id = 0; // the conversation's row
        QString key; // a room's name, or a direct conversation's key
    };

    MessageSearch(HistoryStore *store, const NameOwnership *names);

    // Answers with a search frame, or an error that refers to the search.
    void answer(ClientSession *session, const Protocol::SearchRequest &request) const;
    // The conversation stored under `key` (a room's name or a direct conversation), if it has messages.
    std::optional<Scope> scopeOf(const QString &key) const;
    // The best hits for `query` in `scopes`; senderKey says which direct messages the searcher sent. Nullopt when
    // the index could not be read.
    std::optional<Protocol::SearchResults> search(const SearchQuery &query, const Protocol::SearchRequest &request,
                                                  const QList<Scope> &scopes, const QString &senderKey) const;

private:
    struct Candidate
    {
        qsizetype scope = 0; // index into the scopes
        qint64 seq = 0;
        double score = 0; // SearchQuery::score(): higher is better
    };

    QList<Scope> scopesOf(ClientSession *session, const Protocol::SearchRequest &request) const;
    // The newest `window` matches of one conversation (below beforeSeq when it is above 0), weighed; false when
    // the database failed.
    bool collect(const SearchQuery &query, const QString &expression, const Scope &scope, qsizetype scopeIndex,
                 qint64 beforeSeq, int window, QList<Candidate> &candidates) const;
    std::optional<Protocol::SearchHit> hitFor(const SearchQuery &query, const Scope &scope, qint64 seq,
                                              const QString &senderKey) const;

    HistoryStore *m_store;
    const NameOwnership *m_names;
};

} // namespace Natter
