#include "httprequesthead.h"

namespace Natter {

namespace {

// RFC 9110 token characters: what a method and a field name are made of.
bool isTokenCharacter(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenCharacter(c))
            return false;
    }
    return true;
}

// Field values may hold visible characters, spaces, tabs and bytes from 0x80 up; never other control characters.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

bool containsToken(const QByteArray &list, QByteArrayView token)
{
    for (const QByteArray &item : list.split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool HttpRequestHead::canStart(const QByteArray &received)
{
    return received.isEmpty() || isTokenCharacter(received.front());
}

qsizetype HttpRequestHead::endOf(const QByteArray &received)
{
    const qsizetype blank = received.indexOf("\r\n\r\n");
    return blank < 0 ? -1 : blank + 4;
}

bool HttpRequestHead::hasTooManyFields(const QByteArray &head)
{
    // The request line and the blank line end with a line feed too.
    return head.count('\n') - 2 > MaxFields;
}

std::optional<HttpRequestHead> HttpRequestHead::parse(const QByteArray &head)
{
    if (head.size() > MaxBytes || !head.endsWith("\r\n\r\n"))
        return std::nullopt;
    const QList<QByteArray> lines = head.first(head.size() - 4).split('\n');
    if (lines.size() - 1 > MaxFields)
        return std::nullopt;

    HttpRequestHead result;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        // Every line ends with CR LF; the split took the LF, so all but the last keep their CR.
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return std::nullopt;
            line.chop(1);
        }
        if (line.contains('\r'))
            return std::nullopt;
        if (i == 0) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty() || !isFieldValue(parts.at(1))
                || (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0"))
                return std::nullopt;
            result.method = parts.at(0);
            result.target = parts.at(1);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        // No space before the colon (RFC 9112 §5.1), no folded lines.
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return std::nullopt;
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isFieldValue(value))
            return std::nullopt;
        result.fields.append({line.first(colon).toLower(), value});
    }
    return result;
}

QByteArray HttpRequestHead::field(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : fields) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

bool HttpRequestHead::isWebSocketUpgrade() const
{
    return method == "GET" && containsToken(field("upgrade"), "websocket")
        && containsToken(field("connection"), "upgrade");
}

} // namespace Natter
