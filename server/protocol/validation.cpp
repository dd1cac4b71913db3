#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <utility>

namespace Natter::Protocol {

namespace {

// People read these (marked with QT_TRANSLATE_NOOP for lupdate); the desktop app shows them translated, the server
// (with no translations loaded) as written.
QString message(const char *text)
{
    return QCoreApplication::translate("Natter::Validation", text);
}

// Characters that would let a name or topic hide, reorder or fake what is around it on screen.
bool isHiddenOrControl(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format: // bidi overrides and isolates, zero-width characters
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        break;
    }
    // Letters and symbols that draw nothing: the Hangul fillers and the blank braille pattern.
    switch (codePoint) {
    case 0x115F:
    case 0x1160:
    case 0x2800:
    case 0x3164:
    case 0xFFA0:
        return true;
    default:
        return QChar::isNonCharacter(codePoint);
    }
}

bool hasUnpairedSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<ProtocolError> validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return ProtocolError{ErrorCode::NameInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A name cannot be empty."))};
    if (name.trimmed() != name)
        return ProtocolError{
            ErrorCode::NameInvalid,
            message(QT_TRANSLATE_NOOP("Natter::Validation", "A name cannot start or end with a space."))};
    if (hasUnpairedSurrogate(name))
        return ProtocolError{ErrorCode::NameInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A name must be valid Unicode text."))};
    const QList<uint> codePoints = name.toUcs4();
    if (codePoints.size() > MaxNameLength) {
        return ProtocolError{ErrorCode::NameInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A name can have at most %1 characters."))
                                 .arg(MaxNameLength)};
    }
    for (const uint codePoint : codePoints) {
        if (isHiddenOrControl(codePoint) || (QChar::isSpace(codePoint) && codePoint != U' ')) {
            const QString hex = QString::number(codePoint, 16).toUpper().rightJustified(4, u'0');
            return ProtocolError{ErrorCode::NameInvalid,
                                 message(QT_TRANSLATE_NOOP("Natter::Validation",
                                                           "A name cannot contain control, formatting or invisible "
                                                           "characters (U+%1)."))
                                     .arg(hex)};
        }
    }
    return std::nullopt;
}

std::optional<ProtocolError> validateRoomName(const QString &room)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[a-z0-9][a-z0-9_-]{0,31}\\z"));
    if (!pattern.match(room).hasMatch()) {
        return ProtocolError{ErrorCode::RoomInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation",
                                                       "A room name is 1 to 32 lower-case letters, digits, '-' or '_', "
                                                       "starting with a letter or digit."))};
    }
    return std::nullopt;
}

std::optional<ProtocolError> validateText(const QString &text, int maxUtf8Bytes)
{
    if (text.trimmed().isEmpty())
        return ProtocolError{ErrorCode::TextInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A message cannot be empty."))};
    if (hasUnpairedSurrogate(text))
        return ProtocolError{ErrorCode::TextInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A message must be valid Unicode text."))};
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\r' && c != u'\t') {
            return ProtocolError{
                ErrorCode::TextInvalid,
                message(QT_TRANSLATE_NOOP("Natter::Validation",
                                          "A message cannot contain control characters other than line "
                                          "breaks and tabs."))};
        }
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only count when it could matter.
    if (text.size() * 3 > maxUtf8Bytes && text.toUtf8().size() > maxUtf8Bytes) {
        return ProtocolError{ErrorCode::TooLarge,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A message can be at most %1 bytes long."))
                                 .arg(maxUtf8Bytes)};
    }
    return std::nullopt;
}

std::optional<ProtocolError> validateTopic(const QString &topic, int maxLength)
{
    if (hasUnpairedSurrogate(topic))
        return ProtocolError{ErrorCode::TopicInvalid,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A topic must be valid Unicode text."))};
    if (topic.toUcs4().size() > maxLength) {
        return ProtocolError{
            ErrorCode::TopicInvalid,
            message(QT_TRANSLATE_NOOP("Natter::Validation", "A topic can have at most %1 characters.")).arg(maxLength)};
    }
    for (const QChar c : topic) {
        if (c.category() == QChar::Other_Control) {
            return ProtocolError{
                ErrorCode::TopicInvalid,
                message(QT_TRANSLATE_NOOP("Natter::Validation", "A topic is one line without control characters."))};
        }
    }
    return std::nullopt;
}

std::optional<ProtocolError> validateClientId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxClientIdLength) {
        return ProtocolError{ErrorCode::BadRequest,
                             message(QT_TRANSLATE_NOOP("Natter::Validation", "A message id is 1 to %1 characters."))
                                 .arg(MaxClientIdLength)};
    }
    return std::nullopt;
}

QString nameKey(const QString &name)
{
    // toCaseFolded() folds one character to one; going through upper case first also folds "ß" to "ss".
    return name.normalized(QString::NormalizationForm_KC)
        .toUpper()
        .toCaseFolded()
        .normalized(QString::NormalizationForm_KC);
}

namespace {

// Lower-case letters (after nameKey's folding) that look like a Latin letter in common fonts, with that letter.
// A subset of Unicode's confusables data (UTS #39): Cyrillic, Greek and Armenian letters and a few Latin ones;
// enough that the look-alikes used to impersonate (Cyrillic а, е, о, р, с, у, х, Greek ο, ν, ρ, dotless ı) cannot
// be online beside the name they copy.
constexpr std::pair<char16_t, char16_t> LookAlikes[] = {
    // Cyrillic
    {u'\u0430', u'a'},
    {u'\u0432', u'b'},
    {u'\u0441', u'c'},
    {u'\u0501', u'd'},
    {u'\u0435', u'e'},
    {u'\u0451', u'e'},
    {u'\u04bb', u'h'},
    {u'\u0456', u'i'},
    {u'\u0457', u'i'},
    {u'\u0458', u'j'},
    {u'\u043a', u'k'},
    {u'\u04cf', u'l'},
    {u'\u043c', u'm'},
    {u'\u043d', u'h'},
    {u'\u043e', u'o'},
    {u'\u0440', u'p'},
    {u'\u051b', u'q'},
    {u'\u0455', u's'},
    {u'\u0442', u't'},
    {u'\u0443', u'y'},
    {u'\u051d', u'w'},
    {u'\u0445', u'x'},
    {u'\u0491', u'r'},
    {u'\u0433', u'r'},
    {u'\u043f', u'n'},
    // Greek
    {u'\u03b1', u'a'},
    {u'\u03b2', u'b'},
    {u'\u03b5', u'e'},
    {u'\u03b9', u'i'},
    {u'\u03ba', u'k'},
    {u'\u03bd', u'v'},
    {u'\u03bf', u'o'},
    {u'\u03c1', u'p'},
    {u'\u03c4', u't'},
    {u'\u03c5', u'u'},
    {u'\u03c7', u'x'},
    {u'\u03b7', u'n'},
    {u'\u03c9', u'w'},
    // Armenian
    {u'\u0585', u'o'},
    {u'\u0578', u'n'},
    {u'\u057d', u'u'},
    {u'\u0570', u'h'},
    {u'\u0561', u'w'},
    // Latin letters that look like other Latin letters
    {u'\u0131', u'i'},
    {u'\u0237', u'j'},
    {u'\u0261', u'g'},
    {u'\u0251', u'a'},
    {u'\u028f', u'y'},
};

} // namespace

QString nameSkeleton(const QString &name)
{
    // Composed (NFKC), so accented letters stay themselves ("José" is not "Jose"); a combining mark still
    // standing alone after that (one nothing composes with, or a stack of them) is dropped.
    const QString key = nameKey(name);
    // By code point: marks outside the BMP (variation selectors 17 to 256, musical combining marks) count too.
    QList<uint> skeleton;
    skeleton.reserve(key.size());
    for (const uint codePoint : key.toUcs4()) {
        const QChar::Category category = QChar::category(codePoint);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        uint mapped = codePoint;
        for (const auto &[from, to] : LookAlikes) {
            if (codePoint == from) {
                mapped = to;
                break;
            }
        }
        skeleton.append(mapped);
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(skeleton.constData()), skeleton.size());
}

} // namespace Natter::Protocol
