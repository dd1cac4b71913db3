#pragma once

// The message search beside the conversation: a field, where to search (the open conversation or everywhere), the
// hits with their snippets, and a line that says what is going on. Typing searches after a short pause, Enter at
// once; Down moves into the hits, and Enter or a click on one opens it. Escape closes the panel.

#include "conversationid.h"

#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
QT_END_NAMESPACE

namespace Natter {

class ChatSession;
class SearchResultsModel;

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    // The pause after the last key before the search goes out.
    static constexpr int TypingPauseMs = 300;

    explicit SearchPanel(ChatSession *session, QWidget *parent = nullptr);

    // Shows the panel with the field focused, searching `conversation` or, if everywhere, all of them.
    void openFor(const ConversationId &conversation, bool everywhere);
    SearchResultsModel *results() const { return m_results; }
    QLineEdit *field() const { return m_field; }
    QListView *list() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void hitChosen(const Natter::ConversationId &conversation, qint64 seq);
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void updateStatus();
    void choose(const QModelIndex &index);
    ConversationId scope() const;

    ChatSession *m_session;
    SearchResultsModel *m_results;
    QLineEdit *m_field;
    QComboBox *m_scope;
    QLabel *m_status;
    QListView *m_list;
    QTimer m_pause;
    ConversationId m_conversation; // the one "this conversation" means
};

} // namespace Natter
