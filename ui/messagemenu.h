#pragma once

// The right-click menu of one message in a MessageView: copy its text or a link in it, retry or drop a message
// that failed, and answer, edit or delete a sent one. It deletes itself once closed.

#include <QMenu>
#include <QModelIndex>
#include <QUrl>

namespace Natter {

class MessageMenu : public QMenu
{
    Q_OBJECT

public:
    // `text` is what Copy Text copies; `link`, when not empty, the link under the pointer.
    MessageMenu(const QModelIndex &index, const QString &text, const QUrl &link, QWidget *parent);

signals:
    void retryRequested(const QString &messageId);
    void discardRequested(const QString &messageId);
    void editRequested(qint64 seq, const QString &text);
    void deleteRequested(qint64 seq);
    void replyRequested(qint64 seq);
};

} // namespace Natter
