#include "framecodec.h"

#include <QJsonDocument>

namespace Natter::Protocol {

QString frameText(const QJsonObject &object)
{
    return QString::fromUtf8(frameUtf8(object));
}

QByteArray frameUtf8(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject withType(QStringView type, QJsonObject object)
{
    object.insert(QStringLiteral("type"), type.toString());
    return object;
}

void insertTarget(QJsonObject &object, const QString &room, const QString &to)
{
    if (!room.isEmpty())
        object.insert(QStringLiteral("room"), room);
    else
        object.insert(QStringLiteral("to"), to);
}

ProtocolError badFrame(QStringView type, const QString &message)
{
    return ProtocolError{ErrorCode::BadRequest, type.toString() + QStringLiteral(": ") + message};
}

std::optional<ProtocolError> checkOneTarget(QStringView type, const QString &room, const QString &to)
{
    if (room.isEmpty() == to.isEmpty())
        return badFrame(type, QStringLiteral("exactly one of \"room\" and \"to\" is required"));
    return std::nullopt;
}

Parsed<QJsonObject> parseFrameObject(const QString &frame, QString *type)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ProtocolError{ErrorCode::BadRequest,
                             QStringLiteral("The frame is not valid JSON: %1 at offset %2.")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset)};
    }
    if (!document.isObject())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("A frame must be one JSON object.")};
    const QJsonObject object = document.object();
    const QJsonValue typeValue = object.value(QStringLiteral("type"));
    if (!typeValue.isString() || typeValue.toString().isEmpty())
        return ProtocolError{ErrorCode::BadRequest, QStringLiteral("A frame needs a \"type\" string.")};
    *type = typeValue.toString();
    return object;
}

ProtocolError unknownTypeError(const QString &type)
{
    return ProtocolError{ErrorCode::UnknownType, QStringLiteral("Unknown frame type \"%1\".").arg(type.left(64))};
}

} // namespace Natter::Protocol
