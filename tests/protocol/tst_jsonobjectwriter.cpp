// The message and ack frames are written without QJsonObject. They must be byte for byte what Qt's own JSON
// writer makes of the same values, whatever the text holds.

#include "jsonobjectwriter.h"
#include "servermessages.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Natter::Protocol;

namespace {

QByteArray viaQJsonObject(const ServerMessage &message)
{
    return QJsonDocument(toJson(message)).toJson(QJsonDocument::Compact);
}

ChatMessage roomMessage(const QString &text)
{
    ChatMessage message;
    message.room = QStringLiteral("lobby");
    message.from = QStringLiteral("Ann");
    message.id = QStringLiteral("c-1");
    message.text = text;
    message.seq = 42;
    message.ts = 1'732'345'678'901;
    return message;
}

} // namespace

class TestJsonObjectWriter : public QObject
{
    Q_OBJECT

private slots:
    void sameBytesAsQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("hello");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\)");
        QTest::newRow("named escapes") << QStringLiteral("a\bb\fc\nd\re\tf");
        QTest::newRow("other control characters") << QString::fromUtf16(u"\u0001\u001f\u0000x\u007f");
        QTest::newRow("markup") << QStringLiteral("<b>bold</b> & <script>");
        QTest::newRow("two- and three-byte UTF-8") << QString::fromUtf16(u"grüße € 日本");
        QTest::newRow("surrogate pair") << QString::fromUtf16(u"smile 😀 and 𝄞");
        QTest::newRow("lone high surrogate") << QString::fromUtf16(u"a\xd83d"
                                                                   u"b");
        QTest::newRow("lone low surrogate at the end") << QString::fromUtf16(u"a\xde00");
        QTest::newRow("bidi and zero-width") << QString::fromUtf16(u"\u202e\u200b\u2028");
    }

    void sameBytesAsQt()
    {
        QFETCH(QString, text);
        ChatMessage message = roomMessage(text);
        QCOMPARE(encodeFrameUtf8(MessageEvent{message}), viaQJsonObject(MessageEvent{message}));

        message.kind = MessageKind::Action;
        message.from = text.isEmpty() ? QStringLiteral("x") : text;
        message.id = text;
        QCOMPARE(encodeFrameUtf8(MessageEvent{message}), viaQJsonObject(MessageEvent{message}));

        ChatMessage direct = roomMessage(text);
        direct.room.clear();
        direct.to = QStringLiteral("Bo");
        QCOMPARE(encodeFrameUtf8(MessageEvent{direct}), viaQJsonObject(MessageEvent{direct}));

        // Edits and deletions, and a message that was edited or taken back.
        ChatMessage revision = roomMessage(text);
        revision.kind = MessageKind::Edit;
        revision.target = 3;
        QCOMPARE(encodeFrameUtf8(MessageEvent{revision}), viaQJsonObject(MessageEvent{revision}));
        revision.kind = MessageKind::Delete;
        revision.text.clear();
        QCOMPARE(encodeFrameUtf8(MessageEvent{revision}), viaQJsonObject(MessageEvent{revision}));
        ChatMessage reply = roomMessage(text);
        reply.replyTo = 2;
        reply.replyFrom = QStringLiteral("Bo");
        reply.replyText = text;
        QCOMPARE(encodeFrameUtf8(MessageEvent{reply}), viaQJsonObject(MessageEvent{reply}));
        ChatMessage changed = roomMessage(text);
        changed.edited = 1'732'345'679'000;
        QCOMPARE(encodeFrameUtf8(MessageEvent{changed}), viaQJsonObject(MessageEvent{changed}));
        changed.deleted = true;
        changed.text.clear();
        QCOMPARE(encodeFrameUtf8(MessageEvent{changed}), viaQJsonObject(MessageEvent{changed}));

        const Ack roomAck{text, 7, 1'732'345'678'901, QStringLiteral("lobby"), {}};
        QCOMPARE(encodeFrameUtf8(roomAck), viaQJsonObject(roomAck));
        const Ack directAck{text, 7, 1'732'345'678'901, {}, QStringLiteral("Bo")};
        QCOMPARE(encodeFrameUtf8(directAck), viaQJsonObject(directAck));
    }

    void integersAtTheEdges()
    {
        for (qint64 value : {qint64(0), qint64(1), qint64(-1), qint64(1) << 53, (qint64(1) << 53) - 1}) {
            ChatMessage message = roomMessage(QStringLiteral("x"));
            message.seq = value;
            message.ts = value;
            QCOMPARE(encodeFrameUtf8(MessageEvent{message}), viaQJsonObject(MessageEvent{message}));
        }
    }

    // Random UTF-16, including every control character and unpaired surrogates.
    void randomText()
    {
        QRandomGenerator random(20261123);
        for (int round = 0; round < 2000; ++round) {
            QString text;
            const int length = random.bounded(0, 40);
            for (int i = 0; i < length; ++i) {
                const int pick = random.bounded(4);
                const char16_t unit = pick == 0 ? char16_t(random.bounded(0x80))
                    : pick == 1                 ? char16_t(random.bounded(0xd800, 0xe000))
                                                : char16_t(random.bounded(0x10000));
                text.append(QChar(unit));
            }
            const ChatMessage message = roomMessage(text);
            QCOMPARE(encodeFrameUtf8(MessageEvent{message}), viaQJsonObject(MessageEvent{message}));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonObjectWriter)
#include "tst_jsonobjectwriter.moc"
