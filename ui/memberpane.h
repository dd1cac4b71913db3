#pragma once

// The member list beside a conversation: who is in it, a direct conversation with any of them, and their
// profile with the safety number.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QListView;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;
class MemberModel;
class MemberProfile;

class MemberPane : public QWidget
{
    Q_OBJECT
public:
    explicit MemberPane(ChatSession *session, QWidget *parent = nullptr);

    void setModel(MemberModel *members);
    QListView *list() const { return m_list; }
    // Shows the profile of the member (also from the list's context menu); the dialog deletes itself on close.
    MemberProfile *showProfile(const QString &name);

private:
    void showMenu(const QPoint &position);

    ChatSession *m_session;
    QListView *m_list;
};

} // namespace Natter
