#include "searchmessages.h"

#include "framecodec.h"
#include "jsonreader.h"
#include "validation.h"

#include <QJsonArray>

#include <limits>

namespace Natter::Protocol {

namespace {

ProtocolError badSearch(const QString &message)
{
    return ProtocolError{ErrorCode::BadRequest, QStringLiteral("search: %1").arg(message)};
}

} // namespace

QJsonObject SearchRequest::toJson() const
{
    QJsonObject object{{QStringLiteral("query"), query}};
    if (!room.isEmpty())
        object.insert(QStringLiteral("room"), room);
    if (!to.isEmpty())
        object.insert(QStringLiteral("to"), to);
    if (before > 0)
        object.insert(QStringLiteral("before"), before);
    if (limit > 0)
        object.insert(QStringLiteral("limit"), limit);
    if (skip > 0)
        object.insert(QStringLiteral("skip"), skip);
    return withType(Type, object);
}

Parsed<SearchRequest> SearchRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("search"));
    SearchRequest request;
    request.query = reader.requiredString(QStringLiteral("query"));
    request.room = reader.optionalString(QStringLiteral("room"));
    request.to = reader.optionalString(QStringLiteral("to"));
    const qint64 before = reader.optionalInteger(QStringLiteral("before")).value_or(0);
    const qint64 limit = reader.optionalInteger(QStringLiteral("limit")).value_or(0);
    const qint64 skip = reader.optionalInteger(QStringLiteral("skip")).value_or(0);
    if (!reader.ok())
        return reader.error();
    if (!request.room.isEmpty() && !request.to.isEmpty())
        return badSearch(QStringLiteral("at most one of \"room\" and \"to\" may be given"));
    if (!request.room.isEmpty()) {
        if (auto error = validateRoomName(request.room))
            return *std::move(error);
    }
    if (!request.to.isEmpty()) {
        if (auto error = validateName(request.to))
            return *std::move(error);
    }
    if (before < 0 || limit < 0 || skip < 0)
        return badSearch(QStringLiteral("before, limit and skip cannot be negative"));
    if ((before > 0 || skip > 0) && request.room.isEmpty() && request.to.isEmpty())
        return badSearch(QStringLiteral("before and skip need a room or to"));
    if (request.query.size() > MaxQueryLength) {
        return ProtocolError{ErrorCode::QueryInvalid,
                             QStringLiteral("search: the query is longer than %1 characters").arg(MaxQueryLength)};
    }
    request.before = before;
    request.limit = static_cast<int>(qMin<qint64>(limit, std::numeric_limits<int>::max()));
    request.skip = static_cast<int>(qMin<qint64>(skip, std::numeric_limits<int>::max()));
    return request;
}

QJsonObject SearchHit::toJson() const
{
    QJsonArray rangeArray;
    for (const SearchRange &range : ranges)
        rangeArray.append(QJsonArray{range.start, range.length});
    QJsonObject object{{QStringLiteral("seq"), seq},
                       {QStringLiteral("from"), from},
                       {QStringLiteral("ts"), ts},
                       {QStringLiteral("snippet"), snippet},
                       {QStringLiteral("ranges"), rangeArray}};
    insertTarget(object, room, to);
    return object;
}

Parsed<SearchHit> SearchHit::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("search.hits"));
    SearchHit hit;
    hit.room = reader.optionalString(QStringLiteral("room"));
    hit.to = reader.optionalString(QStringLiteral("to"));
    hit.seq = reader.requiredInteger(QStringLiteral("seq"));
    hit.from = reader.requiredString(QStringLiteral("from"));
    hit.ts = reader.requiredInteger(QStringLiteral("ts"));
    hit.snippet = reader.requiredString(QStringLiteral("snippet"));
    const QJsonArray rangeArray = reader.requiredArray(QStringLiteral("ranges"));
    if (!reader.ok())
        return reader.error();
    if (hit.room.isEmpty() == hit.to.isEmpty())
        return badSearch(QStringLiteral("each hit names exactly one of room and to"));
    for (const QJsonValue value : rangeArray) {
        const QJsonArray pair = value.toArray();
        const qint64 start = pair.size() == 2 ? exactInteger(pair.at(0)).value_or(-1) : -1;
        const qint64 length = pair.size() == 2 ? exactInteger(pair.at(1)).value_or(-1) : -1;
        // A range outside the snippet would make a client highlight what is not there.
        if (start < 0 || length <= 0 || start + length > hit.snippet.size())
            return badSearch(QStringLiteral("a range must be [start, length] inside the snippet"));
        hit.ranges.append({static_cast<int>(start), static_cast<int>(length)});
    }
    return hit;
}

QJsonObject SearchResults::toJson() const
{
    QJsonArray hitArray;
    for (const SearchHit &hit : hits)
        hitArray.append(hit.toJson());
    QJsonObject object{{QStringLiteral("query"), query}, {QStringLiteral("hits"), hitArray}};
    if (!room.isEmpty())
        object.insert(QStringLiteral("room"), room);
    if (!to.isEmpty())
        object.insert(QStringLiteral("to"), to);
    if (older > 0)
        object.insert(QStringLiteral("older"), older);
    if (restSkip > 0) {
        object.insert(QStringLiteral("rest"),
                      QJsonObject{{QStringLiteral("before"), restBefore}, {QStringLiteral("skip"), restSkip}});
    }
    return withType(Type, object);
}

Parsed<SearchResults> SearchResults::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("search"));
    SearchResults results;
    results.query = reader.requiredString(QStringLiteral("query"));
    results.room = reader.optionalString(QStringLiteral("room"));
    results.to = reader.optionalString(QStringLiteral("to"));
    results.older = reader.optionalInteger(QStringLiteral("older")).value_or(0);
    const QJsonObject rest = reader.optionalObject(QStringLiteral("rest"));
    const QJsonArray hitArray = reader.requiredArray(QStringLiteral("hits"));
    if (!reader.ok())
        return reader.error();
    if (!rest.isEmpty()) {
        JsonReader restReader(rest, QStringLiteral("search"));
        const qint64 restBefore = restReader.optionalInteger(QStringLiteral("before")).value_or(0);
        const qint64 restSkip = restReader.optionalInteger(QStringLiteral("skip")).value_or(0);
        if (!restReader.ok())
            return restReader.error();
        // A rest the client could not ask for is no rest.
        if (restBefore >= 0 && restSkip > 0 && restSkip <= std::numeric_limits<int>::max()) {
            results.restBefore = restBefore;
            results.restSkip = static_cast<int>(restSkip);
        }
    }
    for (const QJsonValue value : hitArray) {
        if (!value.isObject())
            return badSearch(QStringLiteral("\"hits\" must hold objects"));
        auto hit = SearchHit::fromJson(value.toObject());
        if (!hit)
            return hit.error();
        results.hits.append(std::move(hit).value());
    }
    return results;
}

} // namespace Natter::Protocol
