#include "messagemenu.h"

#include "emojipicker.h"
#include "messagemodel.h"
#include "reactionchips.h"

#include <QClipboard>
#include <QGuiApplication>

#include <algorithm>

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

namespace Natter {

bool MessageMenu::takesReactions(const QModelIndex &index)
{
    const auto kind = static_cast<Protocol::MessageKind>(index.data(MessageModel::KindRole).toInt());
    return index.data(MessageModel::SeqRole).toLongLong() > 0 && !index.data(MessageModel::DeletedRole).toBool()
        && index.data(MessageModel::StateRole).toInt() == static_cast<int>(MessageModel::DeliveryState::Sent)
        && (kind == Protocol::MessageKind::Text || kind == Protocol::MessageKind::Action);
}

bool MessageMenu::addReactions(const QModelIndex &index, int limit)
{
    if (!takesReactions(index))
        return false;
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    const ReactionList reactions = index.data(MessageModel::ReactionsRole).value<ReactionList>();
    // After Reply, before the user's own Edit and Delete.
    const QList<QAction *> present = actions();
    const auto reply = std::find_if(present.cbegin(), present.cend(),
                                    [](const QAction *action) { return action->objectName() == u"replyAction"_s; });
    QAction *before = reply != present.cend() && reply + 1 != present.cend() ? *(reply + 1) : nullptr;
    QMenu *react = new QMenu(tr("React"), this);
    react->setObjectName(u"reactMenu"_s);
    react->menuAction()->setObjectName(u"reactAction"_s);
    insertMenu(before, react);
    react->setToolTipsVisible(true);
    const QString full = ReactionChips::fullText(limit);
    for (const QString &emoji : EmojiPicker::frequent()) {
        QAction *action = react->addAction(emoji);
        action->setObjectName(u"reactWith"_s);
        action->setData(emoji);
        action->setCheckable(true);
        const bool mine = ReactionChips::isMine(reactions, emoji);
        action->setChecked(mine);
        if (!MessageReactions::takes(reactions, emoji, limit)) {
            action->setEnabled(false);
            action->setToolTip(full);
        }
        connect(action, &QAction::triggered, this,
                [this, seq, emoji, mine] { emit reactionToggled(seq, emoji, !mine); });
    }
    react->addSeparator();
    QAction *more = react->addAction(tr("More…"));
    more->setObjectName(u"reactMore"_s);
    if (reactions.size() >= limit) { // the picker would offer only emoji the message cannot take
        more->setEnabled(false);
        more->setToolTip(full);
    }
    connect(more, &QAction::triggered, this, [this, seq] { emit reactionPickerRequested(seq); });
    return true;
}

} // namespace Natter
