#include "searchresultsmodel.h"

#include "chatclient.h"
#include "errortext.h"

#include <QDateTime>

namespace Natter {

using namespace Protocol;

namespace {
ConversationId conversationOf(const SearchHit &hit)
{
    return hit.room.isEmpty() ? ConversationId::direct(hit.to) : ConversationId::room(hit.room);
}
} // namespace

SearchResultsModel::SearchResultsModel(ChatClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    connect(client, &ChatClient::searchAnswered, this, &SearchResultsModel::onAnswered);
    connect(client, &ChatClient::searchFailed, this, &SearchResultsModel::onFailed);
}

void SearchResultsModel::search(const QString &query, const ConversationId &scope)
{
    const QString trimmed = query.trimmed().left(SearchRequest::MaxQueryLength);
    if (trimmed.isEmpty()) {
        clear();
        return;
    }
    ++m_generation;
    beginResetModel();
    m_query = trimmed;
    m_scope = scope;
    m_hits.clear();
    m_snippets.clear();
    m_older = 0;
    m_rest = {};
    endResetModel();
    ask({});
}

void SearchResultsModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_query.clear();
    m_scope = {};
    m_hits.clear();
    m_snippets.clear();
    m_older = 0;
    m_rest = {};
    endResetModel();
    setState(State::Idle);
}

void SearchResultsModel::ask(Page page)
{
    if (!m_client)
        return;
    SearchRequest request;
    request.query = m_query;
    if (m_scope.isValid()) {
        (m_scope.isRoom() ? request.room : request.to) = m_scope.name;
        request.before = page.before;
        request.skip = page.skip;
        request.limit = PageLimit;
    } else {
        request.limit = EverywhereLimit;
    }
    m_waiting.append(m_generation);
    setState(State::Searching);
    m_client->search(request);
}

void SearchResultsModel::setState(State state, const QString &failure)
{
    if (state == m_state && failure == m_failure)
        return;
    m_state = state;
    m_failure = failure;
    emit stateChanged();
}

bool SearchResultsModel::settle()
{
    return !m_waiting.isEmpty() && m_waiting.takeFirst() == m_generation;
}

void SearchResultsModel::onAnswered(const SearchResults &results)
{
    if (!settle() || results.query != m_query)
        return;
    if (!results.hits.isEmpty()) {
        beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + results.hits.size() - 1));
        m_hits.append(results.hits);
        for (const SearchHit &hit : results.hits)
            m_snippets.append(SearchSnippet::read(hit.snippet, hit.ranges));
        endInsertRows();
    }
    m_older = m_scope.isValid() ? results.older : 0;
    m_rest = m_scope.isValid() ? Page{results.restBefore, results.restSkip} : Page{};
    setState(State::Done);
}

void SearchResultsModel::onFailed(const ErrorEvent &error)
{
    if (!settle())
        return;
    const QString reason = error.message.isEmpty() && error.code == ErrorCode::BadRequest
        ? tr("Messages can be searched once Natter is connected again.")
        : ErrorText::describe(error);
    setState(State::Failed, reason);
}

ConversationId SearchResultsModel::conversationAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? conversationOf(m_hits.at(row)) : ConversationId();
}

qint64 SearchResultsModel::seqAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? m_hits.at(row).seq : 0;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    const SearchSnippet &snippet = m_snippets.at(index.row());
    const ConversationId conversation = conversationOf(hit);
    const QString title = conversation.isRoom() ? QStringLiteral("#") + conversation.name : conversation.name;
    switch (role) {
    case Qt::DisplayRole:
    case SnippetRole:
        return snippet.text;
    case Qt::AccessibleTextRole:
        //: A search hit read by a screen reader: sender, conversation, time, the text around the match.
        return tr("%1 in %2, %3: %4")
            .arg(hit.from, title, QLocale().toString(QDateTime::fromMSecsSinceEpoch(hit.ts), QLocale::ShortFormat),
                 snippet.text);
    case ConversationKeyRole:
        return conversation.key();
    case ConversationTitleRole:
        return title;
    case SenderRole:
        return hit.from;
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(hit.ts).toLocalTime();
    case SeqRole:
        return hit.seq;
    case RangesRole:
        return QVariant::fromValue(snippet.ranges);
    case SnippetSpansRole:
        return QVariant::fromValue(snippet.spans);
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ConversationKeyRole, "conversationKey");
    names.insert(ConversationTitleRole, "conversationTitle");
    names.insert(SenderRole, "sender");
    names.insert(TimestampRole, "timestamp");
    names.insert(SeqRole, "seq");
    names.insert(SnippetRole, "snippet");
    names.insert(RangesRole, "ranges");
    names.insert(SnippetSpansRole, "snippetSpans");
    return names;
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && (m_rest.skip > 0 || m_older > 0) && m_state == State::Done;
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        ask(m_rest.skip > 0 ? std::exchange(m_rest, {}) : Page{std::exchange(m_older, 0), 0});
}

} // namespace Natter
