#pragma once

// Puts what went wrong into the user's language: a server's refusal by its error code (never by the server's
// English words), and a network failure by its socket error.

#include "servermessages.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QUrl>

namespace Natter {

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(Natter::ErrorText)

public:
    // What the request named, where a sentence needs it: the room, the name or the person written to.
    struct Subject
    {
        QString room;
        QString name;
        QString peer;
    };

    static QString describe(const Protocol::ErrorEvent &error, const Subject &subject = {});
    static QString socketError(QAbstractSocket::SocketError error, const QUrl &url);
};

} // namespace Natter
