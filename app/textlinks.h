#pragma once

// Finds the links in a plain text: the one rule for what counts as a link in a message, a topic or a label.

#include <QList>
#include <QString>
#include <QUrl>

namespace Natter::TextLinks {

struct Link
{
    qsizetype start = 0; // in the text it was found in
    qsizetype length = 0;
    QUrl url;

    friend bool operator==(const Link &, const Link &) = default;
};

// The http://, https://, ws://, wss://, www. and mailto: links of a plain text, in order. A link starts at a word
// boundary; trailing punctuation that ends a sentence is left out ("see https://x.org." links https://x.org); a
// closing parenthesis is kept when the link opened one. "www." links open as http://; a mailto: link needs an
// address with an @.
QList<Link> find(const QString &text);

} // namespace Natter::TextLinks
