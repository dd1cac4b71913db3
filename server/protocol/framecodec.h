#pragma once

// Turns JSON objects into text frames and back, dispatching on "type" to the right value type.

#include "parsed.h"

#include <QJsonObject>
#include <QString>

#include <variant>

namespace Natter::Protocol {

QString frameText(const QJsonObject &object);
QByteArray frameUtf8(const QJsonObject &object); // the same frame as UTF-8, as it goes on the wire
QJsonObject withType(QStringView type, QJsonObject object);
// Names the conversation a frame is about: "room", or "to" for a direct conversation.
void insertTarget(QJsonObject &object, const QString &room, const QString &to);
// A bad_request about a frame of this type: "type: message".
ProtocolError badFrame(QStringView type, const QString &message);
// The frame names exactly one conversation: one of room and to, not both.
std::optional<ProtocolError> checkOneTarget(QStringView type, const QString &room, const QString &to);

template<typename Variant> QString variantType(const Variant &message)
{
    return std::visit([](const auto &value) { return value.Type.toString(); }, message);
}

template<typename Variant> QJsonObject variantJson(const Variant &message)
{
    return std::visit([](const auto &value) { return value.toJson(); }, message);
}

// The frame's JSON object and its "type", or the error for a frame that is not a typed JSON object.
Parsed<QJsonObject> parseFrameObject(const QString &frame, QString *type);
ProtocolError unknownTypeError(const QString &type);

template<typename Variant, typename First, typename... Rest>
Parsed<Variant> decodeAs(const QString &type, const QJsonObject &object)
{
    if (type == First::Type) {
        auto parsed = First::fromJson(object);
        if (!parsed)
            return parsed.error();
        return Variant(std::move(parsed).value());
    }
    if constexpr (sizeof...(Rest) > 0)
        return decodeAs<Variant, Rest...>(type, object);
    else
        return unknownTypeError(type);
}

template<typename Variant, typename... Types> Parsed<Variant> decodeFrame(const QString &frame)
{
    QString type;
    const auto object = parseFrameObject(frame, &type);
    if (!object)
        return object.error();
    return decodeAs<Variant, Types...>(type, object.value());
}

} // namespace Natter::Protocol
