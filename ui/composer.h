#pragma once

// Where the user writes a message: it grows with the text, Enter sends, Shift+Enter starts a new line, and a
// character counter warns before the server's size limit is reached. It also edits a message already sent: a
// strip above says so, Enter saves, Esc gives up and puts back what was being written before. And it answers a
// message: the strip quotes it, Enter sends the answer, Esc writes a plain message instead.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Natter {

class MentionCompleter;

class Composer : public QWidget
{
    Q_OBJECT
public:
    // The editor grows up to this many laid-out lines, then scrolls inside.
    static constexpr int MaximumVisibleLines = 8;
    // The counter appears once a message uses this share of the limit; before that it would only be noise.
    static constexpr double CounterThreshold = 0.8;

    explicit Composer(QWidget *parent = nullptr);

    // The most UTF-8 bytes a message may have (from the server's welcome).
    void setMaxBytes(int bytes);
    int maxBytes() const { return m_maxBytes; }
    void setPlaceholder(const QString &text);
    // Puts a saved draft back: neither typing() nor textEdited() is emitted, and the cursor goes to the end.
    void setText(const QString &text);
    QString text() const;
    // Empties the editor without reporting an edit.
    void clear();
    QPlainTextEdit *editor() const { return m_editor; }
    // The members "@" offers to mention (a MemberModel; null for none).
    void setMembers(QAbstractItemModel *members);
    MentionCompleter *mentionCompleter() const { return m_mentions; }

    // Edits the user's message `seq`, whose text is `text`; what was in the editor comes back afterwards.
    void beginEdit(qint64 seq, const QString &text);
    void cancelEdit();
    qint64 editingSeq() const { return m_editingSeq; }
    // Answers message `seq` by `from`, which reads `quote`; ends an edit first.
    void beginReply(qint64 seq, const QString &from, const QString &quote);
    void cancelReply();
    qint64 replyingTo() const { return m_replyTo; }

signals:
    // The editor empties itself right after this, without textEdited(); a caller keeping drafts drops this one.
    void sendRequested(const QString &text);
    void typing();
    // Only the user's own edits (typing, pasting, undo), never setText() or the clearing after a send.
    void textEdited(const QString &text);
    // Enter while editing: the new text for message `seq`.
    void editRequested(qint64 seq, const QString &text);
    // Enter while answering: the answer to message `seq`. The editor empties itself right after, as for a send.
    void replyRequested(qint64 seq, const QString &text);
    // Up in an empty editor: the user wants to edit their last message.
    void editLastRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void handleTextChanged();
    void updateCounter();
    void updateEditorHeight();
    void replaceText(const QString &text);
    void endEdit();
    void showBar(const QString &title, const QString &hint);

    QPlainTextEdit *m_editor;
    MentionCompleter *m_mentions;
    QLabel *m_counter;
    QPushButton *m_sendButton;
    QWidget *m_editBar;
    QLabel *m_barTitle;
    QLabel *m_barHint;
    qint64 m_editingSeq = 0;
    qint64 m_replyTo = 0;
    QString m_stashedText; // the draft set aside while editing
    int m_maxBytes = 16 * 1024;
    bool m_replacingText = false;
};

} // namespace Natter
