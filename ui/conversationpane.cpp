#include "conversationpane.h"

#include "chatsession.h"
#include "conversationdelegate.h"
#include "roomlistmodel.h"

#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Natter {

ConversationPane::ConversationPane(ChatSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListView)
{
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(m_session->conversations());
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setMouseTracking(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setMinimumWidth(96);
    // The view moves its current row by itself while the list changes (a room left, a row moved): act on it
    // only once the change is over, and only if that row is still the current one.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const QString key = index.data(RoomListModel::KeyRole).toString();
        QMetaObject::invokeMethod(
            this,
            [this, key] {
                const QModelIndex now = m_list->currentIndex();
                if (now.isValid() && now.data(RoomListModel::KeyRole).toString() == key)
                    m_session->setCurrent(m_session->conversationForKey(key));
            },
            Qt::QueuedConnection);
    });

    auto *browseButton = new QToolButton;
    browseButton->setObjectName(QStringLiteral("browseRoomsButton"));
    browseButton->setText(tr("Browse Rooms…"));
    browseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    browseButton->setAutoRaise(true);
    connect(browseButton, &QToolButton::clicked, this, &ConversationPane::browseRoomsRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(browseButton);
}

void ConversationPane::showCurrent(const ConversationId &id)
{
    const int row = m_session->conversations()->rowOf(id);
    if (row >= 0 && m_list->currentIndex().row() != row)
        m_list->setCurrentIndex(m_session->conversations()->index(row));
}

} // namespace Natter
