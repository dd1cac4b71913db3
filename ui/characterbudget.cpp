#include "characterbudget.h"

#include <QTextBoundaryFinder>

namespace Natter {

namespace {
// UTF-8 length without building the byte array; a lone surrogate is encoded as a replacement character.
int utf8Length(QStringView text)
{
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80) {
            bytes += 1;
        } else if (unit < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(unit) && i + 1 < text.size()
                   && QChar::isLowSurrogate(text[i + 1].unicode())) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
    }
    return bytes;
}
} // namespace

int CharacterBudget::countCharacters(QStringView text)
{
    if (text.isEmpty())
        return 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text.data(), static_cast<int>(text.size()));
    int count = 0;
    while (finder.toNextBoundary() != -1)
        ++count;
    return count;
}

CharacterBudget CharacterBudget::measure(QStringView text, int maxBytes)
{
    CharacterBudget budget;
    budget.maxBytes = maxBytes;
    budget.usedBytes = utf8Length(text);
    budget.characters = countCharacters(text);
    if (!budget.isOverLimit()) {
        // Remaining bytes divided by the average bytes per character so far; plain ASCII text gets an exact answer.
        const qint64 remaining = budget.maxBytes - budget.usedBytes;
        budget.charactersLeft = budget.characters == 0
            ? static_cast<int>(remaining)
            : static_cast<int>(remaining * budget.characters / budget.usedBytes);
        return budget;
    }
    // Take whole characters off the end until the rest fits, so the number is exactly what the user must delete.
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text.data(), static_cast<int>(text.size()));
    finder.toEnd();
    int bytes = budget.usedBytes;
    qsizetype end = text.size();
    while (bytes > maxBytes) {
        const qsizetype start = finder.toPreviousBoundary();
        if (start < 0)
            break;
        bytes -= utf8Length(text.sliced(start, end - start));
        end = start;
        ++budget.charactersTooMany;
    }
    return budget;
}

} // namespace Natter
