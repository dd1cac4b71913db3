#pragma once

// A small dialog to pick an emoji to react with: a grid of a few dozen common ones, filtered by what is typed in
// its search field (English keywords), picked with a click, or with the arrow keys and Enter.

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace Natter {

class EmojiPicker : public QDialog
{
    Q_OBJECT

public:
    explicit EmojiPicker(QWidget *parent = nullptr);

    // The six offered first, in every message's menu.
    static QStringList frequent();
    // Every emoji the picker offers, in order.
    static QStringList all();
    QListWidget *grid() const { return m_grid; }
    QLineEdit *searchField() const { return m_search; }

signals:
    void picked(const QString &emoji);

private:
    void filter(const QString &text);
    void choose(QListWidgetItem *item);

    QLineEdit *m_search;
    QListWidget *m_grid;
    bool m_chosen = false;
};

} // namespace Natter
