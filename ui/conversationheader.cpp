#include "conversationheader.h"

#include "avatarlabel.h"
#include "conversation.h"
#include "linklabel.h"

#include <QGridLayout>
#include <QLabel>

namespace Natter {

ConversationHeader::ConversationHeader(QWidget *parent)
    : QWidget(parent)
    , m_avatar(new AvatarLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_topic(new LinkLabel(this))
{
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_topic->setObjectName(QStringLiteral("conversationTopic"));
    m_topic->setMaximumLines(2);
    m_topic->setAccessibleDescription(tr("Topic"));
    connect(m_topic, &LinkLabel::linkActivated, this, &ConversationHeader::linkActivated);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(8);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_subtitle, 1, Qt::AlignBaseline);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_avatar, 0, 0, 2, 1, Qt::AlignVCenter);
    layout->addLayout(titleRow, 0, 1);
    layout->addWidget(m_topic, 1, 1);
    layout->setColumnStretch(1, 1);
    refresh();
}

void ConversationHeader::setConversation(Conversation *conversation)
{
    if (m_conversation)
        disconnect(m_conversation, nullptr, this, nullptr);
    m_conversation = conversation;
    if (conversation)
        connect(conversation, &Conversation::summaryChanged, this, &ConversationHeader::refresh);
    refresh();
}

QString ConversationHeader::title() const
{
    return m_title->text();
}

QString ConversationHeader::subtitle() const
{
    return m_subtitle->text();
}

QString ConversationHeader::topic() const
{
    return m_topic->text();
}

QString ConversationHeader::subtitleOfRoom(const Conversation &room)
{
    if (!room.isJoined())
        return tr("You are not in this room");
    if (room.isMemberCountCurrent())
        return tr("%n member(s)", nullptr, room.memberCount());
    // Who is here now is not known until the server says so again.
    if (room.memberCount() > 0)
        return tr("%n member(s) when last connected", nullptr, room.memberCount());
    return tr("members not known while not connected");
}

void ConversationHeader::refresh()
{
    const Conversation *conversation = m_conversation;
    setVisible(conversation != nullptr);
    if (!conversation) {
        m_title->clear();
        m_subtitle->clear();
        m_topic->setText({});
        return;
    }
    const ConversationId id = conversation->id();
    m_title->setText(conversation->title());
    m_avatar->setName(id.name, id.isRoom() ? AvatarLabel::Shape::Room : AvatarLabel::Shape::Person);
    if (id.isRoom()) {
        m_avatar->setPresence(AvatarLabel::Presence::None);
        m_subtitle->setText(subtitleOfRoom(*conversation));
        m_topic->setText(conversation->topic());
    } else {
        const bool online = conversation->isPeerOnline();
        m_avatar->setPresence(online ? AvatarLabel::Presence::Online : AvatarLabel::Presence::Offline);
        if (online)
            m_subtitle->setText(tr("online"));
        else if (conversation->isPeerGuest())
            m_subtitle->setText(tr("not online: messages cannot reach them now"));
        else
            m_subtitle->setText(tr("not online: they get your messages when they are back"));
        m_topic->setText({});
    }
    m_topic->setVisible(!m_topic->text().isEmpty());
    setAccessibleName(tr("%1, %2").arg(m_title->text(), m_subtitle->text()));
}

} // namespace Natter
