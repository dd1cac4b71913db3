#pragma once

// The natter.v1 frames a client sends, as value types with strict decoding.

#include "chatmessage.h"
#include "reactionmessages.h"
#include "searchmessages.h"
#include "unreadmessages.h"

#include <QHash>
#include <QJsonObject>

#include <variant>

namespace Natter::Protocol {

struct Hello
{
    static constexpr QStringView Type = u"hello";
    QString name;
    QString password;
    QString token;
    QByteArray key; // an Ed25519 public key (32 bytes): the server answers with a challenge before welcome
    QHash<QString, qint64> since; // room name, or "@" + peer name for a direct conversation -> last seq seen

    QJsonObject toJson() const;
    static Parsed<Hello> fromJson(const QJsonObject &object);
    friend bool operator==(const Hello &, const Hello &) = default;
};

struct Join
{
    static constexpr QStringView Type = u"join";
    QString room;

    QJsonObject toJson() const;
    static Parsed<Join> fromJson(const QJsonObject &object);
    friend bool operator==(const Join &, const Join &) = default;
};

struct Leave
{
    static constexpr QStringView Type = u"leave";
    QString room;

    QJsonObject toJson() const;
    static Parsed<Leave> fromJson(const QJsonObject &object);
    friend bool operator==(const Leave &, const Leave &) = default;
};

struct Send
{
    static constexpr QStringView Type = u"send";
    QString id;
    QString room; // exactly one of room and to
    QString to;
    QString text; // empty for a delete
    MessageKind kind = MessageKind::Text;
    qint64 target = 0; // edit and delete: the seq of the sender's own message they change
    qint64 replyTo = 0; // text and action: the seq of the message in the same conversation it answers

    QJsonObject toJson() const;
    static Parsed<Send> fromJson(const QJsonObject &object);
    friend bool operator==(const Send &, const Send &) = default;
};

struct HistoryRequest
{
    static constexpr QStringView Type = u"history";
    QString room; // exactly one of room and to
    QString to;
    qint64 before = 0; // 0: the newest messages
    int limit = 0; // 0: the server's page size
    qint64 around = 0; // instead of before: the page with this seq in its middle (to open a search hit)

    QJsonObject toJson() const;
    static Parsed<HistoryRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryRequest &, const HistoryRequest &) = default;
};

struct Typing
{
    static constexpr QStringView Type = u"typing";
    QString room; // exactly one of room and to
    QString to;

    QJsonObject toJson() const;
    static Parsed<Typing> fromJson(const QJsonObject &object);
    friend bool operator==(const Typing &, const Typing &) = default;
};

struct RoomsRequest
{
    static constexpr QStringView Type = u"rooms";

    QJsonObject toJson() const;
    static Parsed<RoomsRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const RoomsRequest &, const RoomsRequest &) = default;
};

struct SetTopic
{
    static constexpr QStringView Type = u"topic";
    QString room;
    QString topic;

    QJsonObject toJson() const;
    static Parsed<SetTopic> fromJson(const QJsonObject &object);
    friend bool operator==(const SetTopic &, const SetTopic &) = default;
};

struct Nick
{
    static constexpr QStringView Type = u"nick";
    QString name;

    QJsonObject toJson() const;
    static Parsed<Nick> fromJson(const QJsonObject &object);
    friend bool operator==(const Nick &, const Nick &) = default;
};

// The answer to a challenge: the signature over loginProofPayload() (see identityproof.h).
struct Prove
{
    static constexpr QStringView Type = u"prove";
    QByteArray signature;

    QJsonObject toJson() const;
    static Parsed<Prove> fromJson(const QJsonObject &object);
    friend bool operator==(const Prove &, const Prove &) = default;
};

using ClientMessage = std::variant<Hello, Prove, Join, Leave, Send, HistoryRequest, Typing, RoomsRequest, SetTopic,
                                   Nick, SearchRequest, React, ReactorsRequest, ReadMarker>;

QString typeOf(const ClientMessage &message);
// The whole frame, "type" included.
QJsonObject toJson(const ClientMessage &message);
QString encodeFrame(const ClientMessage &message);
// Decodes one text frame; every malformed, mistyped or unknown frame becomes a ProtocolError.
Parsed<ClientMessage> decodeClientFrame(const QString &frame);
// What an error about a frame that did not decode should name in its ref: a send's id, else the frame's type.
QString errorReference(const QString &frame);

} // namespace Natter::Protocol
