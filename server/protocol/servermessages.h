#pragma once

// The natter.v1 frames a server sends, as value types with strict decoding.

#include "chatmessage.h"
#include "protocollimits.h"
#include "reactionmessages.h"
#include "searchmessages.h"
#include "unreadmessages.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <variant>

namespace Natter::Protocol {

struct ServerInfo
{
    QString name;
    QString version;
    Limits limits;
    QStringList features; // what this server does beyond the first natter.v1 (see serverFeatures())
    friend bool operator==(const ServerInfo &, const ServerInfo &) = default;
};

struct Welcome
{
    static constexpr QStringView Type = u"welcome";
    QString name; // the name the server gave this connection
    QString token; // presents this user's claim on the name when reconnecting
    ServerInfo server;
    QList<RoomSummary> rooms;

    QJsonObject toJson() const;
    static Parsed<Welcome> fromJson(const QJsonObject &object);
    friend bool operator==(const Welcome &, const Welcome &) = default;
};

// Asks a client that said hello with a key to prove it holds the private half (answered by prove).
struct Challenge
{
    static constexpr QStringView Type = u"challenge";
    QByteArray nonce; // NonceBytes random bytes

    QJsonObject toJson() const;
    static Parsed<Challenge> fromJson(const QJsonObject &object);
    friend bool operator==(const Challenge &, const Challenge &) = default;
};

struct Joined
{
    static constexpr QStringView Type = u"joined";
    QString room;
    QString topic;
    QStringList members;
    QHash<QString, QByteArray> keys; // member name -> public key; members without one are guests
    QList<ChatMessage> history;
    bool more = false; // older history exists
    // Where a user with a read marker in the room stopped reading, and what came since (room left empty).
    std::optional<UnreadCount> unread;

    QJsonObject toJson() const;
    static Parsed<Joined> fromJson(const QJsonObject &object);
    friend bool operator==(const Joined &, const Joined &) = default;
};

struct MessageEvent
{
    static constexpr QStringView Type = u"message";
    ChatMessage message;

    QJsonObject toJson() const;
    static Parsed<MessageEvent> fromJson(const QJsonObject &object);
    friend bool operator==(const MessageEvent &, const MessageEvent &) = default;
};

struct Ack
{
    static constexpr QStringView Type = u"ack";
    QString id;
    qint64 seq = 0;
    qint64 ts = 0;
    QString room; // where the message went: one of room and to
    QString to;

    QJsonObject toJson() const;
    static Parsed<Ack> fromJson(const QJsonObject &object);
    friend bool operator==(const Ack &, const Ack &) = default;
};

enum class PresenceChange { Joined, Left, Renamed };

struct Presence
{
    static constexpr QStringView Type = u"presence";
    QString room; // empty for a rename, which concerns every room
    QString name;
    PresenceChange event = PresenceChange::Joined;
    QString previous; // the old name, for a rename
    QByteArray key; // the person's public key, on joined and renamed; empty for a guest

    QJsonObject toJson() const;
    static Parsed<Presence> fromJson(const QJsonObject &object);
    friend bool operator==(const Presence &, const Presence &) = default;
};

struct RoomList
{
    static constexpr QStringView Type = u"rooms";
    QList<RoomSummary> rooms;

    QJsonObject toJson() const;
    static Parsed<RoomList> fromJson(const QJsonObject &object);
    friend bool operator==(const RoomList &, const RoomList &) = default;
};

struct HistoryPage
{
    static constexpr QStringView Type = u"history";
    QString room; // one of room and to
    QString to;
    QList<ChatMessage> messages;
    bool more = false; // older messages exist
    bool newer = false; // newer messages exist (a page loaded around a seq)

    QJsonObject toJson() const;
    static Parsed<HistoryPage> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryPage &, const HistoryPage &) = default;
};

struct TypingEvent
{
    static constexpr QStringView Type = u"typing";
    QString room; // one of room and to
    QString to;
    QString name;

    QJsonObject toJson() const;
    static Parsed<TypingEvent> fromJson(const QJsonObject &object);
    friend bool operator==(const TypingEvent &, const TypingEvent &) = default;
};

struct TopicChanged
{
    static constexpr QStringView Type = u"topic";
    QString room;
    QString topic;
    QString by;

    QJsonObject toJson() const;
    static Parsed<TopicChanged> fromJson(const QJsonObject &object);
    friend bool operator==(const TopicChanged &, const TopicChanged &) = default;
};

struct ErrorEvent
{
    static constexpr QStringView Type = u"error";
    ErrorCode code = ErrorCode::BadRequest;
    QString message;
    QString ref; // the id of the send, or the type of the request, that caused it

    static ErrorEvent from(const ProtocolError &error, const QString &ref = {});
    QJsonObject toJson() const;
    static Parsed<ErrorEvent> fromJson(const QJsonObject &object);
    friend bool operator==(const ErrorEvent &, const ErrorEvent &) = default;
};

using ServerMessage =
    std::variant<Welcome, Challenge, Joined, MessageEvent, Ack, Presence, RoomList, HistoryPage, TypingEvent,
                 TopicChanged, ErrorEvent, SearchResults, ReactionEvent, ReactorList, UnreadCounts>;

// The features a server of this version announces in welcome.server.features.
QStringList serverFeatures();

QString typeOf(const ServerMessage &message);
QJsonObject toJson(const ServerMessage &message);
QString encodeFrame(const ServerMessage &message);
QByteArray encodeFrameUtf8(const ServerMessage &message);
Parsed<ServerMessage> decodeServerFrame(const QString &frame);

} // namespace Natter::Protocol
