#pragma once

// Paints one MessageModel row as a chat message and tells which link, retry marker or text position a point hits.
//
// A row, top to bottom: a "New messages" line with a centred label in an accent colour when UnreadMarkerRole is
// set; a day separator ("Today", "Yesterday", a date) when DayChangeRole is set; on the first row of a group a
// header with the sender's name in their colour and the time; the text as PLAIN text, word-wrapped, with its line
// breaks kept, its links underlined and the part the user selected (textSelection()) in the palette's Highlight
// colours; then the delivery state: a "sending…" marker after a pending text, a red "Not sent — click to retry"
// line under a failed one (with the reason from FailureReasonRole when there is one, elided to one line). An
// action is one italic line "* Name text" and has no header. A row that mentions the user (MentionRole) has a
// tinted band behind its message and an accent bar at its left edge. The accent colours come from MessageText,
// chosen per background so that they stay readable in light and dark themes. MessageLayout says where each part
// goes; this class measures, caches, paints and hit-tests with it.
//
// Height cache: QListView asks for the sizeHint of every row on every layout (and lays out again on every
// insertion), and laying out text is the dominant cost of a conversation with 100,000 rows. So sizeHint()
// keeps each row's height, keyed by the row's identity from IdRole + SeqRole: a confirmed row by its seq,
// unique in a conversation and an integer (cheap to hash 100,000 times per layout); a pending or failed row,
// which has no seq yet, by its id. The cache holds heights for one width and one font: a sizeHint() for
// another width or font empties it. The view keeps it true: invalidate() for the rows of a dataChanged (only
// when a role that affects height changed; it drops both keys, so a row confirmed in place leaves nothing
// stale) and for rows about to be removed; invalidateAll() on a model reset or a switch of conversation.
// paint() never reads the cache; it lays the row out again, which is cheap for the few rows on screen.

#include "messagelayout.h"

#include <QFont>
#include <QHash>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <utility>

class QDate;

namespace Natter {

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
    // Whether pos is on the "Not sent — click to retry" marker of a failed row.
    bool hitsRetry(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The text laid out and painted as the row's body: the raw text, with each line break as
    // QChar::LineSeparator, after "* Name " for an action. Never rich text.
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

    // Whether a change of these roles (empty: all) can change a row's height.
    static bool affectsHeightRoles(const QList<int> &roles);
    // Drops the cached heights of rows first..last. Returns whether roles (empty: all) can change a height,
    // that is whether the view must lay its rows out again.
    bool invalidate(const QModelIndex &first, const QModelIndex &last, const QList<int> &roles = {});
    void invalidateAll();
    qsizetype cachedHeightCount() const { return m_confirmedHeights.size() + m_unconfirmedHeights.size(); }

    // The height of the shortest row (a one-line grouped message) in this font.
    int minimumRowHeight(const QFont &font) const;

    // "Today", "Yesterday" or the date in the locale's long format.
    static QString dayLabel(const QDate &date, const QDate &today);

private:
    void forget(const QModelIndex &index);
    void paintUnreadLine(QPainter *painter, const QStyleOptionViewItem &option, const MessageLayout &layout) const;
    void paintSeparator(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                        const MessageLayout &layout) const;
    void paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                     const MessageLayout &layout) const;
    void paintBody(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   const MessageRow &row, const MessageLayout &layout) const;
    MessageLayout::Colors colorsFor(const QStyleOptionViewItem &option, const MessageRow &row) const;
    const MessageFonts &fontsFor(const QFont &font) const;
    QColor cachedSenderColor(const QString &name, const QColor &background) const;

    mutable std::unique_ptr<MessageFonts> m_fonts;
    mutable QHash<qint64, int> m_confirmedHeights; // by seq
    mutable QHash<QString, int> m_unconfirmedHeights; // by id
    mutable int m_cacheWidth = -1;
    mutable QFont m_cacheFont;
    mutable QHash<QString, QColor> m_senderColors; // for m_senderColorsBackground
    mutable QRgb m_senderColorsBackground = 0;
    TextSelection m_selection;
};

} // namespace Natter
