#pragma once

// How a message measures against the server's UTF-8 byte limit, told in the characters a person sees.

#include <QStringView>

namespace Natter {

struct CharacterBudget
{
    // User-perceived characters (grapheme clusters): "é" and a family emoji count as one each.
    int characters = 0;
    int usedBytes = 0;
    int maxBytes = 0;
    // Under the limit: how many more characters of the kind already typed should fit.
    int charactersLeft = 0;
    // Over the limit: how many trailing characters must go for the text to fit.
    int charactersTooMany = 0;

    bool isOverLimit() const { return usedBytes > maxBytes; }
    // True once the text uses at least `share` of the limit.
    bool reaches(double share) const { return usedBytes >= maxBytes * share; }

    static CharacterBudget measure(QStringView text, int maxBytes);
    static int countCharacters(QStringView text);
};

} // namespace Natter
