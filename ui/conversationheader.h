#pragma once

// The band above the messages: who or what the conversation is (its name, the member count or whether the
// other person is online) and the room's topic with clickable links.

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Natter {

class AvatarLabel;
class Conversation;
class LinkLabel;

class ConversationHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationHeader(QWidget *parent = nullptr);

    // Follows this conversation (not owned); null shows nothing.
    void setConversation(Conversation *conversation);
    QString title() const;
    QString subtitle() const;
    QString topic() const;

signals:
    void linkActivated(const QUrl &url);

private:
    void refresh();
    static QString subtitleOfRoom(const Conversation &room);

    QPointer<Conversation> m_conversation;
    AvatarLabel *m_avatar;
    QLabel *m_title;
    QLabel *m_subtitle;
    LinkLabel *m_topic;
};

} // namespace Natter
