#pragma once

// Paints one MessageModel row as a chat message and tells which link, retry marker or text position a point hits.
//
// A row, top to bottom: a "New messages" line with a centred label in an accent colour when UnreadMarkerRole is
// set; a day separator ("Today", "Yesterday", a date) when DayChangeRole is set; on the first row of a group a
// header with the sender's name in their colour and the time; the text as PLAIN text, word-wrapped, with its line
// breaks kept, its light formatting (MessageMarkup: bold, italic, code, code blocks with a Copy button, quote lines,
// highlighted mentions) drawn with format ranges, its links underlined and the part the user selected (textSelection())
// in the palette's Highlight colours; then the delivery state: a "sending…" marker after a pending text, a red "Not
// sent — click to retry" line under a failed one (with the reason from FailureReasonRole when there is one, elided to
// one line). An action is one italic line "* Name text" and has no header. A row that mentions the user (MentionRole)
// has a tinted band behind its message and an accent bar at its left edge. The accent colours come from MessageText,
// chosen per background so that they stay readable in light and dark themes. MessageLayout says where each part
// goes; this class measures, caches and hit-tests with it, and MessagePainter paints it.
//
// Heights: QListView asks for the sizeHint of every row on every layout (and lays out again on every insertion),
// and laying out text for 100,000 rows would take a third of a second. So sizeHint() gives a row's EXACT height only
// once the row has been measured (measure(), which the view calls for the rows on screen and a few screens around
// them), and otherwise an ESTIMATE that costs no text layout (HeightEstimator): the heights of the row's bands (the
// "New messages" line, day separator, header, marker: from its presentation roles, one table per font) plus the
// lines its text would take at this width, from its length and paragraphs and the font's average character width. The
// view lays out again when a measured row's height differs from its estimate, and keeps the reader's place while it
// does.
//
// The heights live in one MessageHeights per model (setSourceModel() says which one the view shows), kept by row
// and in step with the model's own signals, for the last few conversations shown: switching back to one needs no
// measuring. An exact height is kept with the width it was measured at, so after a width change every row is
// estimated again from what was read once, without the model, until measured at the new width. A font change
// forgets all exact heights; a change of a role that affects height (affectsHeightRoles()) forgets that row.
// paint() never reads the heights; it lays the row out again, which is cheap for the few rows on screen.

#include "heightestimator.h"
#include "messageheights.h"
#include "messagelayout.h"
#include "messagepainter.h"

#include <QFont>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QDate;

namespace Natter {

class MemberModel;
class MessageFonts;

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // option.rect is the row's rectangle, and pos is in the same coordinates. An empty QUrl if no link is hit.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The code block whose Copy button is at pos, or under pos; -1 if none.
    int copyButtonAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    int codeBlockAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The reaction chip at pos, if there is one.
    std::optional<ReactionChip> reactionAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                           const QPoint &pos) const;
    // The code of each fenced block of the row's text, in order, line breaks as '\n'.
    static QStringList codeBlocks(const QModelIndex &index);
    // The members of the shown conversation, whose @mentions are highlighted (as are the user's own). The
    // delegate does not own them; nullptr: none.
    void setMembers(MemberModel *members);
    // Whether pos is on the "Not sent — click to retry" marker of a failed row.
    bool hitsRetry(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The seq a reply answers when pos is on its quote line; 0 otherwise.
    qint64 quotedSeqAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The text laid out and painted as the row's body: the text with its formatting marks read (MessageMarkup),
    // each line break as QChar::LineSeparator, after "* Name " for an action. Never rich text.
    QString displayedText(const QModelIndex &index) const;
    // The cursor position in displayedText() at pos; Strict: -1 unless pos is on the text.
    int cursorAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos,
                 MessageLayout::CursorHit hit) const;
    // [start, end) in displayedText() of the word at pos; empty if pos is on no word.
    std::pair<int, int> wordAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;

    // The part of one message's body text selected with the mouse, painted in the palette's Highlight colours.
    // Positions are in displayedText(); the view sets it and repaints the row.
    struct TextSelection
    {
        QPersistentModelIndex index;
        int anchor = 0; // where the drag started
        int position = 0; // where it is now
        int start() const { return std::min(anchor, position); }
        int end() const { return std::max(anchor, position); }
        bool isEmpty() const { return !index.isValid() || anchor == position; }
    };
    void setTextSelection(const TextSelection &selection);
    const TextSelection &textSelection() const { return m_selection; }
    // The selected part as plain text, line breaks as '\n'; empty if nothing is selected.
    QString selectedText() const;

    // The model whose rows the view's indexes stand for: heights are kept per model (see above). nullptr: the
    // model of the indexes asked about.
    void setSourceModel(const QAbstractItemModel *model);
    // Lays the row out at option.rect's width and keeps its exact height. Returns whether that height differs
    // from the one sizeHint() gave before, that is whether the view must lay its rows out again.
    bool measure(const QStyleOptionViewItem &option, const QModelIndex &index);
    // Whether sizeHint() gives the row's exact height at this width rather than an estimate.
    bool hasExactHeight(const QModelIndex &index, int width) const;

    // Whether a change of these roles (empty: all) can change a row's height.
    static bool affectsHeightRoles(const QList<int> &roles);
    // Forgets every height of every conversation.
    void invalidateAll();

    // The height of the shortest row (a one-line grouped message) in this font.
    int minimumRowHeight(const QFont &font) const;

    // "Today", "Yesterday" or the date in the locale's long format.
    static QString dayLabel(const QDate &date, const QDate &today);

private:
    // Heights are kept for the conversations shown last, up to this many.
    static constexpr std::size_t KeptConversations = 8;

    MessageHeights &heightsOf(const QAbstractItemModel *model) const;
    MessageHeights &heightsFor(const QModelIndex &index, const QFont &font) const;
    void readShape(MessageHeights::Row &row, const MessageHeights &heights, int rowNumber) const;
    const MessageFonts &fontsFor(const QFont &font) const;
    // The painter's colours, and who a mention highlights.
    MessageLayout::Colors colorsFor(const QStyleOptionViewItem &option, const QModelIndex &index,
                                    const MessageRow &row) const;

    mutable std::unique_ptr<MessageFonts> m_fonts;
    mutable std::vector<std::unique_ptr<MessageHeights>> m_heights; // the most recently shown first
    mutable MessageHeights *m_current = nullptr;
    mutable HeightEstimator m_estimator;
    MessagePainter m_painter;
    TextSelection m_selection;
    QPointer<MemberModel> m_members;
};

} // namespace Natter
