// Proves that every natter.v1 frame survives encoding and decoding, has the documented JSON shape, and that every
// malformed frame is rejected with the right error code.

#include "clientmessages.h"
#include "servermessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

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

QJsonObject parseObject(const QString &frame)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not a JSON object: %s", qPrintable(frame));
    return document.object();
}

ChatMessage roomMessage(qint64 seq, const QString &from, const QString &text, MessageKind kind = MessageKind::Text)
{
    return ChatMessage{.room = u"lobby"_s,
                       .to = {},
                       .from = from,
                       .id = u"m"_s + QString::number(seq),
                       .text = text,
                       .kind = kind,
                       .seq = seq,
                       .ts = 1700000000000 + seq};
}

ChatMessage directMessage(qint64 seq, const QString &from, const QString &to, const QString &text)
{
    return ChatMessage{.room = {},
                       .to = to,
                       .from = from,
                       .id = u"d"_s + QString::number(seq),
                       .text = text,
                       .kind = MessageKind::Text,
                       .seq = seq,
                       .ts = 1700000000000 + seq};
}

Limits customLimits()
{
    return Limits{.maxTextBytes = 4096,
                  .maxFrameBytes = 8192,
                  .maxTopicLength = 120,
                  .maxRoomsPerSession = 10,
                  .historyPageSize = 25,
                  .maxHistoryPage = 100,
                  .messagesPerSecond = 2.5,
                  .burst = 12,
                  .maxReactionsPerMessage = 7};
}

QString messageFrameWithSeq(const QString &seq)
{
    return uR"({"type":"message","room":"lobby","seq":%1,"id":"m1","from":"bob","text":"hi","ts":5})"_s.arg(seq);
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    void clientRoundTrip_data();
    void clientRoundTrip();
    void serverRoundTrip_data();
    void serverRoundTrip();

    void clientTypeWords_data();
    void clientTypeWords();
    void serverTypeWords_data();
    void serverTypeWords();

    void framesAreCompactJson();
    void helloJsonOmitsEmptyFields();
    void helloJsonCarriesSince();
    void sendToRoomJson();
    void sendActionToUserJson();
    void historyRequestJsonOmitsDefaults();
    void ackJsonOmitsEmptyTarget();
    void presenceJson();
    void messageEventJson();
    void welcomeJsonAnnouncesLimits();
    void errorEventJson();

    void decodesHandWrittenClientFrames();
    void nullOptionalFieldsCountAsAbsent();
    void extraFieldsAreIgnored_data();
    void extraFieldsAreIgnored();
    void welcomeWithoutLimitsKeepsDefaults();
    void limitsOutOfRangeAreClamped();
    void historyLimitIsClampedToInt();

    void errorEventCodeWords_data();
    void errorEventCodeWords();
    void unknownErrorCodeDecodesAsInternalError();
    void errorEventFromProtocolError();

    void rejectsClientFrames_data();
    void rejectsClientFrames();
    void rejectsServerFrames_data();
    void rejectsServerFrames();
    void integerPrecisionLimit_data();
    void integerPrecisionLimit();
    void unknownTypeMessageIsBounded();
};

void TestCodec::clientRoundTrip_data()
{
    QTest::addColumn<ClientMessage>("message");

    QTest::newRow("hello, name only") << ClientMessage(
        Hello{.name = u"alice"_s, .password = {}, .token = {}, .key = {}, .since = {}});
    QTest::newRow("hello with password") << ClientMessage(
        Hello{.name = u"alice"_s, .password = u"s3cret pass"_s, .token = {}, .key = {}, .since = {}});
    QTest::newRow("hello with token") << ClientMessage(
        Hello{.name = u"Zoë"_s, .password = {}, .token = u"tok-123"_s, .key = {}, .since = {}});
    QTest::newRow("hello with since") << ClientMessage(
        Hello{.name = u"山田"_s,
              .password = {},
              .token = {},
              .key = {},
              .since = {{u"lobby"_s, 42}, {u"dev-ops_2"_s, 0}, {u"@bob"_s, 7}, {u"@Zoë"_s, 3}}});
    QTest::newRow("hello with a key") << ClientMessage(
        Hello{.name = u"alice"_s, .password = {}, .token = {}, .key = QByteArray(32, '\x7f'), .since = {}});
    QTest::newRow("prove") << ClientMessage(Prove{QByteArray(64, '\x01')});
    QTest::newRow("hello with everything") << ClientMessage(Hello{.name = u"alice"_s,
                                                                  .password = u"pw"_s,
                                                                  .token = u"tok"_s,
                                                                  .key = {},
                                                                  .since = {{u"lobby"_s, 9007199254740992LL}}});
    QTest::newRow("join") << ClientMessage(Join{u"lobby"_s});
    QTest::newRow("leave") << ClientMessage(Leave{u"dev-ops_2"_s});
    QTest::newRow("send text to room") << ClientMessage(
        Send{.id = u"m1"_s, .room = u"lobby"_s, .to = {}, .text = u"hello"_s});
    QTest::newRow("send action to room") << ClientMessage(
        Send{.id = u"m2"_s, .room = u"lobby"_s, .to = {}, .text = u"waves"_s, .kind = MessageKind::Action});
    QTest::newRow("send text to user") << ClientMessage(
        Send{.id = u"m3"_s, .room = {}, .to = u"bob"_s, .text = u"psst"_s});
    QTest::newRow("send action to user") << ClientMessage(
        Send{.id = u"m4"_s, .room = {}, .to = u"Zoë"_s, .text = u"nods"_s, .kind = MessageKind::Action});
    QTest::newRow("send multi-line unicode")
        << ClientMessage(Send{.id = u"m5"_s, .room = u"lobby"_s, .to = {}, .text = u"Grüße\n\t山田 😀 \"quoted\" \\"_s});
    QTest::newRow("history of room, newest page")
        << ClientMessage(HistoryRequest{.room = u"lobby"_s, .to = {}, .before = 0, .limit = 0});
    QTest::newRow("history of room, before and limit")
        << ClientMessage(HistoryRequest{.room = u"lobby"_s, .to = {}, .before = 120, .limit = 30});
    QTest::newRow("history with user, newest page") << ClientMessage(HistoryRequest{.room = {}, .to = u"bob"_s});
    QTest::newRow("history with user, before and limit")
        << ClientMessage(HistoryRequest{.room = {}, .to = u"bob"_s, .before = 9, .limit = 200});
    QTest::newRow("typing in room") << ClientMessage(Typing{.room = u"lobby"_s, .to = {}});
    QTest::newRow("typing to user") << ClientMessage(Typing{.room = {}, .to = u"bob"_s});
    QTest::newRow("rooms") << ClientMessage(RoomsRequest{});
    QTest::newRow("set topic") << ClientMessage(SetTopic{u"lobby"_s, u"Friday: release 😀"_s});
    QTest::newRow("clear topic") << ClientMessage(SetTopic{u"lobby"_s, QString()});
    QTest::newRow("nick") << ClientMessage(Nick{u"Mary Jane"_s});
    QTest::newRow("history around a seq")
        << ClientMessage(HistoryRequest{.room = u"lobby"_s, .to = {}, .before = 0, .limit = 40, .around = 77});
    QTest::newRow("search everywhere") << ClientMessage(
        SearchRequest{.query = u"deploy \"friday\""_s, .room = {}, .to = {}});
    QTest::newRow("search a room, older")
        << ClientMessage(SearchRequest{.query = u"café"_s, .room = u"dev"_s, .to = {}, .before = 300, .limit = 5});
    QTest::newRow("search a room, rest of a window") << ClientMessage(
        SearchRequest{.query = u"café"_s, .room = u"dev"_s, .to = {}, .before = 300, .limit = 5, .skip = 10});
    QTest::newRow("search a direct conversation")
        << ClientMessage(SearchRequest{.query = u"x"_s, .room = {}, .to = u"Zoë"_s});
    QTest::newRow("read a room") << ClientMessage(ReadMarker{u"dev"_s, {}, 5120});
    QTest::newRow("read a direct conversation") << ClientMessage(ReadMarker{{}, u"Zoë"_s, 1});
    QTest::newRow("react in a room") << ClientMessage(
        React{.room = u"lobby"_s, .to = {}, .seq = 42, .emoji = u"👍"_s, .on = true});
    QTest::newRow("take a reaction back, direct")
        << ClientMessage(React{.room = {}, .to = u"Zoë"_s, .seq = 3, .emoji = u"👩🏽‍💻"_s, .on = false});
    QTest::newRow("who reacted") << ClientMessage(
        ReactorsRequest{.room = u"dev"_s, .to = {}, .seq = 9007199254740992LL, .emoji = u"🇩🇪"_s});
}

void TestCodec::clientRoundTrip()
{
    QFETCH(ClientMessage, message);
    const QString frame = encodeFrame(message);
    const auto decoded = decodeClientFrame(frame);
    QVERIFY2(decoded.ok(), qPrintable(frame + u" -> "_s + (decoded.ok() ? QString() : decoded.error().message)));
    QCOMPARE(decoded.value().index(), message.index());
    QCOMPARE(encodeFrame(decoded.value()), frame);
    QVERIFY(decoded.value() == message);
}

void TestCodec::serverRoundTrip_data()
{
    QTest::addColumn<ServerMessage>("message");

    QTest::newRow("welcome, default limits, no rooms")
        << ServerMessage(Welcome{.name = u"alice"_s,
                                 .token = u"tok"_s,
                                 .server = ServerInfo{u"natterd"_s, u"1.0.0"_s, Limits{}, {}},
                                 .rooms = {}});
    QTest::newRow("welcome with limits and rooms") << ServerMessage(
        Welcome{.name = u"alice_2"_s,
                .token = u"tok-xyz"_s,
                .server = ServerInfo{u"Natter at home"_s, u"1.2.3"_s, customLimits(), {u"reply"_s, u"search"_s}},
                .rooms = {RoomSummary{u"lobby"_s, u"Welcome! 😀"_s, 3}, RoomSummary{u"dev-ops_2"_s, QString(), 0}}});
    QTest::newRow("joined with members and history") << ServerMessage(Joined{
        .room = u"lobby"_s,
        .topic = u"General chat"_s,
        .members = {u"alice"_s, u"bob"_s, u"山田"_s},
        .keys = {{u"bob"_s, QByteArray(32, '\x02')}},
        .history = {roomMessage(1, u"bob"_s, u"hi"_s), roomMessage(2, u"alice"_s, u"waves"_s, MessageKind::Action)},
        .more = true,
        .unread = {}});
    QTest::newRow("joined, empty room") << ServerMessage(Joined{.room = u"quiet"_s,
                                                                .topic = QString(),
                                                                .members = {u"alice"_s},
                                                                .keys = {},
                                                                .history = {},
                                                                .more = false,
                                                                .unread = {}});
    QTest::newRow("message in room") << ServerMessage(MessageEvent{roomMessage(41, u"bob"_s, u"hello\nworld"_s)});
    QTest::newRow("action in room") << ServerMessage(
        MessageEvent{roomMessage(42, u"bob"_s, u"waves"_s, MessageKind::Action)});
    QTest::newRow("direct message") << ServerMessage(MessageEvent{directMessage(3, u"bob"_s, u"alice"_s, u"psst"_s)});
    QTest::newRow("ack with room") << ServerMessage(
        Ack{.id = u"m1"_s, .seq = 43, .ts = 1700000000123, .room = u"lobby"_s, .to = {}});
    QTest::newRow("ack with user") << ServerMessage(
        Ack{.id = u"m2"_s, .seq = 4, .ts = 1700000000124, .room = {}, .to = u"bob"_s});
    QTest::newRow("ack without target") << ServerMessage(Ack{.id = u"m3"_s, .seq = 1, .ts = 2, .room = {}, .to = {}});
    QTest::newRow("presence joined") << ServerMessage(
        Presence{.room = u"lobby"_s, .name = u"bob"_s, .event = PresenceChange::Joined, .previous = {}, .key = {}});
    QTest::newRow("presence left") << ServerMessage(
        Presence{.room = u"lobby"_s, .name = u"bob"_s, .event = PresenceChange::Left, .previous = {}, .key = {}});
    QTest::newRow("presence renamed, no room") << ServerMessage(
        Presence{.room = {}, .name = u"robert"_s, .event = PresenceChange::Renamed, .previous = u"bob"_s, .key = {}});
    QTest::newRow("presence joined with a key") << ServerMessage(Presence{.room = u"lobby"_s,
                                                                          .name = u"bob"_s,
                                                                          .event = PresenceChange::Joined,
                                                                          .previous = {},
                                                                          .key = QByteArray(32, '\x03')});
    QTest::newRow("challenge") << ServerMessage(Challenge{QByteArray(32, '\x04')});
    QTest::newRow("room list") << ServerMessage(
        RoomList{{RoomSummary{u"lobby"_s, u"Hi"_s, 12}, RoomSummary{u"0day"_s, QString(), 1}}});
    QTest::newRow("empty room list") << ServerMessage(RoomList{});
    QTest::newRow("history page of room") << ServerMessage(
        HistoryPage{.room = u"lobby"_s,
                    .to = {},
                    .messages = {roomMessage(7, u"bob"_s, u"older"_s), roomMessage(8, u"alice"_s, u"old"_s)},
                    .more = true});
    QTest::newRow("history page with user")
        << ServerMessage(HistoryPage{.room = {},
                                     .to = u"bob"_s,
                                     .messages = {directMessage(1, u"alice"_s, u"bob"_s, u"hi bob"_s),
                                                  directMessage(2, u"bob"_s, u"alice"_s, u"hi alice"_s)},
                                     .more = false});
    QTest::newRow("empty history page") << ServerMessage(
        HistoryPage{.room = u"lobby"_s, .to = {}, .messages = {}, .more = false});
    QTest::newRow("typing in room") << ServerMessage(TypingEvent{.room = u"lobby"_s, .to = {}, .name = u"bob"_s});
    QTest::newRow("typing to user") << ServerMessage(TypingEvent{.room = {}, .to = u"alice"_s, .name = u"bob"_s});
    QTest::newRow("topic changed") << ServerMessage(TopicChanged{u"lobby"_s, u"New topic"_s, u"alice"_s});
    QTest::newRow("topic cleared, no author") << ServerMessage(TopicChanged{u"lobby"_s, QString(), QString()});
    QTest::newRow("error with ref") << ServerMessage(
        ErrorEvent{ErrorCode::TextInvalid, u"A message cannot be empty."_s, u"m9"_s});
    QTest::newRow("error without ref") << ServerMessage(ErrorEvent{ErrorCode::RateLimited, u"Slow down."_s, {}});
    QTest::newRow("history around, newer")
        << ServerMessage(HistoryPage{.room = u"lobby"_s, .to = {}, .messages = {}, .more = true, .newer = true});
    QTest::newRow("search results") << ServerMessage(SearchResults{
        .query = u"deploy"_s,
        .room = u"dev"_s,
        .to = {},
        .hits = {SearchHit{u"dev"_s, {}, 12, u"ada"_s, 1795406000000, u"…we deploy 😀 today"_s, {{4, 6}}},
                 SearchHit{{}, u"bob"_s, 3, u"bob"_s, 1795406000001, u"deploy deploy"_s, {{0, 6}, {7, 6}}}},
        .older = 41,
        .restBefore = 90,
        .restSkip = 20});
    QTest::newRow("no search results") << ServerMessage(SearchResults{u"nothing"_s, {}, {}, {}, 0});
    Joined withUnread;
    withUnread.room = u"dev"_s;
    withUnread.members = {u"ada"_s};
    withUnread.unread = UnreadCount{u"dev"_s, {}, 40, 2, 1};
    QTest::newRow("joined with unread") << ServerMessage(withUnread);
    QTest::newRow("unread counts") << ServerMessage(UnreadCounts{
        {UnreadCount{u"dev"_s, {}, 5120, 3, 1}, UnreadCount{{}, u"Zoë"_s, 12, UnreadCount::MaxUnread, 0}}});
    QTest::newRow("no unread counts") << ServerMessage(UnreadCounts{});
    ChatMessage reacted = roomMessage(5, u"bob"_s, u"ship it"_s);
    reacted.reactions = {{u"👍"_s, 3, true}, {u"🎉"_s, 1, false}};
    QTest::newRow("message with reactions") << ServerMessage(MessageEvent{reacted});
    QTest::newRow("history page with reactions")
        << ServerMessage(HistoryPage{.room = u"lobby"_s, .to = {}, .messages = {reacted}, .more = false});
    QTest::newRow("reaction in a room") << ServerMessage(ReactionEvent{
        .room = u"lobby"_s, .to = {}, .seq = 5, .emoji = u"👍"_s, .count = 3, .by = u"ada"_s, .on = true, .rev = 6});
    QTest::newRow("reaction taken back, direct") << ServerMessage(ReactionEvent{
        .room = {}, .to = u"bob"_s, .seq = 1, .emoji = u"❤️"_s, .count = 0, .by = u"ada"_s, .on = false, .rev = 2});
    QTest::newRow("who reacted") << ServerMessage(ReactorList{
        .room = u"lobby"_s, .to = {}, .seq = 5, .emoji = u"👍"_s, .names = {u"ada"_s, u"bob"_s}, .count = 70});
    QTest::newRow("nobody reacted") << ServerMessage(
        ReactorList{.room = {}, .to = u"Zoë"_s, .seq = 5, .emoji = u"👍"_s, .names = {}, .count = 0});
}

void TestCodec::serverRoundTrip()
{
    QFETCH(ServerMessage, message);
    const QString frame = encodeFrame(message);
    const auto decoded = decodeServerFrame(frame);
    QVERIFY2(decoded.ok(), qPrintable(frame + u" -> "_s + (decoded.ok() ? QString() : decoded.error().message)));
    QCOMPARE(decoded.value().index(), message.index());
    QCOMPARE(encodeFrame(decoded.value()), frame);
    QVERIFY(decoded.value() == message);
}

void TestCodec::clientTypeWords_data()
{
    QTest::addColumn<ClientMessage>("message");
    QTest::addColumn<QString>("type");

    QTest::newRow("hello") << ClientMessage(Hello{.name = u"a"_s, .password = {}, .token = {}, .key = {}, .since = {}})
                           << u"hello"_s;
    QTest::newRow("join") << ClientMessage(Join{u"lobby"_s}) << u"join"_s;
    QTest::newRow("leave") << ClientMessage(Leave{u"lobby"_s}) << u"leave"_s;
    QTest::newRow("send") << ClientMessage(Send{.id = u"1"_s, .room = u"lobby"_s, .to = {}, .text = u"x"_s})
                          << u"send"_s;
    QTest::newRow("history") << ClientMessage(HistoryRequest{.room = u"lobby"_s, .to = {}, .before = 0, .limit = 0})
                             << u"history"_s;
    QTest::newRow("typing") << ClientMessage(Typing{.room = u"lobby"_s, .to = {}}) << u"typing"_s;
    QTest::newRow("rooms") << ClientMessage(RoomsRequest{}) << u"rooms"_s;
    QTest::newRow("topic") << ClientMessage(SetTopic{u"lobby"_s, u"t"_s}) << u"topic"_s;
    QTest::newRow("nick") << ClientMessage(Nick{u"b"_s}) << u"nick"_s;
    QTest::newRow("search") << ClientMessage(SearchRequest{.query = u"q"_s, .room = {}, .to = {}}) << u"search"_s;
    QTest::newRow("read") << ClientMessage(ReadMarker{u"lobby"_s, {}, 1}) << u"read"_s;
    QTest::newRow("react") << ClientMessage(React{}) << u"react"_s;
    QTest::newRow("reactors") << ClientMessage(ReactorsRequest{}) << u"reactors"_s;
}

void TestCodec::clientTypeWords()
{
    QFETCH(ClientMessage, message);
    QFETCH(QString, type);
    QCOMPARE(typeOf(message), type);
    QCOMPARE(toJson(message).value(u"type"_s).toString(), type);
    QCOMPARE(parseObject(encodeFrame(message)).value(u"type"_s).toString(), type);
}

void TestCodec::serverTypeWords_data()
{
    QTest::addColumn<ServerMessage>("message");
    QTest::addColumn<QString>("type");

    QTest::newRow("welcome") << ServerMessage(Welcome{}) << u"welcome"_s;
    QTest::newRow("joined") << ServerMessage(Joined{}) << u"joined"_s;
    QTest::newRow("message") << ServerMessage(MessageEvent{}) << u"message"_s;
    QTest::newRow("ack") << ServerMessage(Ack{}) << u"ack"_s;
    QTest::newRow("presence") << ServerMessage(Presence{}) << u"presence"_s;
    QTest::newRow("rooms") << ServerMessage(RoomList{}) << u"rooms"_s;
    QTest::newRow("history") << ServerMessage(HistoryPage{}) << u"history"_s;
    QTest::newRow("typing") << ServerMessage(TypingEvent{}) << u"typing"_s;
    QTest::newRow("topic") << ServerMessage(TopicChanged{}) << u"topic"_s;
    QTest::newRow("error") << ServerMessage(ErrorEvent{}) << u"error"_s;
    QTest::newRow("search") << ServerMessage(SearchResults{}) << u"search"_s;
    QTest::newRow("unread") << ServerMessage(UnreadCounts{}) << u"unread"_s;
    QTest::newRow("reaction") << ServerMessage(ReactionEvent{}) << u"reaction"_s;
    QTest::newRow("reactors") << ServerMessage(ReactorList{}) << u"reactors"_s;
}

void TestCodec::serverTypeWords()
{
    QFETCH(ServerMessage, message);
    QFETCH(QString, type);
    QCOMPARE(typeOf(message), type);
    QCOMPARE(toJson(message).value(u"type"_s).toString(), type);
    QCOMPARE(parseObject(encodeFrame(message)).value(u"type"_s).toString(), type);
}

void TestCodec::framesAreCompactJson()
{
    QCOMPARE(encodeFrame(ClientMessage(Join{u"lobby"_s})), uR"({"room":"lobby","type":"join"})"_s);
    QCOMPARE(encodeFrame(ClientMessage(RoomsRequest{})), uR"({"type":"rooms"})"_s);
    QCOMPARE(encodeFrame(ServerMessage(Ack{.id = u"m1"_s, .seq = 5, .ts = 6, .room = {}, .to = {}})),
             uR"({"id":"m1","seq":5,"ts":6,"type":"ack"})"_s);
    const QString multiLine =
        encodeFrame(ClientMessage(Send{.id = u"m1"_s, .room = u"lobby"_s, .to = {}, .text = u"line one\nline two"_s}));
    QVERIFY2(!multiLine.contains(u'\n'), qPrintable(multiLine));
    QVERIFY(multiLine.contains(uR"(line one\nline two)"_s));
}

void TestCodec::helloJsonOmitsEmptyFields()
{
    const QJsonObject object =
        toJson(ClientMessage(Hello{.name = u"alice"_s, .password = {}, .token = {}, .key = {}, .since = {}}));
    QCOMPARE(object, (QJsonObject{{u"type"_s, u"hello"_s}, {u"name"_s, u"alice"_s}}));
}

void TestCodec::helloJsonCarriesSince()
{
    const QJsonObject object = toJson(ClientMessage(Hello{.name = u"alice"_s,
                                                          .password = u"pw"_s,
                                                          .token = u"tok"_s,
                                                          .key = {},
                                                          .since = {{u"lobby"_s, 42}, {u"@bob"_s, 7}}}));
    const QJsonObject expected{
        {u"type"_s, u"hello"_s},
        {u"name"_s, u"alice"_s},
        {u"password"_s, u"pw"_s},
        {u"token"_s, u"tok"_s},
        {u"since"_s, QJsonObject{{u"lobby"_s, 42}, {u"@bob"_s, 7}}},
    };
    QCOMPARE(object, expected);
}

void TestCodec::sendToRoomJson()
{
    const QJsonObject object =
        toJson(ClientMessage(Send{.id = u"m1"_s, .room = u"lobby"_s, .to = {}, .text = u"hi"_s}));
    QVERIFY(!object.contains(u"to"_s));
    QVERIFY2(!object.contains(u"kind"_s), "the default kind is omitted");
    QCOMPARE(object,
             (QJsonObject{{u"type"_s, u"send"_s}, {u"id"_s, u"m1"_s}, {u"room"_s, u"lobby"_s}, {u"text"_s, u"hi"_s}}));
}

void TestCodec::sendActionToUserJson()
{
    const QJsonObject object = toJson(ClientMessage(
        Send{.id = u"m2"_s, .room = {}, .to = u"bob"_s, .text = u"waves"_s, .kind = MessageKind::Action}));
    QVERIFY(!object.contains(u"room"_s));
    QCOMPARE(object,
             (QJsonObject{{u"type"_s, u"send"_s},
                          {u"id"_s, u"m2"_s},
                          {u"to"_s, u"bob"_s},
                          {u"text"_s, u"waves"_s},
                          {u"kind"_s, u"action"_s}}));
}

void TestCodec::historyRequestJsonOmitsDefaults()
{
    QCOMPARE(toJson(ClientMessage(HistoryRequest{.room = u"lobby"_s, .to = {}, .before = 0, .limit = 0})),
             (QJsonObject{{u"type"_s, u"history"_s}, {u"room"_s, u"lobby"_s}}));
    QCOMPARE(toJson(ClientMessage(HistoryRequest{.room = {}, .to = u"bob"_s, .before = 10, .limit = 20})),
             (QJsonObject{{u"type"_s, u"history"_s}, {u"to"_s, u"bob"_s}, {u"before"_s, 10}, {u"limit"_s, 20}}));
}

void TestCodec::ackJsonOmitsEmptyTarget()
{
    const QJsonObject bare = toJson(ServerMessage(Ack{.id = u"m1"_s, .seq = 5, .ts = 6, .room = {}, .to = {}}));
    QVERIFY(!bare.contains(u"room"_s));
    QVERIFY(!bare.contains(u"to"_s));
    QCOMPARE(bare, (QJsonObject{{u"type"_s, u"ack"_s}, {u"id"_s, u"m1"_s}, {u"seq"_s, 5}, {u"ts"_s, 6}}));

    const QJsonObject inRoom =
        toJson(ServerMessage(Ack{.id = u"m1"_s, .seq = 5, .ts = 6, .room = u"lobby"_s, .to = {}}));
    QCOMPARE(inRoom.value(u"room"_s).toString(), u"lobby"_s);
    QVERIFY(!inRoom.contains(u"to"_s));

    const QJsonObject direct = toJson(ServerMessage(Ack{.id = u"m1"_s, .seq = 5, .ts = 6, .room = {}, .to = u"bob"_s}));
    QCOMPARE(direct.value(u"to"_s).toString(), u"bob"_s);
    QVERIFY(!direct.contains(u"room"_s));
}

void TestCodec::presenceJson()
{
    QCOMPARE(toJson(ServerMessage(Presence{
                 .room = u"lobby"_s, .name = u"bob"_s, .event = PresenceChange::Left, .previous = {}, .key = {}})),
             (QJsonObject{
                 {u"type"_s, u"presence"_s}, {u"room"_s, u"lobby"_s}, {u"name"_s, u"bob"_s}, {u"event"_s, u"left"_s}}));
    QCOMPARE(toJson(ServerMessage(Presence{
                 .room = {}, .name = u"robert"_s, .event = PresenceChange::Renamed, .previous = u"bob"_s, .key = {}})),
             (QJsonObject{{u"type"_s, u"presence"_s},
                          {u"name"_s, u"robert"_s},
                          {u"event"_s, u"renamed"_s},
                          {u"previous"_s, u"bob"_s}}));
}

void TestCodec::messageEventJson()
{
    const QJsonObject inRoom = toJson(ServerMessage(MessageEvent{roomMessage(7, u"bob"_s, u"hi"_s)}));
    QCOMPARE(inRoom,
             (QJsonObject{{u"type"_s, u"message"_s},
                          {u"room"_s, u"lobby"_s},
                          {u"seq"_s, 7},
                          {u"id"_s, u"m7"_s},
                          {u"from"_s, u"bob"_s},
                          {u"text"_s, u"hi"_s},
                          {u"kind"_s, u"text"_s},
                          {u"ts"_s, 1700000000007LL}}));

    const QJsonObject direct = toJson(ServerMessage(MessageEvent{directMessage(2, u"bob"_s, u"alice"_s, u"psst"_s)}));
    QCOMPARE(direct.value(u"to"_s).toString(), u"alice"_s);
    QVERIFY(!direct.contains(u"room"_s));
}

void TestCodec::welcomeJsonAnnouncesLimits()
{
    const QJsonObject object =
        toJson(ServerMessage(Welcome{.name = u"alice"_s,
                                     .token = u"tok"_s,
                                     .server = ServerInfo{u"natterd"_s, u"1.0"_s, customLimits(), {}},
                                     .rooms = {RoomSummary{u"lobby"_s, u"Hi"_s, 2}}}));
    const QJsonObject server = object.value(u"server"_s).toObject();
    QCOMPARE(server.value(u"name"_s).toString(), u"natterd"_s);
    QCOMPARE(server.value(u"version"_s).toString(), u"1.0"_s);
    QCOMPARE(server.value(u"limits"_s).toObject(),
             (QJsonObject{{u"maxTextBytes"_s, 4096},
                          {u"maxFrameBytes"_s, 8192},
                          {u"maxTopicLength"_s, 120},
                          {u"maxRoomsPerSession"_s, 10},
                          {u"historyPageSize"_s, 25},
                          {u"maxHistoryPage"_s, 100},
                          {u"messagesPerSecond"_s, 2.5},
                          {u"burst"_s, 12},
                          {u"maxReactionsPerMessage"_s, 7}}));
    QCOMPARE(object.value(u"rooms"_s).toArray(),
             (QJsonArray{QJsonObject{{u"name"_s, u"lobby"_s}, {u"topic"_s, u"Hi"_s}, {u"members"_s, 2}}}));
}

void TestCodec::errorEventJson()
{
    QCOMPARE(toJson(ServerMessage(ErrorEvent{ErrorCode::NameTaken, u"Taken."_s, {}})),
             (QJsonObject{{u"type"_s, u"error"_s}, {u"code"_s, u"name_taken"_s}, {u"message"_s, u"Taken."_s}}));
    QCOMPARE(toJson(ServerMessage(ErrorEvent{ErrorCode::TooLarge, u"Too long."_s, u"m3"_s})).value(u"ref"_s).toString(),
             u"m3"_s);
}

void TestCodec::decodesHandWrittenClientFrames()
{
    const auto hello =
        decodeClientFrame(uR"({"type":"hello","name":"alice","token":"t1","since":{"lobby":5,"@bob":0}})"_s);
    QVERIFY(hello.ok());
    const Hello expectedHello{
        .name = u"alice"_s, .password = {}, .token = u"t1"_s, .key = {}, .since = {{u"lobby"_s, 5}, {u"@bob"_s, 0}}};
    QVERIFY(std::get<Hello>(hello.value()) == expectedHello);

    const auto send = decodeClientFrame(uR"({"type":"send","id":"x1","to":"bob","text":"hi"})"_s);
    QVERIFY(send.ok());
    const Send &decodedSend = std::get<Send>(send.value());
    QCOMPARE(decodedSend.to, u"bob"_s);
    QVERIFY(decodedSend.room.isEmpty());
    QCOMPARE(decodedSend.kind, MessageKind::Text);

    const auto action =
        decodeClientFrame(uR"({"type":"send","id":"x2","room":"lobby","text":"waves","kind":"action"})"_s);
    QVERIFY(action.ok());
    QCOMPARE(std::get<Send>(action.value()).kind, MessageKind::Action);

    const auto history = decodeClientFrame(uR"({"type":"history","room":"lobby","before":100,"limit":20})"_s);
    QVERIFY(history.ok());
    QCOMPARE(std::get<HistoryRequest>(history.value()).before, 100);
    QCOMPARE(std::get<HistoryRequest>(history.value()).limit, 20);
}

void TestCodec::nullOptionalFieldsCountAsAbsent()
{
    const auto hello = decodeClientFrame(uR"({"type":"hello","name":"alice","password":null,"since":null})"_s);
    QVERIFY2(hello.ok(), qPrintable(hello.ok() ? QString() : hello.error().message));
    const Hello expectedHello{.name = u"alice"_s, .password = {}, .token = {}, .key = {}, .since = {}};
    QVERIFY(std::get<Hello>(hello.value()) == expectedHello);

    const auto history = decodeClientFrame(uR"({"type":"history","room":"lobby","to":null,"limit":null})"_s);
    QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().message));
    const HistoryRequest expectedHistory{.room = u"lobby"_s, .to = {}, .before = 0, .limit = 0};
    QVERIFY(std::get<HistoryRequest>(history.value()) == expectedHistory);
}

void TestCodec::extraFieldsAreIgnored_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<ClientMessage>("expected");

    QTest::newRow("hello") << uR"({"type":"hello","name":"alice","client":"natter 2.0","features":[1,2]})"_s
                           << ClientMessage(
                                  Hello{.name = u"alice"_s, .password = {}, .token = {}, .key = {}, .since = {}});
    QTest::newRow("join") << uR"({"type":"join","room":"lobby","extra":{"nested":true}})"_s
                          << ClientMessage(Join{u"lobby"_s});
    QTest::newRow("send") << uR"({"type":"send","id":"1","room":"lobby","text":"hi","priority":9})"_s
                          << ClientMessage(Send{.id = u"1"_s, .room = u"lobby"_s, .to = {}, .text = u"hi"_s});
    QTest::newRow("rooms") << uR"({"type":"rooms","filter":"dev"})"_s << ClientMessage(RoomsRequest{});
    QTest::newRow("nick") << uR"({"name":"bob","type":"nick","reason":null})"_s << ClientMessage(Nick{u"bob"_s});
}

void TestCodec::extraFieldsAreIgnored()
{
    QFETCH(QString, frame);
    QFETCH(ClientMessage, expected);
    const auto decoded = decodeClientFrame(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(encodeFrame(decoded.value()), encodeFrame(expected));
    QVERIFY(decoded.value() == expected);
}

void TestCodec::welcomeWithoutLimitsKeepsDefaults()
{
    const auto decoded =
        decodeServerFrame(uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s","version":"1"},)"
                          uR"("rooms":[]})"_s);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    const Limits limits = std::get<Welcome>(decoded.value()).server.limits;
    QCOMPARE(limits.maxTextBytes, 16 * 1024);
    QCOMPARE(limits.maxFrameBytes, 64 * 1024);
    QCOMPARE(limits.maxTopicLength, 256);
    QCOMPARE(limits.historyPageSize, 50);
    QCOMPARE(limits.messagesPerSecond, 5.0);
    QCOMPARE(limits.maxReactionsPerMessage, 20); // an older server's fixed default

    const auto partial =
        decodeServerFrame(uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s","version":"1",)"
                          uR"("limits":{"maxTextBytes":100}},"rooms":[]})"_s);
    QVERIFY(partial.ok());
    Limits expected;
    expected.maxTextBytes = 100;
    QVERIFY(std::get<Welcome>(partial.value()).server.limits == expected);
}

void TestCodec::limitsOutOfRangeAreClamped()
{
    const auto parsed = Limits::fromJson(QJsonObject{{u"maxTextBytes"_s, -5}, {u"maxFrameBytes"_s, 1e12}});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().maxTextBytes, 0);
    QCOMPARE(parsed.value().maxFrameBytes, std::numeric_limits<int>::max());
}

void TestCodec::historyLimitIsClampedToInt()
{
    const auto decoded = decodeClientFrame(uR"({"type":"history","room":"lobby","limit":1000000000000})"_s);
    QVERIFY(decoded.ok());
    QCOMPARE(std::get<HistoryRequest>(decoded.value()).limit, std::numeric_limits<int>::max());
}

void TestCodec::errorEventCodeWords_data()
{
    QTest::addColumn<ErrorCode>("code");
    for (int value = 0; value <= static_cast<int>(ErrorCode::InternalError); ++value) {
        const auto code = static_cast<ErrorCode>(value);
        QTest::newRow(qPrintable(errorCodeWord(code))) << code;
    }
}

void TestCodec::errorEventCodeWords()
{
    QFETCH(ErrorCode, code);
    const QString frame = uR"({"type":"error","code":"%1","message":"m"})"_s.arg(errorCodeWord(code));
    const auto decoded = decodeServerFrame(frame);
    QVERIFY(decoded.ok());
    QCOMPARE(std::get<ErrorEvent>(decoded.value()).code, code);
}

void TestCodec::unknownErrorCodeDecodesAsInternalError()
{
    const auto decoded = decodeServerFrame(uR"({"type":"error","code":"slow_down_please","message":"later"})"_s);
    QVERIFY(decoded.ok());
    const ErrorEvent &event = std::get<ErrorEvent>(decoded.value());
    QCOMPARE(event.code, ErrorCode::InternalError);
    QCOMPARE(event.message, u"later"_s);
    QVERIFY(event.ref.isEmpty());
}

void TestCodec::errorEventFromProtocolError()
{
    const ErrorEvent event = ErrorEvent::from(ProtocolError{ErrorCode::NotInRoom, u"Join first."_s}, u"send"_s);
    QCOMPARE(event.code, ErrorCode::NotInRoom);
    QCOMPARE(event.message, u"Join first."_s);
    QCOMPARE(event.ref, u"send"_s);
    QCOMPARE(toJson(ServerMessage(event)).value(u"code"_s).toString(), u"not_in_room"_s);
}

void TestCodec::rejectsClientFrames_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<ErrorCode>("code");

    const auto bad = ErrorCode::BadRequest;
    QTest::newRow("empty frame") << QString() << bad;
    QTest::newRow("unterminated object") << u"{"_s << bad;
    QTest::newRow("bare word") << u"hello"_s << bad;
    QTest::newRow("trailing garbage") << uR"({"type":"rooms"} x)"_s << bad;
    QTest::newRow("array") << uR"([{"type":"rooms"}])"_s << bad;
    QTest::newRow("string") << uR"("rooms")"_s << bad;
    QTest::newRow("number") << u"42"_s << bad;
    QTest::newRow("null") << u"null"_s << bad;
    QTest::newRow("object without type") << uR"({"name":"alice"})"_s << bad;
    QTest::newRow("type is a number") << uR"({"type":1})"_s << bad;
    QTest::newRow("type is null") << uR"({"type":null})"_s << bad;
    QTest::newRow("type is an object") << uR"({"type":{"name":"hello"}})"_s << bad;
    QTest::newRow("empty type") << uR"({"type":""})"_s << bad;
    QTest::newRow("unknown type") << uR"({"type":"shout"})"_s << ErrorCode::UnknownType;
    QTest::newRow("type in upper case") << uR"({"type":"HELLO","name":"a"})"_s << ErrorCode::UnknownType;
    QTest::newRow("server type sent by a client") << uR"({"type":"welcome"})"_s << ErrorCode::UnknownType;

    QTest::newRow("react with a word")
        << u"{\"type\":\"react\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"ok\",\"on\":true}"_s
        << ErrorCode::EmojiInvalid;
    QTest::newRow("react with two emoji")
        << u"{\"type\":\"react\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍👍\",\"on\":true}"_s
        << ErrorCode::EmojiInvalid;
    QTest::newRow("react to seq 0")
        << u"{\"type\":\"react\",\"room\":\"lobby\",\"seq\":0,\"emoji\":\"👍\",\"on\":true}"_s << bad;
    QTest::newRow("react without on") << u"{\"type\":\"react\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍\"}"_s << bad;
    QTest::newRow("react on is a string")
        << u"{\"type\":\"react\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍\",\"on\":\"yes\"}"_s << bad;
    QTest::newRow("react to a room and a person")
        << u"{\"type\":\"react\",\"room\":\"lobby\",\"to\":\"bob\",\"seq\":1,\"emoji\":\"👍\",\"on\":true}"_s << bad;
    QTest::newRow("react in a bad room")
        << u"{\"type\":\"react\",\"room\":\"Lobby\",\"seq\":1,\"emoji\":\"👍\",\"on\":true}"_s << ErrorCode::RoomInvalid;
    QTest::newRow("reactors without emoji") << u"{\"type\":\"reactors\",\"room\":\"lobby\",\"seq\":1}"_s << bad;
    QTest::newRow("reactors of a letter")
        << u"{\"type\":\"reactors\",\"to\":\"bob\",\"seq\":1,\"emoji\":\"x\"}"_s << ErrorCode::EmojiInvalid;

    QTest::newRow("hello without name") << uR"({"type":"hello"})"_s << bad;
    QTest::newRow("hello name is a number") << uR"({"type":"hello","name":42})"_s << bad;
    QTest::newRow("hello name is empty") << uR"({"type":"hello","name":""})"_s << ErrorCode::NameInvalid;
    QTest::newRow("hello name with bidi override")
        << uR"({"type":"hello","name":"\u202Eevil"})"_s << ErrorCode::NameInvalid;
    QTest::newRow("hello name is a lone surrogate")
        << uR"({"type":"hello","name":"\ud800"})"_s << ErrorCode::NameInvalid;
    QTest::newRow("hello name ends in a lone surrogate")
        << uR"({"type":"hello","name":"bob\udc00"})"_s << ErrorCode::NameInvalid;
    QTest::newRow("hello password is a number") << uR"({"type":"hello","name":"a","password":1})"_s << bad;
    QTest::newRow("hello since is an array") << uR"({"type":"hello","name":"a","since":[1]})"_s << bad;
    QTest::newRow("hello since negative seq") << uR"({"type":"hello","name":"a","since":{"lobby":-1}})"_s << bad;
    QTest::newRow("hello since fractional seq") << uR"({"type":"hello","name":"a","since":{"lobby":1.5}})"_s << bad;
    QTest::newRow("hello since string seq") << uR"({"type":"hello","name":"a","since":{"lobby":"5"}})"_s << bad;
    QTest::newRow("hello since null seq") << uR"({"type":"hello","name":"a","since":{"lobby":null}})"_s << bad;
    QTest::newRow("hello since invalid room") << uR"({"type":"hello","name":"a","since":{"Bad Room":1}})"_s << bad;
    QTest::newRow("hello since bare @") << uR"({"type":"hello","name":"a","since":{"@":1}})"_s << bad;
    QTest::newRow("hello since invalid @name") << uR"({"type":"hello","name":"a","since":{"@ bob":1}})"_s << bad;
    QTest::newRow("hello since seq above 2^53")
        << uR"({"type":"hello","name":"a","since":{"lobby":9007199254740994}})"_s << bad;
    QTest::newRow("hello since seq 1e18") << uR"({"type":"hello","name":"a","since":{"lobby":1e18}})"_s << bad;
    QTest::newRow("hello since seq 1e19") << uR"({"type":"hello","name":"a","since":{"lobby":1e19}})"_s << bad;

    QTest::newRow("join without room") << uR"({"type":"join"})"_s << bad;
    QTest::newRow("join room invalid") << uR"({"type":"join","room":"Bad Room"})"_s << ErrorCode::RoomInvalid;
    QTest::newRow("join room empty") << uR"({"type":"join","room":""})"_s << ErrorCode::RoomInvalid;
    QTest::newRow("join room is a number") << uR"({"type":"join","room":7})"_s << bad;
    QTest::newRow("leave without room") << uR"({"type":"leave"})"_s << bad;
    QTest::newRow("leave room invalid") << uR"({"type":"leave","room":"#lobby"})"_s << ErrorCode::RoomInvalid;

    QTest::newRow("send without id") << uR"({"type":"send","room":"lobby","text":"hi"})"_s << bad;
    QTest::newRow("send with empty id") << uR"({"type":"send","id":"","room":"lobby","text":"hi"})"_s << bad;
    QTest::newRow("send with 65-char id")
        << uR"({"type":"send","id":"%1","room":"lobby","text":"hi"})"_s.arg(u"i"_s.repeated(65)) << bad;
    QTest::newRow("send id is a number") << uR"({"type":"send","id":1,"room":"lobby","text":"hi"})"_s << bad;
    QTest::newRow("send without text") << uR"({"type":"send","id":"1","room":"lobby"})"_s << bad;
    QTest::newRow("send text is a number") << uR"({"type":"send","id":"1","room":"lobby","text":5})"_s << bad;
    QTest::newRow("send to room and user")
        << uR"({"type":"send","id":"1","room":"lobby","to":"bob","text":"hi"})"_s << bad;
    QTest::newRow("send to neither") << uR"({"type":"send","id":"1","text":"hi"})"_s << bad;
    QTest::newRow("send with both empty") << uR"({"type":"send","id":"1","room":"","to":"","text":"hi"})"_s << bad;
    QTest::newRow("send to invalid name")
        << uR"({"type":"send","id":"1","to":" bob","text":"hi"})"_s << ErrorCode::NameInvalid;
    QTest::newRow("send to invalid room")
        << uR"({"type":"send","id":"1","room":"Lobby","text":"hi"})"_s << ErrorCode::RoomInvalid;
    QTest::newRow("send unknown kind") << uR"({"type":"send","id":"1","room":"lobby","text":"hi","kind":"shout"})"_s
                                       << bad;
    QTest::newRow("send kind is a number")
        << uR"({"type":"send","id":"1","room":"lobby","text":"hi","kind":1})"_s << bad;

    QTest::newRow("history negative before") << uR"({"type":"history","room":"lobby","before":-1})"_s << bad;
    QTest::newRow("history negative limit") << uR"({"type":"history","room":"lobby","limit":-5})"_s << bad;
    QTest::newRow("history limit is a string") << uR"({"type":"history","room":"lobby","limit":"10"})"_s << bad;
    QTest::newRow("history fractional before") << uR"({"type":"history","room":"lobby","before":2.5})"_s << bad;
    QTest::newRow("history before above 2^53")
        << uR"({"type":"history","room":"lobby","before":9007199254740994})"_s << bad;
    QTest::newRow("history room and user") << uR"({"type":"history","room":"lobby","to":"bob"})"_s << bad;
    QTest::newRow("history without target") << uR"({"type":"history"})"_s << bad;
    QTest::newRow("history room invalid") << uR"({"type":"history","room":"A"})"_s << ErrorCode::RoomInvalid;

    QTest::newRow("typing without target") << uR"({"type":"typing"})"_s << bad;
    QTest::newRow("typing room and user") << uR"({"type":"typing","room":"lobby","to":"bob"})"_s << bad;
    QTest::newRow("typing to invalid name") << uR"({"type":"typing","to":"bo\u200Bb"})"_s << ErrorCode::NameInvalid;

    QTest::newRow("topic without topic") << uR"({"type":"topic","room":"lobby"})"_s << bad;
    QTest::newRow("topic without room") << uR"({"type":"topic","topic":"t"})"_s << bad;
    QTest::newRow("topic is a number") << uR"({"type":"topic","room":"lobby","topic":3})"_s << bad;
    QTest::newRow("topic room invalid") << uR"({"type":"topic","room":"no way","topic":"t"})"_s
                                        << ErrorCode::RoomInvalid;

    QTest::newRow("nick without name") << uR"({"type":"nick"})"_s << bad;
    QTest::newRow("nick invalid") << uR"({"type":"nick","name":"bad\nname"})"_s << ErrorCode::NameInvalid;
    QTest::newRow("nick too long") << uR"({"type":"nick","name":"%1"})"_s.arg(u"n"_s.repeated(33))
                                   << ErrorCode::NameInvalid;
    QTest::newRow("read without a conversation") << uR"({"type":"read","seq":3})"_s << ErrorCode::BadRequest;
    QTest::newRow("read both") << uR"({"type":"read","room":"a","to":"b","seq":3})"_s << ErrorCode::BadRequest;
    QTest::newRow("read seq 0") << uR"({"type":"read","room":"a","seq":0})"_s << ErrorCode::BadRequest;
    QTest::newRow("read seq as text") << uR"({"type":"read","room":"a","seq":"3"})"_s << ErrorCode::BadRequest;
    QTest::newRow("read bad room") << uR"({"type":"read","room":"no room","seq":3})"_s << ErrorCode::RoomInvalid;
}

void TestCodec::rejectsClientFrames()
{
    QFETCH(QString, frame);
    QFETCH(ErrorCode, code);
    const auto decoded = decodeClientFrame(frame);
    QVERIFY2(!decoded.ok(), qPrintable(decoded.ok() ? u"accepted: "_s + encodeFrame(decoded.value()) : QString()));
    QCOMPARE(decoded.error().code, code);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestCodec::rejectsServerFrames_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<ErrorCode>("code");

    const auto bad = ErrorCode::BadRequest;
    const QString server = uR"("server":{"name":"s","version":"1"})"_s;
    QTest::newRow("not JSON") << u"{"_s << bad;
    QTest::newRow("array") << u"[]"_s << bad;
    QTest::newRow("object without type") << uR"({"name":"a"})"_s << bad;
    QTest::newRow("unknown type") << uR"({"type":"party"})"_s << ErrorCode::UnknownType;
    QTest::newRow("client type sent by a server") << uR"({"type":"join","room":"lobby"})"_s << ErrorCode::UnknownType;

    QTest::newRow("welcome without token") << uR"({"type":"welcome","name":"a",%1,"rooms":[]})"_s.arg(server) << bad;
    QTest::newRow("welcome without server") << uR"({"type":"welcome","name":"a","token":"t","rooms":[]})"_s << bad;
    QTest::newRow("welcome with features not strings")
        << uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s","version":"1","features":[1]},"rooms":[]})"_s
        << bad;
    QTest::newRow("search hit range past the snippet")
        << uR"({"type":"search","query":"q","hits":[{"room":"a","seq":1,"from":"b","ts":1,"snippet":"abc","ranges":[[2,2]]}]})"_s
        << bad;
    QTest::newRow("search hit range not a pair")
        << uR"({"type":"search","query":"q","hits":[{"room":"a","seq":1,"from":"b","ts":1,"snippet":"abc","ranges":[[0]]}]})"_s
        << bad;
    QTest::newRow("search hit negative range")
        << uR"({"type":"search","query":"q","hits":[{"room":"a","seq":1,"from":"b","ts":1,"snippet":"abc","ranges":[[-1,2]]}]})"_s
        << bad;
    QTest::newRow("search hit in no conversation")
        << uR"({"type":"search","query":"q","hits":[{"seq":1,"from":"b","ts":1,"snippet":"abc","ranges":[]}]})"_s
        << bad;
    QTest::newRow("search without hits") << uR"({"type":"search","query":"q"})"_s << bad;
    QTest::newRow("welcome server is a string")
        << uR"({"type":"welcome","name":"a","token":"t","server":"s","rooms":[]})"_s << bad;
    QTest::newRow("welcome server without version")
        << uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s"},"rooms":[]})"_s << bad;
    QTest::newRow("welcome limit is a string")
        << uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s","version":"1",)"
           uR"("limits":{"maxTextBytes":"big"}},"rooms":[]})"_s
        << bad;
    QTest::newRow("welcome rate is not a number")
        << uR"({"type":"welcome","name":"a","token":"t","server":{"name":"s","version":"1",)"
           uR"("limits":{"messagesPerSecond":"fast"}},"rooms":[]})"_s
        << bad;
    QTest::newRow("welcome without rooms") << uR"({"type":"welcome","name":"a","token":"t",%1})"_s.arg(server) << bad;
    QTest::newRow("welcome rooms not objects")
        << uR"({"type":"welcome","name":"a","token":"t",%1,"rooms":["lobby"]})"_s.arg(server) << bad;
    QTest::newRow("welcome room without name")
        << uR"({"type":"welcome","name":"a","token":"t",%1,"rooms":[{"topic":"x"}]})"_s.arg(server) << bad;
    QTest::newRow("welcome room members is a string")
        << uR"({"type":"welcome","name":"a","token":"t",%1,"rooms":[{"name":"x","members":"3"}]})"_s.arg(server) << bad;

    QTest::newRow("reaction with a negative count")
        << u"{\"type\":\"reaction\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍\",\"count\":-1,"
           "\"by\":\"a\",\"on\":true,\"rev\":2}"_s
        << bad;
    QTest::newRow("reaction without rev")
        << u"{\"type\":\"reaction\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍\",\"count\":1,"
           "\"by\":\"a\",\"on\":true}"_s
        << bad;
    QTest::newRow("reactors with fewer than named")
        << u"{\"type\":\"reactors\",\"room\":\"lobby\",\"seq\":1,\"emoji\":\"👍\",\"names\":[\"a\",\"b\"],"
           "\"count\":1}"_s
        << bad;
    QTest::newRow("message with a reaction of no one")
        << u"{\"type\":\"message\",\"room\":\"lobby\",\"seq\":1,\"id\":\"m\",\"from\":\"a\",\"text\":\"t\","
           "\"ts\":1,\"reactions\":[{\"emoji\":\"👍\",\"count\":0}]}"_s
        << bad;
    QTest::newRow("message with reactions not an array")
        << u"{\"type\":\"message\",\"room\":\"lobby\",\"seq\":1,\"id\":\"m\",\"from\":\"a\",\"text\":\"t\","
           "\"ts\":1,\"reactions\":{}}"_s
        << bad;

    QTest::newRow("joined without room") << uR"({"type":"joined","members":[],"history":[]})"_s << bad;
    QTest::newRow("joined without members") << uR"({"type":"joined","room":"lobby","history":[]})"_s << bad;
    QTest::newRow("joined members not strings")
        << uR"({"type":"joined","room":"lobby","members":["a",2],"history":[]})"_s << bad;
    QTest::newRow("joined members is an object")
        << uR"({"type":"joined","room":"lobby","members":{"a":1},"history":[]})"_s << bad;
    QTest::newRow("joined more is a string")
        << uR"({"type":"joined","room":"lobby","members":[],"history":[],"more":"yes"})"_s << bad;
    QTest::newRow("joined history item without seq")
        << uR"({"type":"joined","room":"lobby","members":[],)"
           uR"("history":[{"room":"lobby","id":"1","from":"a","text":"t","ts":1}]})"_s
        << bad;

    QTest::newRow("message with room and to")
        << uR"({"type":"message","room":"lobby","to":"bob","seq":1,"id":"1","from":"a","text":"t","ts":1})"_s << bad;
    QTest::newRow("message with neither room nor to")
        << uR"({"type":"message","seq":1,"id":"1","from":"a","text":"t","ts":1})"_s << bad;
    QTest::newRow("message without from")
        << uR"({"type":"message","room":"lobby","seq":1,"id":"1","text":"t","ts":1})"_s << bad;
    QTest::newRow("message seq is a string")
        << uR"({"type":"message","room":"lobby","seq":"1","id":"1","from":"a","text":"t","ts":1})"_s << bad;
    QTest::newRow("message seq is fractional")
        << uR"({"type":"message","room":"lobby","seq":1.5,"id":"1","from":"a","text":"t","ts":1})"_s << bad;
    QTest::newRow("message unknown kind")
        << uR"({"type":"message","room":"lobby","seq":1,"id":"1","from":"a","text":"t","ts":1,"kind":"yell"})"_s << bad;

    QTest::newRow("ack without id") << uR"({"type":"ack","seq":1,"ts":1})"_s << bad;
    QTest::newRow("ack without seq") << uR"({"type":"ack","id":"1","ts":1})"_s << bad;

    QTest::newRow("presence unknown event")
        << uR"({"type":"presence","room":"lobby","name":"bob","event":"danced"})"_s << bad;
    QTest::newRow("presence without event") << uR"({"type":"presence","room":"lobby","name":"bob"})"_s << bad;
    QTest::newRow("presence without name") << uR"({"type":"presence","room":"lobby","event":"joined"})"_s << bad;

    QTest::newRow("rooms without list") << uR"({"type":"rooms"})"_s << bad;
    QTest::newRow("rooms list is an object") << uR"({"type":"rooms","rooms":{}})"_s << bad;

    QTest::newRow("history page messages not objects")
        << uR"({"type":"history","room":"lobby","messages":[1,2],"more":false})"_s << bad;
    QTest::newRow("history page without messages") << uR"({"type":"history","room":"lobby","more":false})"_s << bad;
    QTest::newRow("history page without target") << uR"({"type":"history","messages":[],"more":false})"_s << bad;
    QTest::newRow("history page room and to")
        << uR"({"type":"history","room":"lobby","to":"bob","messages":[],"more":false})"_s << bad;

    QTest::newRow("typing without target") << uR"({"type":"typing","name":"bob"})"_s << bad;
    QTest::newRow("typing without name") << uR"({"type":"typing","room":"lobby"})"_s << bad;

    QTest::newRow("topic without room") << uR"({"type":"topic","topic":"t"})"_s << bad;
    QTest::newRow("topic without topic") << uR"({"type":"topic","room":"lobby"})"_s << bad;

    QTest::newRow("error without code") << uR"({"type":"error","message":"m"})"_s << bad;
    QTest::newRow("error code is a number") << uR"({"type":"error","code":3,"message":"m"})"_s << bad;
    QTest::newRow("unread without list") << uR"({"type":"unread"})"_s << bad;
    QTest::newRow("unread over its bound")
        << uR"({"type":"unread","conversations":[{"room":"a","read":1,"unread":1001,"mentions":0}]})"_s << bad;
    QTest::newRow("more mentions than unread")
        << uR"({"type":"unread","conversations":[{"room":"a","read":1,"unread":1,"mentions":2}]})"_s << bad;
    QTest::newRow("unread for nobody") << uR"({"type":"unread","conversations":[{"read":1,"unread":1,"mentions":0}]})"_s
                                       << bad;
}

void TestCodec::rejectsServerFrames()
{
    QFETCH(QString, frame);
    QFETCH(ErrorCode, code);
    const auto decoded = decodeServerFrame(frame);
    QVERIFY2(!decoded.ok(), qPrintable(decoded.ok() ? u"accepted: "_s + encodeFrame(decoded.value()) : QString()));
    QCOMPARE(decoded.error().code, code);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestCodec::integerPrecisionLimit_data()
{
    QTest::addColumn<QString>("seq");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("expectedSeq");

    QTest::newRow("0") << u"0"_s << true << qint64(0);
    QTest::newRow("2^53") << u"9007199254740992"_s << true << qint64(9007199254740992LL);
    QTest::newRow("2^53 in exponent form") << u"9.007199254740992e15"_s << true << qint64(9007199254740992LL);
    QTest::newRow("2^53 + 1") << u"9007199254740993"_s << false << qint64(0);
    QTest::newRow("2^53 + 2") << u"9007199254740994"_s << false << qint64(0);
    QTest::newRow("-(2^53 + 2)") << u"-9007199254740994"_s << false << qint64(0);
    QTest::newRow("2^63") << u"9223372036854775808"_s << false << qint64(0);
    QTest::newRow("1e300") << u"1e300"_s << false << qint64(0);
}

void TestCodec::integerPrecisionLimit()
{
    QFETCH(QString, seq);
    QFETCH(bool, accepted);
    QFETCH(qint64, expectedSeq);
    const auto decoded = decodeServerFrame(messageFrameWithSeq(seq));
    if (accepted) {
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QCOMPARE(std::get<MessageEvent>(decoded.value()).message.seq, expectedSeq);
    } else {
        const QString acceptedAs =
            decoded.ok() ? QString::number(std::get<MessageEvent>(decoded.value()).message.seq) : QString();
        QVERIFY2(!decoded.ok(), qPrintable(u"accepted as seq "_s + acceptedAs));
        QCOMPARE(decoded.error().code, ErrorCode::BadRequest);
        QVERIFY(!decoded.error().message.isEmpty());
    }
}

void TestCodec::unknownTypeMessageIsBounded()
{
    const QString longType = u"x"_s.repeated(10000);
    const auto decoded = decodeClientFrame(uR"({"type":"%1"})"_s.arg(longType));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, ErrorCode::UnknownType);
    QVERIFY(!decoded.error().message.isEmpty());
    QVERIFY2(decoded.error().message.size() < 200, "an error echoes at most a bounded part of the input");
}

QTEST_GUILESS_MAIN(TestCodec)

#include "tst_codec.moc"
