#pragma once

// Lists every keyboard shortcut of the window and what it does.

#include <QDialog>
#include <QKeySequence>
#include <QList>

#include <utility>

class QAction;
class QTreeWidget;

namespace Natter {

// Actions are grouped under the menu they sit in, in menu order; an action in no menu goes under "Window".
// The keys that are not actions (Enter sends, Ctrl+K opens the quick switcher, …) follow under their own
// heading. Separators, hidden actions and actions without a shortcut are left out.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    using KeyDescription = std::pair<QKeySequence, QString>;

    ShortcutsDialog(const QList<QAction *> &actions, const QList<KeyDescription> &otherKeys, QWidget *parent = nullptr);

    // An action's text as a person reads it: "&Join or Create Room…" becomes "Join or Create Room".
    static QString plainActionText(const QString &text);

private:
    QTreeWidget *m_table = nullptr;
};

} // namespace Natter
