// Proves that a reaction is exactly one emoji: every kind of emoji people send is accepted (ZWJ sequences, skin tones,
// flags, keycaps, variation selectors), and letters, digits, text, several emoji and broken sequences are not, also
// when they are shuffled at random.

#include "emoji.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter::Protocol;

class TestEmoji : public QObject
{
    Q_OBJECT

private slots:
    void acceptsOneEmoji_data()
    {
        QTest::addColumn<QString>("emoji");
        QTest::newRow("thumbs up") << u"\U0001F44D"_s;
        QTest::newRow("thumbs up, dark skin") << u"\U0001F44D\U0001F3FF"_s;
        QTest::newRow("red heart with selector") << u"\u2764\uFE0F"_s;
        QTest::newRow("red heart bare") << u"\u2764"_s;
        QTest::newRow("party popper") << u"\U0001F389"_s;
        QTest::newRow("woman technologist, medium skin") << u"\U0001F469\U0001F3FD\u200D\U0001F4BB"_s;
        QTest::newRow("family") << u"\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"_s;
        QTest::newRow("kiss with skin tones")
            << u"\U0001F469\U0001F3FB\u200D\u2764\uFE0F\u200D\U0001F48B\u200D\U0001F468\U0001F3FC"_s;
        QTest::newRow("rainbow flag") << u"\U0001F3F3\uFE0F\u200D\U0001F308"_s;
        QTest::newRow("flag of Germany") << u"\U0001F1E9\U0001F1EA"_s;
        QTest::newRow("flag of Scotland")
            << u"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"_s;
        QTest::newRow("keycap one") << u"1\uFE0F\u20E3"_s;
        QTest::newRow("keycap hash, no selector") << u"#\u20E3"_s;
        QTest::newRow("copyright as emoji") << u"\u00A9\uFE0F"_s;
        QTest::newRow("newest block") << u"\U0001FAE0"_s;
    }
    void acceptsOneEmoji()
    {
        QFETCH(QString, emoji);
        QVERIFY2(isSingleEmoji(emoji), qPrintable(emoji));
        QVERIFY(!validateEmoji(emoji));
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("a letter") << u"a"_s;
        QTest::newRow("a digit") << u"7"_s;
        QTest::newRow("a word") << u"ok"_s;
        QTest::newRow("a space") << u" "_s;
        QTest::newRow("CJK") << u"\u597D"_s;
        QTest::newRow("two emoji") << u"\U0001F44D\U0001F44D"_s;
        QTest::newRow("emoji and letter") << u"\U0001F44Dx"_s;
        QTest::newRow("letter and emoji") << u"x\U0001F44D"_s;
        QTest::newRow("emoji and space") << u"\U0001F44D "_s;
        QTest::newRow("skin tone alone") << u"\U0001F3FD"_s;
        QTest::newRow("joiner alone") << u"\u200D"_s;
        QTest::newRow("selector alone") << u"\uFE0F"_s;
        QTest::newRow("trailing joiner") << u"\U0001F469\u200D"_s;
        QTest::newRow("leading joiner") << u"\u200D\U0001F469"_s;
        QTest::newRow("double joiner") << u"\U0001F469\u200D\u200D\U0001F4BB"_s;
        QTest::newRow("joined to a letter") << u"\U0001F469\u200Da"_s;
        QTest::newRow("one regional indicator") << u"\U0001F1E9"_s;
        QTest::newRow("three regional indicators") << u"\U0001F1E9\U0001F1EA\U0001F1EB"_s;
        QTest::newRow("two flags") << u"\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7"_s;
        QTest::newRow("keycap on a letter") << u"a\uFE0F\u20E3"_s;
        QTest::newRow("tags without a flag") << u"\U0001F44D\U000E0067\U000E007F"_s;
        QTest::newRow("black flag, tags, no end") << u"\U0001F3F4\U000E0067\U000E0062"_s;
        QTest::newRow("unpaired surrogate") << QString(QChar(0xD83D));
        QTest::newRow("combining accent on emoji") << u"\U0001F44D\u0301"_s;
        QTest::newRow("bidi override and emoji") << u"\u202E\U0001F44D"_s;
        QTest::newRow("too long") << u"\U0001F469\u200D"_s.repeated(11) + u"\U0001F469"_s;
    }
    void refusesEverythingElse()
    {
        QFETCH(QString, text);
        QVERIFY(!isSingleEmoji(text));
        const auto error = validateEmoji(text);
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::EmojiInvalid);
    }

    // Strings built at random from the pieces emoji are made of (and from letters, digits and marks): whatever is
    // accepted must be one grapheme and bounded, and appending a letter or a second emoji must never be.
    void fuzz()
    {
        const QList<char32_t> pieces{0x1F44D, 0x1F469, 0x1F4BB, 0x2764, 0x200D, 0xFE0F, 0xFE0E, 0x1F3FB,
                                     0x1F3FF, 0x1F1E9, 0x1F1EA, 0x20E3, u'1',   u'#',   u'a',   0x0301,
                                     0xE0067, 0xE007F, 0x1F3F4, 0x00A9, 0x202E, 0x200B};
        QRandomGenerator random(20261203);
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            const int length = 1 + int(random.bounded(8));
            QList<char32_t> points;
            for (int i = 0; i < length; ++i)
                points.append(pieces.at(random.bounded(int(pieces.size()))));
            const QString text = QString::fromUcs4(points.constData(), points.size());
            if (!isSingleEmoji(text))
                continue;
            ++accepted;
            QVERIFY2(text.size() <= MaxEmojiLength, qPrintable(text));
            QVERIFY2(!isSingleEmoji(text + u'a'), qPrintable(text));
            QVERIFY2(!isSingleEmoji(text + u"\U0001F44D"_s), qPrintable(text));
            QVERIFY2(!isSingleEmoji(u'a' + text), qPrintable(text));
            for (const char32_t c : points)
                QVERIFY(c != u'a' && c != 0x0301 && c != 0x202E && c != 0x200B);
        }
        QVERIFY(accepted > 100); // the fuzz reaches valid emoji, not only refusals
    }
};

QTEST_MAIN(TestEmoji)
#include "tst_emoji.moc"
