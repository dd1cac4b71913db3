// Proves the protocol's fixed rules for names, room names, text, topics, message ids and error code words.

#include "errorcode.h"
#include "validation.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter::Protocol;

namespace Natter::Protocol {
// Found by QCOMPARE through argument-dependent lookup, so failures print the code word, not a number.
char *toString(ErrorCode code)
{
    return qstrdup(errorCodeWord(code).toUtf8().constData());
}
} // namespace Natter::Protocol

namespace {

QString unit(char16_t codeUnit)
{
    return QString(QChar(codeUnit));
}

const QString grinningFace = u"😀"_s; // U+1F600: two UTF-16 units, four UTF-8 bytes

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void acceptsNames_data();
    void acceptsNames();
    void rejectsNames_data();
    void rejectsNames();

    void acceptsRoomNames_data();
    void acceptsRoomNames();
    void rejectsRoomNames_data();
    void rejectsRoomNames();

    void acceptsText_data();
    void acceptsText();
    void rejectsText_data();
    void rejectsText();
    void textByteLimitCountsUtf8_data();
    void textByteLimitCountsUtf8();
    void textDefaultLimitIsSixteenKilobytes();

    void acceptsTopics_data();
    void acceptsTopics();
    void rejectsTopics_data();
    void rejectsTopics();

    void acceptsClientIds_data();
    void acceptsClientIds();
    void rejectsClientIds_data();
    void rejectsClientIds();

    void nameKeysMatch_data();
    void nameKeysMatch();
    void nameKeysDiffer_data();
    void nameKeysDiffer();
    void lookAlikeNamesShareASkeleton_data();
    void lookAlikeNamesShareASkeleton();
    void distinctNamesKeepTheirSkeletons_data();
    void distinctNamesKeepTheirSkeletons();

    void errorCodeWords_data();
    void errorCodeWords();
    void everyErrorCodeHasDistinctRoundTrippingWord();
    void unknownErrorCodeWords_data();
    void unknownErrorCodeWords();
};

void TestValidation::acceptsNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("ascii") << u"alice"_s;
    QTest::newRow("mixed case and digits") << u"Alice99"_s;
    QTest::newRow("punctuation") << u"o'brien-smith_2.0"_s;
    QTest::newRow("one character") << u"x"_s;
    QTest::newRow("latin with diaeresis") << u"Zoë"_s;
    QTest::newRow("combining diaeresis") << u"Zoe\u0308"_s;
    QTest::newRow("cjk") << u"山田"_s;
    QTest::newRow("cyrillic") << u"Фёдор"_s;
    QTest::newRow("emoji") << grinningFace;
    QTest::newRow("emoji inside text") << u"cat 🐈 fan"_s;
    QTest::newRow("single inner space") << u"Mary Jane"_s;
    QTest::newRow("several single inner spaces") << u"Anna Maria de Souza"_s;
    QTest::newRow("32 ascii characters") << u"a"_s.repeated(MaxNameLength);
    QTest::newRow("32 astral emoji, 64 utf-16 units") << grinningFace.repeated(32);
    QTest::newRow("31 letters and an emoji") << u"b"_s.repeated(31) + grinningFace;
}

void TestValidation::acceptsNames()
{
    QFETCH(QString, name);
    const auto error = validateName(name);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestValidation::rejectsNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("one space") << u" "_s;
    QTest::newRow("spaces only") << u"    "_s;
    QTest::newRow("tab only") << u"\t"_s;
    QTest::newRow("leading space") << u" alice"_s;
    QTest::newRow("trailing space") << u"alice "_s;
    QTest::newRow("33 ascii characters") << u"a"_s.repeated(MaxNameLength + 1);
    QTest::newRow("33 astral emoji") << grinningFace.repeated(33);
    QTest::newRow("32 letters and an emoji") << u"b"_s.repeated(32) + grinningFace;
    QTest::newRow("newline inside") << u"ali\nce"_s;
    QTest::newRow("tab inside") << u"ali\tce"_s;
    QTest::newRow("U+0001 inside") << u"ali"_s + unit(0x01) + u"ce"_s;
    QTest::newRow("U+007F inside") << u"ali"_s + unit(0x7f) + u"ce"_s;
    QTest::newRow("U+0000 inside") << u"ali"_s + unit(0x00) + u"ce"_s;
    QTest::newRow("no-break space inside") << u"ali\u00A0ce"_s;
    QTest::newRow("right-to-left override U+202E") << u"\u202Eevil"_s;
    QTest::newRow("left-to-right isolate U+2066") << u"ali\u2066ce"_s;
    QTest::newRow("zero width space U+200B") << u"ali\u200Bce"_s;
    QTest::newRow("Hangul filler U+3164") << u"alice\u3164"_s;
    QTest::newRow("halfwidth Hangul filler U+FFA0") << u"alice\uFFA0"_s;
    QTest::newRow("blank braille U+2800") << u"alice\u2800"_s;
    QTest::newRow("Hangul choseong filler U+115F") << u"\u115Falice"_s;
    QTest::newRow("soft hyphen U+00AD") << u"ali\u00ADce"_s;
    QTest::newRow("byte order mark U+FEFF") << u"\uFEFFalice"_s;
    QTest::newRow("line separator U+2028") << u"ali\u2028ce"_s;
    QTest::newRow("paragraph separator U+2029") << u"ali\u2029ce"_s;
    QTest::newRow("non-character U+FFFF") << u"ali"_s + unit(0xFFFF) + u"ce"_s;
    QTest::newRow("non-character U+FDD0") << u"ali"_s + unit(0xFDD0) + u"ce"_s;
    QTest::newRow("lone high surrogate alone") << unit(0xD800);
    QTest::newRow("lone high surrogate at end") << u"alice"_s + unit(0xD83D);
    QTest::newRow("lone high surrogate inside") << u"ali"_s + unit(0xDBFF) + u"ce"_s;
    QTest::newRow("lone low surrogate alone") << unit(0xDC00);
    QTest::newRow("lone low surrogate at start") << unit(0xDE00) + u"alice"_s;
    QTest::newRow("surrogates in the wrong order") << u"a"_s + unit(0xDE00) + unit(0xD83D) + u"b"_s;
}

void TestValidation::rejectsNames()
{
    QFETCH(QString, name);
    const auto error = validateName(name);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::NameInvalid);
    QVERIFY(!error->message.isEmpty());
}

void TestValidation::acceptsRoomNames_data()
{
    QTest::addColumn<QString>("room");

    QTest::newRow("lobby") << u"lobby"_s;
    QTest::newRow("one letter") << u"a"_s;
    QTest::newRow("one digit") << u"7"_s;
    QTest::newRow("starts with digit") << u"0day"_s;
    QTest::newRow("dash and underscore") << u"dev-ops_2"_s;
    QTest::newRow("ends with dash") << u"room-"_s;
    QTest::newRow("32 characters") << u"r"_s.repeated(MaxRoomNameLength);
}

void TestValidation::acceptsRoomNames()
{
    QFETCH(QString, room);
    const auto error = validateRoomName(room);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestValidation::rejectsRoomNames_data()
{
    QTest::addColumn<QString>("room");

    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << u"Lobby"_s;
    QTest::newRow("starts with dash") << u"-x"_s;
    QTest::newRow("starts with underscore") << u"_x"_s;
    QTest::newRow("space inside") << u"has space"_s;
    QTest::newRow("trailing space") << u"lobby "_s;
    QTest::newRow("trailing newline") << u"lobby\n"_s;
    QTest::newRow("33 characters") << u"r"_s.repeated(MaxRoomNameLength + 1);
    QTest::newRow("non-ascii letter") << u"é"_s;
    QTest::newRow("hash prefix") << u"#room"_s;
    QTest::newRow("at prefix") << u"@x"_s;
    QTest::newRow("dot") << u"a.b"_s;
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("fullwidth letter") << u"ｌobby"_s;
}

void TestValidation::rejectsRoomNames()
{
    QFETCH(QString, room);
    const auto error = validateRoomName(room);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::RoomInvalid);
    QVERIFY(!error->message.isEmpty());
}

void TestValidation::acceptsText_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("word") << u"hello"_s;
    QTest::newRow("one character") << u"x"_s;
    QTest::newRow("line breaks") << u"first line\nsecond line"_s;
    QTest::newRow("tab") << u"key\tvalue"_s;
    QTest::newRow("windows line ending") << u"first line\r\nsecond line"_s;
    QTest::newRow("surrounding spaces") << u"  padded  "_s;
    QTest::newRow("unicode") << u"Grüße, 山田さん €5 😀"_s;
    QTest::newRow("emoji only") << grinningFace;
}

void TestValidation::acceptsText()
{
    QFETCH(QString, text);
    const auto error = validateText(text, 1024);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestValidation::rejectsText_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("one space") << u" "_s;
    QTest::newRow("whitespace only") << u" \n\t  \n"_s;
    QTest::newRow("U+0001") << u"a"_s + unit(0x01) + u"b"_s;
    QTest::newRow("U+0000") << u"a"_s + unit(0x00) + u"b"_s;
    QTest::newRow("U+007F") << u"a"_s + unit(0x7f) + u"b"_s;
    QTest::newRow("escape") << u"a\x1b[31mred"_s;
    QTest::newRow("U+0085 next line") << u"a\u0085b"_s;
    QTest::newRow("lone high surrogate") << u"hi "_s + unit(0xD83D);
    QTest::newRow("lone low surrogate") << unit(0xDE00) + u" hi"_s;
}

void TestValidation::rejectsText()
{
    QFETCH(QString, text);
    const auto error = validateText(text, 1024);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::TextInvalid);
    QVERIFY(!error->message.isEmpty());
}

void TestValidation::textByteLimitCountsUtf8_data()
{
    QTest::addColumn<QString>("piece");
    QTest::addColumn<int>("pieceBytes"); // UTF-8 bytes of one piece
    QTest::addColumn<int>("count");

    QTest::newRow("ascii, 1 byte") << u"a"_s << 1 << 100;
    QTest::newRow("é, 2 bytes") << u"é"_s << 2 << 100;
    QTest::newRow("€, 3 bytes") << u"€"_s << 3 << 100;
    QTest::newRow("emoji, 4 bytes") << grinningFace << 4 << 100;
    QTest::newRow("mixed, 10 bytes") << u"a\u00e9\u20ac"_s + grinningFace << 10 << 30;
    QTest::newRow("single €") << u"€"_s << 3 << 1;
    QTest::newRow("single emoji") << grinningFace << 4 << 1;
}

void TestValidation::textByteLimitCountsUtf8()
{
    QFETCH(QString, piece);
    QFETCH(int, pieceBytes);
    QFETCH(int, count);
    const QString text = piece.repeated(count);
    const int exactBytes = pieceBytes * count;

    const auto atLimit = validateText(text, exactBytes);
    QVERIFY2(!atLimit, qPrintable(atLimit ? atLimit->message : QString()));

    const auto limitOneSmaller = validateText(text, exactBytes - 1);
    QVERIFY(limitOneSmaller.has_value());
    QCOMPARE(limitOneSmaller->code, ErrorCode::TooLarge);
    QVERIFY(!limitOneSmaller->message.isEmpty());

    const auto oneByteMore = validateText(text + u"a"_s, exactBytes);
    QVERIFY(oneByteMore.has_value());
    QCOMPARE(oneByteMore->code, ErrorCode::TooLarge);

    const auto onePieceMore = validateText(text + piece, exactBytes);
    QVERIFY(onePieceMore.has_value());
    QCOMPARE(onePieceMore->code, ErrorCode::TooLarge);
}

void TestValidation::textDefaultLimitIsSixteenKilobytes()
{
    constexpr int defaultLimit = 16 * 1024;
    QVERIFY(!validateText(u"a"_s.repeated(defaultLimit), defaultLimit));
    const auto error = validateText(u"a"_s.repeated(defaultLimit + 1), defaultLimit);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::TooLarge);
    QVERIFY2(error->message.contains(QString::number(defaultLimit)), qPrintable(error->message));
}

void TestValidation::acceptsTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("maxLength");

    QTest::newRow("empty clears the topic") << QString() << 256;
    QTest::newRow("sentence") << u"Release planning, Friday 10:00"_s << 256;
    QTest::newRow("unicode") << u"Grüße 😀 山田"_s << 256;
    QTest::newRow("exactly the maximum") << u"t"_s.repeated(256) << 256;
    QTest::newRow("maximum counted in code points") << grinningFace.repeated(20) << 20;
}

void TestValidation::acceptsTopics()
{
    QFETCH(QString, topic);
    QFETCH(int, maxLength);
    const auto error = validateTopic(topic, maxLength);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestValidation::rejectsTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("maxLength");

    QTest::newRow("one over the maximum") << u"t"_s.repeated(257) << 256;
    QTest::newRow("one emoji over the maximum") << grinningFace.repeated(21) << 20;
    QTest::newRow("newline") << u"line one\nline two"_s << 256;
    QTest::newRow("only a newline") << u"\n"_s << 256;
    QTest::newRow("tab") << u"a\tb"_s << 256;
    QTest::newRow("U+0001") << u"a"_s + unit(0x01) << 256;
    QTest::newRow("lone surrogate") << u"topic "_s + unit(0xD800) << 256;
}

void TestValidation::rejectsTopics()
{
    QFETCH(QString, topic);
    QFETCH(int, maxLength);
    const auto error = validateTopic(topic, maxLength);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::TopicInvalid);
    QVERIFY(!error->message.isEmpty());
}

void TestValidation::acceptsClientIds_data()
{
    QTest::addColumn<QString>("id");

    QTest::newRow("one character") << u"1"_s;
    QTest::newRow("uuid") << u"6f1c2a9e-3b1d-4c55-9a51-0a2b3c4d5e6f"_s;
    QTest::newRow("64 characters") << u"i"_s.repeated(MaxClientIdLength);
}

void TestValidation::acceptsClientIds()
{
    QFETCH(QString, id);
    const auto error = validateClientId(id);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestValidation::rejectsClientIds_data()
{
    QTest::addColumn<QString>("id");

    QTest::newRow("empty") << QString();
    QTest::newRow("65 characters") << u"i"_s.repeated(MaxClientIdLength + 1);
    QTest::newRow("very long") << u"i"_s.repeated(10000);
}

void TestValidation::rejectsClientIds()
{
    QFETCH(QString, id);
    const auto error = validateClientId(id);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::BadRequest);
    QVERIFY(!error->message.isEmpty());
}

void TestValidation::nameKeysMatch_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("Alice / ALICE") << u"Alice"_s << u"ALICE"_s;
    QTest::newRow("Alice / alice") << u"Alice"_s << u"alice"_s;
    QTest::newRow("ALICE / alice") << u"ALICE"_s << u"alice"_s;
    QTest::newRow("fi ligature / fi") << u"\uFB01sh"_s << u"fish"_s;
    QTest::newRow("fullwidth A / a") << u"\uFF21"_s << u"a"_s;
    QTest::newRow("fullwidth word / ascii word") << u"\uFF22\uFF4F\uFF42"_s << u"bob"_s;
    QTest::newRow("Kelvin sign / k") << u"\u212Aate"_s << u"kate"_s;
    QTest::newRow("precomposed / combining diaeresis") << u"Zoë"_s << u"Zoe\u0308"_s;
    QTest::newRow("Greek final sigma") << u"ΣΑΣ"_s << u"σας"_s;
    QTest::newRow("Straße / STRASSE") << u"Straße"_s << u"STRASSE"_s;
    QTest::newRow("Straße / strasse") << u"Straße"_s << u"strasse"_s;
}

void TestValidation::nameKeysMatch()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QCOMPARE(nameKey(first), nameKey(second));
}

void TestValidation::nameKeysDiffer_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("different names") << u"alice"_s << u"bob"_s;
    QTest::newRow("prefix") << u"alice"_s << u"alicia"_s;
    QTest::newRow("inner space") << u"bob"_s << u"b ob"_s;
    QTest::newRow("accent") << u"a"_s << u"á"_s;
    QTest::newRow("diaeresis") << u"Zoë"_s << u"Zoe"_s;
    QTest::newRow("cjk") << u"山田"_s << u"山本"_s;
    QTest::newRow("digits") << u"user1"_s << u"user2"_s;
}

void TestValidation::nameKeysDiffer()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QVERIFY2(nameKey(first) != nameKey(second), qPrintable(nameKey(first)));
}

void TestValidation::errorCodeWords_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("word");

    QTest::newRow("BadRequest") << ErrorCode::BadRequest << u"bad_request"_s;
    QTest::newRow("UnknownType") << ErrorCode::UnknownType << u"unknown_type"_s;
    QTest::newRow("HelloRequired") << ErrorCode::HelloRequired << u"hello_required"_s;
    QTest::newRow("AlreadyWelcomed") << ErrorCode::AlreadyWelcomed << u"already_welcomed"_s;
    QTest::newRow("NameTaken") << ErrorCode::NameTaken << u"name_taken"_s;
    QTest::newRow("NameInvalid") << ErrorCode::NameInvalid << u"name_invalid"_s;
    QTest::newRow("AuthFailed") << ErrorCode::AuthFailed << u"auth_failed"_s;
    QTest::newRow("RoomInvalid") << ErrorCode::RoomInvalid << u"room_invalid"_s;
    QTest::newRow("NotInRoom") << ErrorCode::NotInRoom << u"not_in_room"_s;
    QTest::newRow("TooManyRooms") << ErrorCode::TooManyRooms << u"too_many_rooms"_s;
    QTest::newRow("UserUnknown") << ErrorCode::UserUnknown << u"user_unknown"_s;
    QTest::newRow("NameOwned") << ErrorCode::NameOwned << u"name_owned"_s;
    QTest::newRow("RecipientOffline") << ErrorCode::RecipientOffline << u"recipient_offline"_s;
    QTest::newRow("MessageUnknown") << ErrorCode::MessageUnknown << u"message_unknown"_s;
    QTest::newRow("NotYours") << ErrorCode::NotYours << u"not_yours"_s;
    QTest::newRow("QueryInvalid") << ErrorCode::QueryInvalid << u"query_invalid"_s;
    QTest::newRow("EmojiInvalid") << ErrorCode::EmojiInvalid << u"emoji_invalid"_s;
    QTest::newRow("TooManyReactions") << ErrorCode::TooManyReactions << u"too_many_reactions"_s;
    QTest::newRow("TextInvalid") << ErrorCode::TextInvalid << u"text_invalid"_s;
    QTest::newRow("TopicInvalid") << ErrorCode::TopicInvalid << u"topic_invalid"_s;
    QTest::newRow("TooLarge") << ErrorCode::TooLarge << u"too_large"_s;
    QTest::newRow("RateLimited") << ErrorCode::RateLimited << u"rate_limited"_s;
    QTest::newRow("ServerFull") << ErrorCode::ServerFull << u"server_full"_s;
    QTest::newRow("TlsRequired") << ErrorCode::TlsRequired << u"tls_required"_s;
    QTest::newRow("StorageUnavailable") << ErrorCode::StorageUnavailable << u"storage_unavailable"_s;
    QTest::newRow("InternalError") << ErrorCode::InternalError << u"internal_error"_s;
}

void TestValidation::errorCodeWords()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, word);
    QCOMPARE(errorCodeWord(code), word);
    const auto decoded = errorCodeFromWord(word);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, code);
}

void TestValidation::everyErrorCodeHasDistinctRoundTrippingWord()
{
    // InternalError is the last enumerator; a code added after it must extend errorCodeWords_data too.
    constexpr int count = static_cast<int>(ErrorCode::InternalError) + 1;
    QCOMPARE(count, 26);
    QSet<QString> words;
    for (int value = 0; value < count; ++value) {
        const auto code = static_cast<ErrorCode>(value);
        const QString word = errorCodeWord(code);
        QVERIFY(!word.isEmpty());
        QVERIFY2(!words.contains(word), qPrintable(word));
        words.insert(word);
        const auto decoded = errorCodeFromWord(word);
        QVERIFY2(decoded.has_value(), qPrintable(word));
        QCOMPARE(*decoded, code);
    }
}

void TestValidation::unknownErrorCodeWords_data()
{
    QTest::addColumn<QString>("word");

    QTest::newRow("empty") << QString();
    QTest::newRow("unknown") << u"unknown"_s;
    QTest::newRow("upper case") << u"BAD_REQUEST"_s;
    QTest::newRow("dash instead of underscore") << u"bad-request"_s;
    QTest::newRow("leading space") << u" bad_request"_s;
    QTest::newRow("enumerator name") << u"BadRequest"_s;
    QTest::newRow("future code") << u"slow_down"_s;
}

void TestValidation::unknownErrorCodeWords()
{
    QFETCH(QString, word);
    QVERIFY(!errorCodeFromWord(word).has_value());
}

QTEST_GUILESS_MAIN(TestValidation)

#include "tst_validation.moc"

void TestValidation::lookAlikeNamesShareASkeleton_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("Cyrillic o") << u"bob"_s << u"b\u043Eb"_s;
    QTest::newRow("Cyrillic A, upper case") << u"Ann"_s << u"\u0410nn"_s;
    QTest::newRow("all Cyrillic") << u"cope"_s << u"\u0441\u043E\u0440\u0435"_s;
    QTest::newRow("Greek omicron and nu") << u"von"_s << u"\u03BD\u03BFn"_s;
    QTest::newRow("dotless i") << u"alice"_s << u"al\u0131ce"_s;
    QTest::newRow("full-width and Cyrillic") << u"\uFF21lice"_s << u"\u0430lice"_s;
    QTest::newRow("stray combining mark") << u"bob"_s << u"bo\u0335b"_s;
    QTest::newRow("same key") << u"Alice"_s << u"ALICE"_s;
    QTest::newRow("variation selector 17 (outside the BMP)") << u"alice"_s << u"alice\U000E0100"_s;
    QTest::newRow("variation selector 256 inside") << u"alice"_s << u"al\U000E01EFice"_s;
    QTest::newRow("musical combining mark") << u"alice"_s << u"alice\U0001D167"_s;
}

void TestValidation::lookAlikeNamesShareASkeleton()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QCOMPARE(nameSkeleton(first), nameSkeleton(second));
}

void TestValidation::distinctNamesKeepTheirSkeletons_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("different names") << u"alice"_s << u"bob"_s;
    QTest::newRow("accented letter") << u"Jose"_s << u"Jos\u00E9"_s;
    QTest::newRow("Cyrillic word") << u"ivan"_s << u"\u0438\u0432\u0430\u043D"_s;
    QTest::newRow("digits") << u"bob"_s << u"b0b"_s;
    QTest::newRow("cjk") << u"\u5C71\u7530"_s << u"\u5C71\u672C"_s;
}

void TestValidation::distinctNamesKeepTheirSkeletons()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QVERIFY(nameSkeleton(first) != nameSkeleton(second));
}
