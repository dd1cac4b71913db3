#include "messagesearch.h"

#include "clientsession.h"
#include "historystore.h"
#include "logging.h"
#include "nameownership.h"
#include "searchquery.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Natter {

using Protocol::ErrorCode;
using Protocol::SearchHit;
using Protocol::SearchRequest;
using Protocol::SearchResults;

namespace {

// The index's row of a message: its conversation's row in the high half, its seq in the low half (see the
// schema's message_words).
constexpr int SeqBits = 32;
constexpr qint64 SeqMask = (qint64(1) << SeqBits) - 1;

} // namespace

MessageSearch::MessageSearch(HistoryStore *store, const NameOwnership *names)
    : m_store(store)
    , m_names(names)
{ }

void MessageSearch::answer(ClientSession *session, const SearchRequest &request) const
{
    const auto query = SearchQuery::parse(request.query);
    if (!query) {
        session->sendError({ErrorCode::QueryInvalid,
                            QStringLiteral("Search for at least one and at most %1 words.").arg(SearchQuery::MaxWords)},
                           request.Type.toString());
        return;
    }
    if (!request.room.isEmpty() && !session->rooms().contains(request.room)) {
        session->sendError({ErrorCode::NotInRoom, QStringLiteral("Join #%1 to search it.").arg(request.room)},
                           request.Type.toString());
        return;
    }

    const auto results = search(*query, request, scopesOf(session, request), session->senderKey());
    if (!results) {
        session->sendError({ErrorCode::InternalError, QStringLiteral("The server could not search; try again.")},
                           request.Type.toString());
        return;
    }
    session->send(*results);
}

std::optional<SearchResults> MessageSearch::search(const SearchQuery &query, const SearchRequest &request,
                                                   const QList<Scope> &scopes, const QString &senderKey) const
{
    SearchResults results;
    results.query = request.query;
    results.room = request.room;
    results.to = request.to;
    // One conversation is read deeper than each of many; all of them together at most TotalWindow deep.
    const int window = scopes.size() <= 1 ? Window : qMax(MinimumWindow, int(TotalWindow / scopes.size()));
    const QString expression = query.matchExpression();
    QList<Candidate> candidates;
    for (qsizetype i = 0; i < scopes.size(); ++i) {
        const qsizetype before = candidates.size();
        if (!collect(query, expression, scopes.at(i), i, request.before, window, candidates))
            return std::nullopt;
        // A full window: older matches may exist below the oldest one read.
        if (scopes.size() == 1 && candidates.size() - before == window)
            results.older = candidates.last().seq;
    }
    // The window is pinned below its newest match, so that the rest of it is the same window when messages come.
    const qint64 windowBefore =
        request.before > 0 ? request.before : (candidates.isEmpty() ? 0 : candidates.first().seq + 1);
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.score > b.score; // ties keep the newest first, as they were read
    });
    const int limit = request.limit > 0 ? qMin(request.limit, SearchRequest::MaxLimit) : SearchRequest::DefaultLimit;
    // One conversation pages through the whole ranked window (skip) before the next, older one (older).
    const qsizetype skip = scopes.size() == 1 ? qMin<qsizetype>(request.skip, candidates.size()) : 0;
    qsizetype next = skip;
    for (; next < candidates.size() && results.hits.size() < limit; ++next) {
        const Candidate &candidate = candidates.at(next);
        if (auto hit = hitFor(query, scopes.at(candidate.scope), candidate.seq, senderKey))
            results.hits.append(*std::move(hit));
    }
    if (scopes.size() == 1 && next < candidates.size()) {
        results.restBefore = windowBefore;
        results.restSkip = int(next);
    }
    return results;
}

std::optional<MessageSearch::Scope> MessageSearch::scopeOf(const QString &key) const
{
    const auto id = m_store->database().scalar(QStringLiteral("SELECT id FROM conversations WHERE key = ?"), {key});
    if (!id || id->isNull())
        return std::nullopt;
    return Scope{id->toLongLong(), key};
}

QList<MessageSearch::Scope> MessageSearch::scopesOf(ClientSession *session, const SearchRequest &request) const
{
    QList<Scope> scopes;
    const auto add = [&](const QString &key) {
        if (auto scope = scopeOf(key))
            scopes.append(*std::move(scope));
    };
    if (!request.room.isEmpty()) {
        add(request.room);
        return scopes;
    }
    if (!request.to.isEmpty()) {
        // Only the two parties' own conversation, as for history.
        if (const auto peer = m_names->partyOf(request.to))
            add(HistoryStore::directConversation(session->party(), peer->party));
        return scopes;
    }
    for (const QString &room : session->rooms())
        add(room);
    // Every direct conversation this party is in. Their keys hold both parties, so one pass over the direct
    // conversations finds them; a server has far fewer conversations than messages.
    const QString party = session->party();
    auto query = m_store->database().run(
        QStringLiteral("SELECT id, key FROM conversations WHERE kind = 1 AND instr(key, ?) > 0"), {party});
    while (query && query->next()) {
        const QString key = query->value(1).toString();
        if (HistoryStore::directParties(key).contains(party))
            scopes.append({query->value(0).toLongLong(), key});
    }
    return scopes;
}

bool MessageSearch::collect(const SearchQuery &query, const QString &expression, const Scope &scope,
                            qsizetype scopeIndex, qint64 beforeSeq, int window, QList<Candidate> &candidates) const
{
    const qint64 first = scope.id << SeqBits;
    const qint64 last = first + (beforeSeq > 0 ? qMin(beforeSeq - 1, SeqMask) : SeqMask);
    QString error;
    auto matches = m_store->database().run(
        QStringLiteral("SELECT rowid FROM message_words "
                       "WHERE message_words MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?"),
        {expression, first, last, window}, &error);
    if (!matches) {
        qCWarning(lcStore).noquote() << "Search failed:" << error;
        return false;
    }
    QList<qint64> seqs;
    while (matches->next())
        seqs.append(matches->value(0).toLongLong() & SeqMask);
    // Each match is weighed by its text, read by its key and let go at once, so a search holds no texts.
    for (const qint64 seq : std::as_const(seqs)) {
        auto text = m_store->database().run(
            QStringLiteral("SELECT text FROM messages WHERE conversation = ? AND seq = ?"), {scope.id, seq}, &error);
        if (!text) {
            qCWarning(lcStore).noquote() << "Search failed:" << error;
            return false;
        }
        if (text->next())
            candidates.append({scopeIndex, seq, query.score(text->value(0).toString())});
        text->finish();
    }
    return true;
}

std::optional<SearchHit> MessageSearch::hitFor(const SearchQuery &query, const Scope &scope, qint64 seq,
                                               const QString &senderKey) const
{
    auto row = m_store->database().run(QStringLiteral("SELECT sender, sender_key, recipient, text, ts FROM messages "
                                                      "WHERE conversation = ? AND seq = ? AND deleted = 0"),
                                       {scope.id, seq});
    if (!row || !row->next())
        return std::nullopt;
    SearchHit hit = query.snippet(row->value(3).toString());
    hit.seq = seq;
    hit.from = row->value(0).toString();
    hit.ts = row->value(4).toLongLong();
    if (HistoryStore::directParties(scope.key).isEmpty()) {
        hit.room = scope.key;
    } else {
        // The searcher names a direct conversation after the other person.
        const bool mine = row->value(1).toString() == senderKey;
        hit.to = mine ? row->value(2).toString() : hit.from;
    }
    row->finish();
    return hit;
}

} // namespace Natter
