#pragma once

// Reads typed fields out of an untrusted JSON object; the first missing or mistyped field becomes the error.

#include "errorcode.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Natter::Protocol {

// The value as an integer if it is one that JSON numbers carry exactly (|n| <= 2^53).
std::optional<qint64> exactInteger(const QJsonValue &value);

class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString context);

    QString requiredString(const QString &key);
    QString optionalString(const QString &key, const QString &fallback = {});
    qint64 requiredInteger(const QString &key);
    std::optional<qint64> optionalInteger(const QString &key);
    bool requiredBool(const QString &key);
    bool optionalBool(const QString &key, bool fallback);
    double optionalNumber(const QString &key, double fallback);
    QJsonObject optionalObject(const QString &key);
    QJsonObject requiredObject(const QString &key);
    QJsonArray requiredArray(const QString &key);
    QJsonArray optionalArray(const QString &key);
    QStringList requiredStringList(const QString &key);

    bool has(const QString &key) const { return m_object.contains(key); }
    bool ok() const { return !m_error.has_value(); }
    const ProtocolError &error() const { return *m_error; }
    void fail(ErrorCode code, const QString &message);

private:
    void failMissing(const QString &key);
    void failType(const QString &key, const char *expected);

    const QJsonObject &m_object;
    QString m_context;
    std::optional<ProtocolError> m_error;
};

} // namespace Natter::Protocol
