#pragma once

// The search request and its answer: matching messages with a snippet each and the ranges that matched.

#include "parsed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Natter::Protocol {

// Searches the rooms the client is in and its direct conversations, or one of them (room or to).
struct SearchRequest
{
    static constexpr QStringView Type = u"search";
    static constexpr int MaxQueryLength = 200; // UTF-16 code units
    static constexpr int DefaultLimit = 20;
    static constexpr int MaxLimit = 50;

    QString query; // words, searched as they are: no search syntax is interpreted
    QString room; // at most one of room and to; neither searches everything the client may read
    QString to;
    qint64 before = 0; // with room or to: only messages older than this seq (the previous answer's `older`)
    int limit = 0; // 0: DefaultLimit; at most MaxLimit
    int skip = 0; // with room or to: the best hits of the window below `before` already received (the previous
                  // answer's `rest`)

    QJsonObject toJson() const;
    static Parsed<SearchRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchRequest &, const SearchRequest &) = default;
};

struct SearchRange
{
    int start = 0; // UTF-16 code units into the snippet
    int length = 0;
    friend bool operator==(const SearchRange &, const SearchRange &) = default;
};

struct SearchHit
{
    QString room; // one of room and to: the conversation the message is in, as the searcher names it
    QString to;
    qint64 seq = 0;
    QString from;
    qint64 ts = 0;
    QString snippet; // the part of the text around the first match, with "…" where it was cut
    QList<SearchRange> ranges; // the words of the query in the snippet

    QJsonObject toJson() const;
    static Parsed<SearchHit> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

struct SearchResults
{
    static constexpr QStringView Type = u"search";
    QString query; // as asked, so a client can drop answers to queries it no longer shows
    QString room;
    QString to;
    QList<SearchHit> hits; // best match first
    qint64 older = 0; // with room or to: older matches exist; ask again with before = older
    // With room or to: the window read holds more ranked hits than were sent; ask again with before = restBefore
    // and skip = restSkip for the next best of it. 0: none.
    qint64 restBefore = 0;
    int restSkip = 0;

    QJsonObject toJson() const;
    static Parsed<SearchResults> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchResults &, const SearchResults &) = default;
};

} // namespace Natter::Protocol
