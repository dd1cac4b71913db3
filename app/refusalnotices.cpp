#include "refusalnotices.h"

#include "chatclient.h"
#include "errortext.h"

namespace Natter {

using namespace Protocol;

RefusalNotices::RefusalNotices(ChatClient *client, QObject *parent)
    : QObject(parent)
{
    connect(client, &ChatClient::historyFailed, this, [this](const ConversationId &id, const ErrorEvent &error) {
        // An empty error: the request was lost with the connection, or could not be sent; nothing to say.
        if (error.message.isEmpty() && error.code == ErrorCode::BadRequest)
            return;
        emit noticeRaised(
            tr("Older messages in %1 could not be loaded: %2")
                .arg(id.isRoom() ? QStringLiteral("#") + id.name : id.name,
                     ErrorText::describe(error,
                                         {id.isRoom() ? id.name : QString(), {}, id.isRoom() ? QString() : id.name})));
    });
    connect(client, &ChatClient::joinFailed, this, [this](const QString &room, const ErrorEvent &error) {
        emit noticeRaised(tr("Could not join #%1: %2").arg(room, ErrorText::describe(error, {room, {}, {}})));
    });
    connect(client, &ChatClient::topicFailed, this, [this](const QString &room, const ErrorEvent &error) {
        emit noticeRaised(
            tr("The topic of #%1 was not changed: %2").arg(room, ErrorText::describe(error, {room, {}, {}})));
    });
    connect(client, &ChatClient::nameChangeFailed, this, [this](const QString &name, const ErrorEvent &error) {
        emit noticeRaised(tr("Your name was not changed: %1").arg(ErrorText::describe(error, {{}, name, {}})));
    });
    connect(client, &ChatClient::errorReceived, this,
            [this](const ErrorEvent &error) { emit noticeRaised(ErrorText::describe(error)); });
}

} // namespace Natter
