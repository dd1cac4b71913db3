#include "messagemenu.h"

#include "messagemodel.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Natter {

MessageMenu::MessageMenu(const QModelIndex &index, const QString &text, const QUrl &link, const CodeBlocks &code,
                         QWidget *parent)
    : QMenu(parent)
{
    setObjectName(u"messageMenu"_s);
    setAttribute(Qt::WA_DeleteOnClose);

    connect(addAction(tr("Copy Text")), &QAction::triggered, this,
            [text] { QGuiApplication::clipboard()->setText(text); });
    if (!link.isEmpty()) {
        connect(addAction(tr("Copy Link")), &QAction::triggered, this,
                [link] { QGuiApplication::clipboard()->setText(link.toString()); });
    }
    const auto addCopyCode = [this](const QString &label, const QString &block) {
        QAction *action = addAction(label);
        action->setObjectName(u"copyCodeAction"_s);
        connect(action, &QAction::triggered, this, [block] { QGuiApplication::clipboard()->setText(block); });
    };
    if (code.pointed >= 0 && code.pointed < code.code.size())
        addCopyCode(tr("Copy Code"), code.code.at(code.pointed));
    else if (code.code.size() == 1)
        addCopyCode(tr("Copy Code"), code.code.constFirst());
    else
        for (qsizetype i = 0; i < code.code.size(); ++i)
            addCopyCode(tr("Copy Code Block %1").arg(i + 1), code.code.at(i));
    if (index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Failed)) {
        const QString id = index.data(MessageModel::IdRole).toString();
        connect(addAction(tr("Retry")), &QAction::triggered, this, [this, id] { emit retryRequested(id); });
        connect(addAction(tr("Delete")), &QAction::triggered, this, [this, id] { emit discardRequested(id); });
    }
    const bool sent =
        index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Sent);
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    if (sent && !index.data(MessageModel::DeletedRole).toBool()) {
        QAction *replyAction = addAction(tr("Reply"));
        replyAction->setObjectName(u"replyAction"_s);
        connect(replyAction, &QAction::triggered, this, [this, seq] { emit replyRequested(seq); });
    }
    if (sent && index.data(MessageModel::IsOwnRole).toBool() && !index.data(MessageModel::DeletedRole).toBool()) {
        const QString whole = index.data(MessageModel::TextRole).toString();
        addSeparator();
        QAction *editAction = addAction(tr("Edit"));
        editAction->setObjectName(u"editMessageAction"_s);
        connect(editAction, &QAction::triggered, this, [this, seq, whole] { emit editRequested(seq, whole); });
        QAction *deleteAction = addAction(tr("Delete…"));
        deleteAction->setObjectName(u"deleteMessageAction"_s);
        connect(deleteAction, &QAction::triggered, this, [this, seq] { emit deleteRequested(seq); });
    }
}

} // namespace Natter
