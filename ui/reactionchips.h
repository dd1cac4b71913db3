#pragma once

// Lays out and paints the reactions under a message: one rounded pill per emoji with its count ("👍 3"), the user's
// own tinted with the highlight colour, wrapping onto more lines when they do not fit the message's width.

#include "messagereactions.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>

class QPainter;
class QStyleOptionViewItem;

namespace Natter {

class MessageFonts;

struct ReactionChip
{
    QRect rect;
    QString emoji;
    QString label; // "👍 3"
    int count = 0;
    bool mine = false;
};

class ReactionChips
{
    Q_DECLARE_TR_FUNCTIONS(Natter::ReactionChips)

public:
    // The chips of `reactions` from (left, top), at most `width` wide; `height` is set to the height they take
    // (0 without reactions).
    static QList<ReactionChip> layOut(const MessageFonts &fonts, const ReactionList &reactions, int left, int top,
                                      int width, int &height);
    // The height of one line of chips.
    static int lineHeight(const MessageFonts &fonts);
    // The chip under pos, with a little forgiveness around it; -1 if none.
    static int chipAt(const QList<ReactionChip> &chips, const QPoint &pos, const MessageFonts &fonts);
    static void paint(QPainter *painter, const QStyleOptionViewItem &option, const MessageFonts &fonts,
                      const QList<ReactionChip> &chips);
    // Whether the user is among those who put `emoji` on the message.
    static bool isMine(const ReactionList &reactions, const QString &emoji);
    // What a chip's tooltip says: who put the emoji on the message, plain text (never read as markup).
    static QString reactorsText(const QString &emoji, const QStringList &names, int count);
    // The tooltip before the names are known.
    static QString countText(const QString &emoji, int count);
    // Why a message is offered no new emoji: it has `limit` different ones, all the server takes.
    static QString fullText(int limit);
};

} // namespace Natter
