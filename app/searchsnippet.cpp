#include "searchsnippet.h"

namespace Natter {

SearchSnippet SearchSnippet::read(const QString &snippet, const QList<Protocol::SearchRange> &ranges)
{
    QList<qsizetype> positions;
    MessageMarkup markup = MessageMarkup::parse(snippet, &positions);
    SearchSnippet shown;
    shown.text = std::move(markup.text);
    shown.spans = std::move(markup.spans);
    for (const Protocol::SearchRange &range : ranges) {
        if (range.start < 0 || range.length <= 0 || range.start + qsizetype(range.length) > snippet.size())
            continue;
        const qsizetype start = positions.at(range.start);
        const qsizetype end = positions.at(range.start + range.length);
        if (end > start)
            shown.ranges.append({int(start), int(end - start)});
    }
    return shown;
}

} // namespace Natter
