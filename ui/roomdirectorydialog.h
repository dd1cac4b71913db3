#pragma once

// Lets the user find a room on the server by name or topic and join it, or create one by typing a new name.

#include <QDialog>
#include <QModelIndex>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Natter {

class RoomDirectoryFilter;
class RoomDirectoryModel;

class RoomDirectoryDialog : public QDialog
{
    Q_OBJECT

public:
    // The model is not owned and may change while the dialog is open; serverName goes into the title.
    explicit RoomDirectoryDialog(RoomDirectoryModel *model, const QString &serverName, QWidget *parent = nullptr);

    // The room the selected row stands for, or empty.
    QString selectedRoom() const;
    // The room name the typed text asks for when no such room is listed yet, or empty when it asks for none.
    QString roomToCreate() const;

signals:
    // The user chose a room to join (or, when already in it, to open); the dialog closes right after.
    void joinRequested(const QString &room);
    // The dialog was shown: the caller may ask the server for a fresh list of rooms.
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The typed text as a room name: without surrounding spaces or a leading '#', in lower case.
    QString typedRoomName() const;
    QModelIndex selectedIndex() const;
    void applyErrorColor();
    void onFilterEdited(const QString &text);
    void onRoomsChanged();
    // Shows what the model and the typed text mean now: the list or a state line, the create button, the rule
    // for room names, and whether the button says Join or Open.
    void updateState();
    void selectRow(int row);
    void chooseSelected();
    void chooseTyped();
    // Enter in the field or the list: the selected row, else the room to create.
    void chooseDefault();
    void requestJoin(const QString &room);

    QPointer<RoomDirectoryModel> m_model;
    RoomDirectoryFilter *m_filter = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_createButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_joinButton = nullptr;
};

} // namespace Natter
