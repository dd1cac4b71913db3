#pragma once

// Lets the user jump to any conversation by typing a few letters of its name.

#include <QFrame>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QStackedWidget;

namespace Natter {

class QuickSwitcherModel;

// A popup over the conversation list: a search field and the conversations it matches, best first. Typing
// filters, the first match is always selected, Up/Down/PageUp/PageDown move the selection while the keyboard
// stays in the field, Enter or a click picks, Esc or a click elsewhere closes.
class QuickSwitcher : public QFrame
{
    Q_OBJECT

public:
    // conversations has RoomListModel's roles (KeyRole, NameRole, KindRole, UnreadRole) and outlives the
    // switcher; normally it is the window's RoomListModel. parent places the popup: over its window, centred
    // near the top. Create one per window and call open() whenever the user asks for it.
    explicit QuickSwitcher(QAbstractItemModel *conversations, QWidget *parent = nullptr);

    // Shows the switcher with an empty query and the keyboard in the search field.
    void open();

signals:
    // The KeyRole of the conversation picked ("#room" or "@peer"); the switcher has closed itself by then.
    void conversationChosen(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyQuery(const QString &query);
    void choose(const QModelIndex &index);
    void keepSelection();
    void placeOverParentWindow();

    QuickSwitcherModel *m_model = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QStackedWidget *m_results = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_noMatchLabel = nullptr;
};

} // namespace Natter
