#pragma once

// The line under the messages that says who is typing in the conversation on screen.

#include <QLabel>
#include <QPointer>

namespace Natter {

class MemberModel;

class TypingLine : public QLabel
{
    Q_OBJECT
public:
    explicit TypingLine(QWidget *parent = nullptr);

    // The members of the conversation on screen (nullptr: none); the line follows who of them is typing.
    void setMembers(MemberModel *members);

private:
    void refresh();

    QPointer<MemberModel> m_members;
};

} // namespace Natter
