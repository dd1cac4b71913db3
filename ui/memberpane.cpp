#include "memberpane.h"

#include "chatsession.h"
#include "memberdelegate.h"
#include "membermodel.h"
#include "memberprofile.h"
#include "validation.h"

#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QVBoxLayout>

namespace Natter {

MemberPane::MemberPane(ChatSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListView)
{
    setMinimumWidth(96);
    m_list->setObjectName(QStringLiteral("memberList"));
    m_list->setAccessibleName(tr("Members"));
    m_list->setItemDelegate(new MemberDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setToolTip(tr("Double-click someone to write to them directly; right-click for their profile."));
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { m_session->openDirect(index.data(MemberModel::NameRole).toString()); });
    connect(m_list, &QListView::customContextMenuRequested, this, &MemberPane::showMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(new QLabel(tr("Members")));
    layout->addWidget(m_list, 1);
}

void MemberPane::setModel(MemberModel *members)
{
    m_list->setModel(members);
}

void MemberPane::showMenu(const QPoint &position)
{
    const QModelIndex index = m_list->indexAt(position);
    if (!index.isValid())
        return;
    const QString name = index.data(MemberModel::NameRole).toString();
    QMenu menu(this);
    QAction *profile = menu.addAction(tr("View Profile"));
    QAction *write = index.data(MemberModel::IsSelfRole).toBool() ? nullptr : menu.addAction(tr("Send Message"));
    const QAction *chosen = menu.exec(m_list->viewport()->mapToGlobal(position));
    if (chosen == profile)
        showProfile(name);
    else if (chosen && chosen == write)
        m_session->openDirect(name);
}

MemberProfile *MemberPane::showProfile(const QString &name)
{
    const bool self = Protocol::nameKey(name) == Protocol::nameKey(m_session->ownName());
    auto *profile = new MemberProfile(
        {name, self ? m_session->ownKey() : m_session->keyOf(name), m_session->isOnline(name), self}, this);
    profile->setObjectName(QStringLiteral("memberProfile"));
    connect(profile, &MemberProfile::directRequested, m_session, &ChatSession::openDirect);
    profile->open();
    return profile;
}

} // namespace Natter
