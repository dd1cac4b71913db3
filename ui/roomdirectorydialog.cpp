#include "roomdirectorydialog.h"

#include "roomdirectorydelegate.h"
#include "roomdirectoryfilter.h"
#include "roomdirectorymodel.h"
#include "theme.h"
#include "validation.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Natter {

namespace {

bool isEnter(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        && !(key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier));
}

} // namespace

RoomDirectoryDialog::RoomDirectoryDialog(RoomDirectoryModel *model, const QString &serverName, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
{
    setWindowTitle(serverName.isEmpty() ? tr("Browse Rooms") : tr("Browse Rooms — %1").arg(serverName));
    setMinimumSize(fontMetrics().averageCharWidth() * 60, fontMetrics().lineSpacing() * 24);

    m_filter = new RoomDirectoryFilter(this);
    m_filter->setSourceModel(model);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Find or create a room"));
    m_filterEdit->setAccessibleName(tr("Find or create a room"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->installEventFilter(this);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    applyErrorColor();
    m_errorLabel->hide();

    m_createButton = new QPushButton(this);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->hide();
    connect(m_createButton, &QPushButton::clicked, this, &RoomDirectoryDialog::chooseTyped);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("roomList"));
    m_list->setAccessibleName(tr("Rooms"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new RoomDirectoryDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setMouseTracking(true); // hover highlight
    m_list->installEventFilter(this);
    // Double-click (or a single click where the platform activates that way) joins.
    connect(m_list, &QListView::activated, this, &RoomDirectoryDialog::chooseSelected);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_stateLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_joinButton = buttons->addButton(tr("Join"), QDialogButtonBox::AcceptRole);
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    // Enter in the field or the list is theirs (see eventFilter); on a focused button it presses that button.
    connect(m_joinButton, &QPushButton::clicked, this, &RoomDirectoryDialog::chooseSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &RoomDirectoryDialog::reject);

    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_createButton);
    createRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_errorLabel);
    layout->addLayout(createRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &RoomDirectoryDialog::onFilterEdited);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RoomDirectoryDialog::updateState);
    // Whatever the model does (a new list, a topic, a count), the dialog's lines and buttons follow it.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RoomDirectoryDialog::onRoomsChanged);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RoomDirectoryDialog::onRoomsChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RoomDirectoryDialog::onRoomsChanged);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RoomDirectoryDialog::onRoomsChanged);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &RoomDirectoryDialog::updateState);
    if (model)
        connect(model, &RoomDirectoryModel::loadedChanged, this, &RoomDirectoryDialog::updateState);

    m_filterEdit->setFocus();
    onRoomsChanged();
}

QString RoomDirectoryDialog::selectedRoom() const
{
    return selectedIndex().data(RoomDirectoryModel::NameRole).toString();
}

QModelIndex RoomDirectoryDialog::selectedIndex() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? QModelIndex() : selected.first();
}

QString RoomDirectoryDialog::roomToCreate() const
{
    QString room = typedRoomName();
    if (room.isEmpty() || Protocol::validateRoomName(room) || (m_model && m_model->contains(room)))
        return {};
    return room;
}

void RoomDirectoryDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColor(); // the user switched between a light and a dark scheme
}

void RoomDirectoryDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!event->spontaneous()) {
        m_filterEdit->setFocus();
        emit refreshRequested();
    }
}

bool RoomDirectoryDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);

    if (watched == m_filterEdit) {
        if (isEnter(key)) {
            chooseDefault();
            return true;
        }
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) {
            if (m_filter->rowCount() == 0)
                return true;
            if (selectedRoom().isEmpty())
                selectRow(0);
            m_list->setFocus();
            return true;
        }
    } else if (watched == m_list) {
        if (isEnter(key)) {
            chooseDefault();
            return true;
        }
        const QModelIndex current = m_list->currentIndex();
        if (key->key() == Qt::Key_Up && (!current.isValid() || current.row() == 0)) {
            m_filterEdit->setFocus();
            return true;
        }
        // Typing in the list goes on in the field, so the filter can be refined without reaching for the mouse.
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_filterEdit->setFocus();
            m_filterEdit->insert(text);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RoomDirectoryDialog::applyErrorColor()
{
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, Theme::errorColor(palette()));
    m_errorLabel->setPalette(errorPalette);
}

QString RoomDirectoryDialog::typedRoomName() const
{
    QString room = m_filterEdit->text().trimmed();
    if (room.startsWith(u'#'))
        room.remove(0, 1);
    return room.toLower();
}

void RoomDirectoryDialog::onFilterEdited(const QString &text)
{
    m_filter->setFilterText(text);
    // A name offered for creation is what Enter should do, unless the user moves into the list;
    // otherwise Enter takes the room named exactly, or else the busiest match.
    m_list->selectionModel()->clear();
    if (roomToCreate().isEmpty()) {
        const QString room = typedRoomName();
        int row = 0;
        for (int i = 0; i < m_filter->rowCount(); ++i) {
            if (m_filter->index(i, 0).data(RoomDirectoryModel::NameRole).toString() == room) {
                row = i;
                break;
            }
        }
        selectRow(row);
    }
    updateState();
}

void RoomDirectoryDialog::onRoomsChanged()
{
    // A new list may have taken the selected room away, or brought the room the user is typing.
    if (roomToCreate().isEmpty() && !m_list->selectionModel()->hasSelection())
        selectRow(0);
    updateState();
}

void RoomDirectoryDialog::updateState()
{
    const bool loaded = m_model && m_model->isLoaded();
    const int matches = m_filter->rowCount();

    if (matches > 0) {
        m_stack->setCurrentWidget(m_list);
    } else {
        if (!loaded)
            m_stateLabel->setText(tr("Loading rooms…"));
        else if (m_filter->filterText().isEmpty())
            m_stateLabel->setText(tr("There are no rooms yet. Type a name to create one."));
        else
            m_stateLabel->setText(tr("No rooms match"));
        m_stack->setCurrentWidget(m_stateLabel);
    }

    // Until the list has arrived the typed room may exist already: the button says join, not create.
    const QString toCreate = roomToCreate();
    m_createButton->setVisible(!toCreate.isEmpty());
    if (!toCreate.isEmpty())
        m_createButton->setText(loaded ? tr("Create #%1").arg(toCreate) : tr("Join #%1").arg(toCreate));

    // Only when the text can neither be found nor be a room's name does the rule for room names help.
    QString error;
    const QString typed = typedRoomName();
    if (matches == 0 && !typed.isEmpty()) {
        if (const auto invalid = Protocol::validateRoomName(typed))
            error = invalid->message;
    }
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());

    const QModelIndex selected = selectedIndex();
    const bool joined = selected.data(RoomDirectoryModel::JoinedRole).toBool();
    m_joinButton->setText(joined ? tr("Open") : tr("Join"));
    m_joinButton->setEnabled(selected.isValid());
}

void RoomDirectoryDialog::selectRow(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    if (!index.isValid())
        return;
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index);
}

void RoomDirectoryDialog::chooseSelected()
{
    const QString room = selectedRoom();
    if (!room.isEmpty())
        requestJoin(room);
}

void RoomDirectoryDialog::chooseTyped()
{
    const QString room = roomToCreate();
    if (!room.isEmpty())
        requestJoin(room);
}

void RoomDirectoryDialog::chooseDefault()
{
    if (!selectedRoom().isEmpty())
        chooseSelected();
    else
        chooseTyped();
}

void RoomDirectoryDialog::requestJoin(const QString &room)
{
    emit joinRequested(room);
    accept();
}

} // namespace Natter
