#include "jsonreader.h"

#include <cmath>

namespace Natter::Protocol {

namespace {

// Integers travel as JSON numbers; anything beyond 2^53 cannot be represented exactly.
constexpr double MaxExactInteger = 9007199254740992.0;

} // namespace

std::optional<qint64> exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > MaxExactInteger)
        return std::nullopt;
    // Integer literals are kept as 64-bit integers; toDouble() would round 2^53 + 1 into range.
    const qint64 exact = value.toInteger(static_cast<qint64>(number));
    if (exact > static_cast<qint64>(MaxExactInteger) || exact < -static_cast<qint64>(MaxExactInteger))
        return std::nullopt;
    return exact;
}

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

void JsonReader::fail(ErrorCode code, const QString &message)
{
    if (!m_error)
        m_error = ProtocolError{code, message};
}

void JsonReader::failMissing(const QString &key)
{
    fail(ErrorCode::BadRequest, QStringLiteral("%1: field \"%2\" is required").arg(m_context, key));
}

void JsonReader::failType(const QString &key, const char *expected)
{
    fail(ErrorCode::BadRequest,
         QStringLiteral("%1: field \"%2\" must be %3").arg(m_context, key, QString::fromLatin1(expected)));
}

QString JsonReader::requiredString(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        failMissing(key);
        return {};
    }
    if (!value.isString()) {
        failType(key, "a string");
        return {};
    }
    return value.toString();
}

QString JsonReader::optionalString(const QString &key, const QString &fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString()) {
        failType(key, "a string");
        return fallback;
    }
    return value.toString();
}

qint64 JsonReader::requiredInteger(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        failMissing(key);
        return 0;
    }
    const auto integer = exactInteger(value);
    if (!integer) {
        failType(key, "an integer");
        return 0;
    }
    return *integer;
}

std::optional<qint64> JsonReader::optionalInteger(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const auto integer = exactInteger(value);
    if (!integer)
        failType(key, "an integer");
    return integer;
}

bool JsonReader::requiredBool(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        failMissing(key);
        return false;
    }
    if (!value.isBool()) {
        failType(key, "true or false");
        return false;
    }
    return value.toBool();
}

bool JsonReader::optionalBool(const QString &key, bool fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool()) {
        failType(key, "true or false");
        return fallback;
    }
    return value.toBool();
}

double JsonReader::optionalNumber(const QString &key, double fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        failType(key, "a number");
        return fallback;
    }
    return value.toDouble();
}

QJsonObject JsonReader::optionalObject(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        failType(key, "an object");
        return {};
    }
    return value.toObject();
}

QJsonObject JsonReader::requiredObject(const QString &key)
{
    if (!m_object.contains(key)) {
        failMissing(key);
        return {};
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        failType(key, "an object");
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::requiredArray(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        failMissing(key);
        return {};
    }
    if (!value.isArray()) {
        failType(key, "an array");
        return {};
    }
    return value.toArray();
}

QJsonArray JsonReader::optionalArray(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        failType(key, "an array");
        return {};
    }
    return value.toArray();
}

QStringList JsonReader::requiredStringList(const QString &key)
{
    QStringList list;
    const QJsonArray array = requiredArray(key);
    list.reserve(array.size());
    for (const QJsonValue item : array) {
        if (!item.isString()) {
            failType(key, "an array of strings");
            return {};
        }
        list.append(item.toString());
    }
    return list;
}

} // namespace Natter::Protocol
