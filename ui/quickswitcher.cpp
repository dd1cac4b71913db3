#include "quickswitcher.h"

#include "quickswitcherdelegate.h"
#include "quickswitchermodel.h"
#include "roomlistmodel.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Natter {

namespace {
constexpr int VisibleRows = 8;
constexpr int WidthInCharacters = 56;
} // namespace

QuickSwitcher::QuickSwitcher(QAbstractItemModel *conversations, QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setFrameStyle(QFrame::StyledPanel | QFrame::Plain);
    setAccessibleName(tr("Jump to a conversation"));

    m_model = new QuickSwitcherModel(RoomListModel::NameRole, RoomListModel::UnreadRole, this);
    m_model->setSourceModel(conversations);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Jump to a conversation…"));
    m_searchEdit->setAccessibleName(tr("Conversation name"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->installEventFilter(this);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("resultList"));
    m_list->setAccessibleName(tr("Matching conversations"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new QuickSwitcherDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFocusPolicy(Qt::NoFocus); // typing goes on in the search field while the list is used
    m_list->setFrameShape(QFrame::NoFrame);

    m_noMatchLabel = new QLabel(tr("No conversation matches"), this);
    m_noMatchLabel->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatchLabel->setTextFormat(Qt::PlainText);
    m_noMatchLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_noMatchLabel->setContentsMargins(0, fontMetrics().height(), 0, 0);
    QPalette quiet = m_noMatchLabel->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_noMatchLabel->setPalette(quiet);

    // The list and the "no match" line share one place, so that the popup keeps its size while typing.
    m_results = new QStackedWidget(this);
    m_results->addWidget(m_list);
    m_results->addWidget(m_noMatchLabel);
    m_results->setFixedHeight(QuickSwitcherDelegate::rowHeight(m_list->fontMetrics()) * VisibleRows
                              + 2 * m_list->frameWidth());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_results);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &QuickSwitcher::applyQuery);
    connect(m_list, &QListView::clicked, this, &QuickSwitcher::choose);
    // Conversations may come, go or move while the switcher is open.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QuickSwitcher::keepSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QuickSwitcher::keepSelection);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &QuickSwitcher::keepSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QuickSwitcher::keepSelection);

    applyQuery({});
}

void QuickSwitcher::open()
{
    m_searchEdit->clear();
    applyQuery({});
    placeOverParentWindow();
    show();
    raise();
    activateWindow();
    m_searchEdit->setFocus(Qt::PopupFocusReason);
}

void QuickSwitcher::applyQuery(const QString &query)
{
    m_model->setQuery(query);
    // A new query starts again from its best match.
    m_list->setCurrentIndex(m_model->index(0, 0));
    keepSelection();
}

void QuickSwitcher::keepSelection()
{
    const bool empty = m_model->rowCount() == 0;
    m_results->setCurrentWidget(empty ? static_cast<QWidget *>(m_noMatchLabel) : m_list);
    if (!empty && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0, 0));
    if (m_list->currentIndex().isValid())
        m_list->scrollTo(m_list->currentIndex());
}

void QuickSwitcher::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString key = index.data(RoomListModel::KeyRole).toString();
    close();
    emit conversationChosen(key);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_searchEdit || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);

    auto *keyEvent = static_cast<QKeyEvent *>(event);
    switch (keyEvent->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        // The list moves its selection as if it had the focus.
        QCoreApplication::sendEvent(m_list, event);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        choose(m_list->currentIndex());
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

void QuickSwitcher::placeOverParentWindow()
{
    QRect area;
    if (parentWidget()) {
        const QWidget *window = parentWidget()->window();
        area = QRect(window->mapToGlobal(QPoint(0, 0)), window->size());
    } else if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        area = screen->availableGeometry();
    }

    const int preferredWidth = fontMetrics().averageCharWidth() * WidthInCharacters;
    const int width = area.isValid() ? std::min(preferredWidth, area.width() - 24) : preferredWidth;
    resize(std::max(width, minimumSizeHint().width()), sizeHint().height());
    if (area.isValid())
        move(area.left() + (area.width() - this->width()) / 2, area.top() + area.height() / 8);
}

} // namespace Natter
