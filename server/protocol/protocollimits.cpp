#include "protocollimits.h"

#include "jsonreader.h"

#include <algorithm>
#include <limits>

namespace Natter::Protocol {

QJsonObject Limits::toJson() const
{
    return QJsonObject{
        {QStringLiteral("maxTextBytes"), maxTextBytes},
        {QStringLiteral("maxFrameBytes"), maxFrameBytes},
        {QStringLiteral("maxTopicLength"), maxTopicLength},
        {QStringLiteral("maxRoomsPerSession"), maxRoomsPerSession},
        {QStringLiteral("historyPageSize"), historyPageSize},
        {QStringLiteral("maxHistoryPage"), maxHistoryPage},
        {QStringLiteral("messagesPerSecond"), messagesPerSecond},
        {QStringLiteral("burst"), burst},
        {QStringLiteral("maxReactionsPerMessage"), maxReactionsPerMessage},
    };
}

Parsed<Limits> Limits::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, QStringLiteral("limits"));
    Limits limits;
    const auto readInt = [&reader](const QString &key, int &field) {
        if (const auto value = reader.optionalInteger(key))
            field = static_cast<int>(std::clamp<qint64>(*value, 0, std::numeric_limits<int>::max()));
    };
    readInt(QStringLiteral("maxTextBytes"), limits.maxTextBytes);
    readInt(QStringLiteral("maxFrameBytes"), limits.maxFrameBytes);
    readInt(QStringLiteral("maxTopicLength"), limits.maxTopicLength);
    readInt(QStringLiteral("maxRoomsPerSession"), limits.maxRoomsPerSession);
    readInt(QStringLiteral("historyPageSize"), limits.historyPageSize);
    readInt(QStringLiteral("maxHistoryPage"), limits.maxHistoryPage);
    limits.messagesPerSecond = reader.optionalNumber(QStringLiteral("messagesPerSecond"), limits.messagesPerSecond);
    readInt(QStringLiteral("burst"), limits.burst);
    readInt(QStringLiteral("maxReactionsPerMessage"), limits.maxReactionsPerMessage);
    if (!reader.ok())
        return reader.error();
    return limits;
}

} // namespace Natter::Protocol
