#pragma once

// The right-click menu of one message in a MessageView: copy its text, a link or a code block in it, retry or drop a
// message that failed, and answer, react to, edit or delete a sent one. It deletes itself once closed.

#include <QMenu>
#include <QModelIndex>
#include <QStringList>
#include <QUrl>

namespace Natter {

class MessageMenu : public QMenu
{
    Q_OBJECT

public:
    // The message's code blocks, and the one under the pointer (-1: none).
    struct CodeBlocks
    {
        QStringList code;
        int pointed = -1;
    };

    // `text` is what Copy Text copies; `link`, when not empty, the link under the pointer.
    MessageMenu(const QModelIndex &index, const QString &text, const QUrl &link, const CodeBlocks &code,
                QWidget *parent);

    // Adds the React submenu (the frequent emoji, the user's own checked, and More…) when the message takes
    // reactions: confirmed, a text or an action, not deleted. A message with `limit` different emoji already is
    // offered only those (the others disabled, saying why). Returns whether it did.
    bool addReactions(const QModelIndex &index, int limit);
    // Whether the message takes reactions: confirmed, a text or an action, not deleted.
    static bool takesReactions(const QModelIndex &index);

signals:
    void retryRequested(const QString &messageId);
    void discardRequested(const QString &messageId);
    void editRequested(qint64 seq, const QString &text);
    void deleteRequested(qint64 seq);
    void replyRequested(qint64 seq);
    // The user picked `emoji` in the React submenu: on unless it was already theirs.
    void reactionToggled(qint64 seq, const QString &emoji, bool on);
    // The user wants to react with another emoji than the frequent ones.
    void reactionPickerRequested(qint64 seq);
};

} // namespace Natter
