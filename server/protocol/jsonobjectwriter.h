#pragma once

// Writes one flat JSON object straight to compact UTF-8, byte for byte what QJsonDocument::toJson(Compact)
// makes of the same QJsonObject: keys are added in ascending order (the order QJsonObject keeps them in) and
// strings are escaped the way Qt escapes them. Used for the frames every chat message causes, where building
// a QJsonObject first costs more than everything else the server does per message.

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

namespace Natter::Protocol {

class JsonObjectWriter
{
public:
    JsonObjectWriter();

    void add(QLatin1StringView key, QStringView value);
    void add(QLatin1StringView key, qint64 value);
    void addTrue(QLatin1StringView key); // key: true
    // Closes the object and hands it over; the writer is empty afterwards.
    QByteArray take();

    static void appendEscaped(QByteArray &out, QStringView text);

private:
    void appendKey(QLatin1StringView key);

    QByteArray m_json;
#ifndef QT_NO_DEBUG
    QLatin1StringView m_lastKey;
#endif
};

} // namespace Natter::Protocol
