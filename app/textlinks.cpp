#include "textlinks.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Natter::TextLinks {

namespace {

// Starts after no letter or digit, so that "xhttp://" or "awww.x" are not links but "_https://x_" is; runs to
// whitespace or a character that cannot be part of a URL typed in a chat. U+2028 is the line separator a laid-out text
// holds.
const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(
        uR"((?<![\p{L}\p{N}])(?:(?:https?|wss?)://|www\.|mailto:)[^\s<>"`\x{2028}\x{2029}]+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

qsizetype trimmedLinkLength(QStringView link)
{
    qsizetype length = link.size();
    while (length > 0) {
        const QChar last = link.at(length - 1);
        if (last == u')') {
            const QStringView body = link.first(length);
            if (body.count(u'(') >= body.count(u')'))
                break; // balanced, as in https://en.wikipedia.org/wiki/Qt_(software)
        } else if (!QStringView(u".,;:!?'\"]}*_~").contains(last)) {
            break;
        }
        --length;
    }
    return length;
}

bool isUsable(const QUrl &url)
{
    if (!url.isValid())
        return false;
    if (url.scheme().compare(u"mailto"_s, Qt::CaseInsensitive) == 0) {
        const QString address = url.path();
        const qsizetype at = address.indexOf(u'@');
        return at > 0 && at < address.size() - 1;
    }
    return !url.host().isEmpty();
}

} // namespace

QList<Link> find(const QString &text)
{
    QList<Link> links;
    auto matches = linkPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const qsizetype length = trimmedLinkLength(match.capturedView());
        const QString spelled = text.mid(match.capturedStart(), length);
        const bool bare = spelled.startsWith(u"www."_s, Qt::CaseInsensitive);
        const QUrl url(bare ? u"http://"_s + spelled : spelled, QUrl::TolerantMode);
        if (isUsable(url))
            links.append(Link{match.capturedStart(), length, url});
    }
    return links;
}

} // namespace Natter::TextLinks
