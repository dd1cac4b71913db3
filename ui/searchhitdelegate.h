#pragma once

// Paints one search hit: where it is and who wrote it, with the time on the right, and below it the snippet as the
// message reads (bold, italic and code drawn, their marks gone) with the words that matched in bold on a tinted band.
// The snippet wraps to at most SnippetLines lines.

#include <QStyledItemDelegate>
#include <QTextLayout>

namespace Natter {

class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int SnippetLines = 3;

    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // Lays the snippet out in `width`; returns its height, at most SnippetLines lines.
    static int layoutSnippet(QTextLayout &layout, const QStyleOptionViewItem &option, const QModelIndex &index,
                             int width);
};

} // namespace Natter
