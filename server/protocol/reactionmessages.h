#pragma once

// The reaction frames: putting an emoji on a message or taking it back, the change every member sees, and who
// put one emoji on a message.

#include "parsed.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Natter::Protocol {

// Puts `emoji` on message `seq` of a room or direct conversation (on), or takes the client's own back (off).
struct React
{
    static constexpr QStringView Type = u"react";
    QString room; // exactly one of room and to
    QString to;
    qint64 seq = 0;
    QString emoji; // one emoji (see isSingleEmoji)
    bool on = true;

    QJsonObject toJson() const;
    static Parsed<React> fromJson(const QJsonObject &object);
    friend bool operator==(const React &, const React &) = default;
};

// Asks who put one emoji on one message.
struct ReactorsRequest
{
    static constexpr QStringView Type = u"reactors";
    QString room; // exactly one of room and to
    QString to;
    qint64 seq = 0;
    QString emoji;

    QJsonObject toJson() const;
    static Parsed<ReactorsRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactorsRequest &, const ReactorsRequest &) = default;
};

// One change of one person's reaction, the same frame for every member. A client's own reaction is the one whose
// `by` is its name.
struct ReactionEvent
{
    static constexpr QStringView Type = u"reaction";
    QString room; // one of room and to; for a direct conversation `to` is the other party of `by`
    QString to;
    qint64 seq = 0; // the message reacted to
    QString emoji;
    int count = 0; // how many people have this emoji on the message now
    QString by; // who changed their reaction
    bool on = true; // whether `by` has it on now
    qint64 rev = 0; // the change's own seq in the conversation (reconnecting clients resume after it)

    QJsonObject toJson() const;
    static Parsed<ReactionEvent> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactionEvent &, const ReactionEvent &) = default;
};

// The answer to ReactorsRequest: the first names, in the order they reacted, and how many there are in all.
struct ReactorList
{
    static constexpr QStringView Type = u"reactors";
    static constexpr int MaxNames = 50;
    QString room; // as asked
    QString to;
    qint64 seq = 0;
    QString emoji;
    QStringList names; // at most MaxNames
    int count = 0;

    QJsonObject toJson() const;
    static Parsed<ReactorList> fromJson(const QJsonObject &object);
    friend bool operator==(const ReactorList &, const ReactorList &) = default;
};

} // namespace Natter::Protocol
