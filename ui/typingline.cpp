#include "typingline.h"

#include "membermodel.h"

namespace Natter {

TypingLine::TypingLine(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("typingLine"));
    setTextFormat(Qt::PlainText);
    setForegroundRole(QPalette::PlaceholderText);
    setMinimumHeight(fontMetrics().height());
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void TypingLine::setMembers(MemberModel *members)
{
    if (m_members)
        disconnect(m_members, nullptr, this, nullptr);
    m_members = members;
    if (members)
        connect(members, &MemberModel::typingChanged, this, &TypingLine::refresh);
    refresh();
}

void TypingLine::refresh()
{
    const QStringList names = m_members ? m_members->typingNames() : QStringList{};
    if (names.isEmpty())
        clear();
    else if (names.size() == 1)
        setText(tr("%1 is typing…").arg(names.first()));
    else if (names.size() == 2)
        setText(tr("%1 and %2 are typing…").arg(names.at(0), names.at(1)));
    else
        setText(tr("Several people are typing…"));
}

} // namespace Natter
