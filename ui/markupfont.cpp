#include "markupfont.h"

#include <QFont>
#include <QTextCharFormat>

namespace Natter::MarkupFont {

void apply(QTextCharFormat &format, MessageMarkup::Kind kind, const QStringList &codeFamilies)
{
    using Kind = MessageMarkup::Kind;
    switch (kind) {
    case Kind::Bold:
        format.setFontWeight(QFont::Bold);
        break;
    case Kind::Italic:
        format.setFontItalic(true);
        break;
    case Kind::Code:
    case Kind::CodeBlock:
        format.setFontFamilies(codeFamilies);
        format.setFontFixedPitch(true);
        format.setFontStyleHint(QFont::Monospace);
        break;
    case Kind::Quote:
    case Kind::Link:
    case Kind::Mention:
        break;
    }
}

} // namespace Natter::MarkupFont
