#pragma once

// One conversation's row heights as the message delegate knows them, row by row and kept in step with the model:
// exact where a row was laid out at the view's width, and otherwise what an estimate needs (the row's presentation
// and its text's length), read once from the model.
//
// Heights are kept by row rather than by a key read from the model, so that QListView's layout, which asks for
// every row's height on every pass, costs no model lookup per row. The object follows the model's own signals
// (inserts, removals, moves, resets, and changes of the roles a height depends on); it connects to the model when
// it is made, so it hears of a change before any view that shows the model through a proxy made later.

#include <QList>
#include <QObject>

class QAbstractItemModel;

namespace Natter {

class MessageHeights : public QObject
{
    Q_OBJECT

public:
    // What an estimate of a row's height needs, and its exact height once measured.
    struct Row
    {
        enum Flag : quint8 {
            Known = 1, // the rest of the shape was read from the model
            UnreadMarker = 2,
            DayChange = 4,
            FirstOfGroup = 8,
            Action = 16,
            Pending = 32,
            Failed = 64,
            Reactions = 128, // chips under the text: estimated as one line of them
        };
        int exact = 0; // valid when exactWidth is the width asked for
        int exactWidth = -1;
        int characters = 0; // of the body text
        quint16 paragraphs = 1; // lines the text has before wrapping
        quint8 flags = 0;
        bool isKnown() const { return flags & Known; }
    };
    static_assert(sizeof(Row) <= 16, "a conversation holds a hundred thousand of them");

    explicit MessageHeights(const QAbstractItemModel *model);

    const QAbstractItemModel *model() const { return m_model; }
    qsizetype size() const { return m_rows.size(); }
    Row &at(int row) { return m_rows[row]; }
    const Row &at(int row) const { return m_rows.at(row); }
    // Forgets every exact height (the font changed) but keeps what estimates need.
    void forgetExactHeights();
    // Forgets everything of rows first..last.
    void forget(int first, int last);

private:
    void reload();

    const QAbstractItemModel *m_model;
    QList<Row> m_rows;
};

} // namespace Natter
