#include "jsonobjectwriter.h"

namespace Natter::Protocol {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    const char escape[] = {'\\',
                           'u',
                           hexDigit(unit >> 12 & 0xf),
                           hexDigit(unit >> 8 & 0xf),
                           hexDigit(unit >> 4 & 0xf),
                           hexDigit(unit & 0xf)};
    out.append(escape, sizeof escape);
}

void appendUtf8(QByteArray &out, char32_t codePoint)
{
    if (codePoint < 0x800) {
        out.append(char(0xc0 | codePoint >> 6));
    } else if (codePoint < 0x10000) {
        out.append(char(0xe0 | codePoint >> 12));
        out.append(char(0x80 | (codePoint >> 6 & 0x3f)));
    } else {
        out.append(char(0xf0 | codePoint >> 18));
        out.append(char(0x80 | (codePoint >> 12 & 0x3f)));
        out.append(char(0x80 | (codePoint >> 6 & 0x3f)));
    }
    out.append(char(0x80 | (codePoint & 0x3f)));
}

} // namespace

JsonObjectWriter::JsonObjectWriter()
{
    m_json.reserve(160);
    m_json.append('{');
}

void JsonObjectWriter::appendKey(QLatin1StringView key)
{
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(m_lastKey.isEmpty() || m_lastKey < key, "JsonObjectWriter", "keys must be added in ascending order");
    m_lastKey = key;
#endif
    if (m_json.size() > 1)
        m_json.append(',');
    m_json.append('"');
    m_json.append(key.data(), key.size()); // keys are plain ASCII words
    m_json.append("\":", 2);
}

void JsonObjectWriter::add(QLatin1StringView key, QStringView value)
{
    appendKey(key);
    m_json.append('"');
    appendEscaped(m_json, value);
    m_json.append('"');
}

void JsonObjectWriter::add(QLatin1StringView key, qint64 value)
{
    appendKey(key);
    m_json.append(QByteArray::number(value));
}

void JsonObjectWriter::addTrue(QLatin1StringView key)
{
    appendKey(key);
    m_json.append("true");
}

QByteArray JsonObjectWriter::take()
{
    m_json.append('}');
    QByteArray json = std::exchange(m_json, QByteArray("{"));
#ifndef QT_NO_DEBUG
    m_lastKey = {};
#endif
    return json;
}

void JsonObjectWriter::appendEscaped(QByteArray &out, QStringView text)
{
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
    while (unit != end) {
        const char16_t u = *unit++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                out.append(char(u));
                continue;
            }
            switch (u) {
            case u'"':
                out.append("\\\"", 2);
                break;
            case u'\\':
                out.append("\\\\", 2);
                break;
            case u'\b':
                out.append("\\b", 2);
                break;
            case u'\f':
                out.append("\\f", 2);
                break;
            case u'\n':
                out.append("\\n", 2);
                break;
            case u'\r':
                out.append("\\r", 2);
                break;
            case u'\t':
                out.append("\\t", 2);
                break;
            default:
                appendUnicodeEscape(out, u);
                break;
            }
        } else if (QChar::isHighSurrogate(u) && unit != end && QChar::isLowSurrogate(*unit)) {
            appendUtf8(out, QChar::surrogateToUcs4(u, *unit++));
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(out, u); // a lone surrogate has no UTF-8 form
        } else {
            appendUtf8(out, u);
        }
    }
}

} // namespace Natter::Protocol
