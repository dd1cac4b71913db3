#pragma once

// The answer to the user's message search as list rows, best match first: where each hit is, who wrote it and
// when, the snippet and the parts of it that matched. It asks the server (ChatClient::search) and keeps only the
// answer to the newest question; scrolling to the end of the hits of one conversation asks for older ones.

#include "conversationid.h"
#include "searchmessages.h"
#include "searchsnippet.h"
#include "servermessages.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace Natter {

class ChatClient;

class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConversationKeyRole = Qt::UserRole + 1, // ConversationId::key()
        ConversationTitleRole, // "#dev" or the other person's name
        SenderRole,
        TimestampRole, // QDateTime in local time
        SeqRole,
        SnippetRole, // the text as the message reads, formatting marks gone, with "…" where the message was cut
        RangesRole, // QList<Protocol::SearchRange>: the matched words in the snippet
        SnippetSpansRole, // QList<MessageMarkup::Span>: the snippet's formatting (bold, italic, code …)
    };
    Q_ENUM(Role)

    enum class State { Idle, Searching, Done, Failed };
    Q_ENUM(State)

    // Hits asked for at a time. The server ranks the newest matches of a window (MessageSearch::Window in one
    // conversation) and answers the best of them; one conversation then pages through the rest of that window, in
    // rank order, and on to the next, older window.
    static constexpr int EverywhereLimit = Protocol::SearchRequest::MaxLimit;
    static constexpr int PageLimit = Protocol::SearchRequest::MaxLimit;

    explicit SearchResultsModel(ChatClient *client, QObject *parent = nullptr);

    // Searches one conversation, or everything the user may read when scope is not valid. An empty query clears.
    void search(const QString &query, const ConversationId &scope = {});
    void clear();
    QString query() const { return m_query; }
    ConversationId scope() const { return m_scope; }
    State state() const { return m_state; }
    // Why the last search failed, in words.
    QString failure() const { return m_failure; }

    ConversationId conversationAt(int row) const;
    qint64 seqAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged();

private:
    // Where a search of one conversation goes on: below `before`, past the `skip` best hits of that window.
    struct Page
    {
        qint64 before = 0;
        int skip = 0;
    };
    void ask(Page page);
    void setState(State state, const QString &failure = {});
    void onAnswered(const Protocol::SearchResults &results);
    void onFailed(const Protocol::ErrorEvent &error);
    bool settle(); // the oldest waiting search was answered: whether it is the one shown

    QPointer<ChatClient> m_client;
    QString m_query;
    ConversationId m_scope;
    QList<Protocol::SearchHit> m_hits;
    QList<SearchSnippet> m_snippets; // of each hit, as shown
    qint64 m_older = 0;
    Page m_rest; // the rest of the window last answered, before older windows
    State m_state = State::Idle;
    QString m_failure;
    int m_generation = 0;
    QList<int> m_waiting; // the generation of each search asked and not answered, oldest first
};

} // namespace Natter
