#pragma once

// Shows a short plain text (a room's topic) word-wrapped, with its links underlined and clickable; nothing in
// the text is ever read as markup.

#include "messagetext.h"

#include <QTextLayout>
#include <QUrl>
#include <QWidget>

namespace Natter {

class LinkLabel : public QWidget
{
    Q_OBJECT
public:
    explicit LinkLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // At most this many lines are shown; the last one ends in "…" if the text goes on. 0: no limit.
    void setMaximumLines(int lines);
    QList<MessageText::Link> links() const { return m_links; }
    // The link under pos, in this widget's coordinates; empty if none.
    QUrl linkAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

signals:
    void linkActivated(const QUrl &url);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int layOut(int width) const; // returns the height
    QString shownText(int width) const;

    QString m_text;
    QList<MessageText::Link> m_links;
    int m_maximumLines = 2;
    mutable QTextLayout m_layout;
    mutable int m_layoutWidth = -1;
};

} // namespace Natter
