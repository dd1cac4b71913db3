#pragma once

// Offers the conversation's members while the user types a mention in the composer: "@" and the start of a name
// (in any case) lists the members whose names start so, Up and Down choose, Tab or Enter writes "@Name " in
// place of what was typed, and Escape, a space or moving away closes the list. The editor keeps the focus
// throughout; the list never takes it.

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QListView;
class QPlainTextEdit;
class QSortFilterProxyModel;
QT_END_NAMESPACE

namespace Natter {

class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    // Members offered at once; the list scrolls beyond.
    static constexpr int VisibleRows = 6;

    // Watches `editor`; install it after any other event filter on the editor, so that it sees keys first.
    explicit MentionCompleter(QPlainTextEdit *editor, QObject *parent = nullptr);
    ~MentionCompleter() override;

    // The members to offer: a MemberModel (NameRole, IsSelfRole), or null for none. Not owned.
    void setMembers(QAbstractItemModel *members);
    bool isActive() const;
    QListView *popup() const { return m_popup; }
    // The names offered now, in order.
    QStringList offered() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Where the mention being typed starts (the "@"), or -1 when the cursor is not in one.
    int mentionStart() const;
    void update();
    void complete();
    void hide();
    void move(int step);

    QPlainTextEdit *m_editor;
    QSortFilterProxyModel *m_filter;
    QListView *m_popup;
};

} // namespace Natter
