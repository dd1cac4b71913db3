#include "linklabel.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>

#include <cmath>

namespace Natter {

LinkLabel::LinkLabel(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void LinkLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_links = MessageText::findLinks(text);
    m_layoutWidth = -1;
    setAccessibleName(text);
    // A tooltip is read as rich text when it looks like it: the topic must stay plain.
    setToolTip(text.size() > 80 ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : QString());
    updateGeometry();
    update();
}

void LinkLabel::setMaximumLines(int lines)
{
    m_maximumLines = lines;
    m_layoutWidth = -1;
    updateGeometry();
    update();
}

int LinkLabel::layOut(int width) const
{
    width = std::max(width, 1);
    if (width == m_layoutWidth)
        return static_cast<int>(std::ceil(m_layout.boundingRect().height()));
    m_layoutWidth = width;
    m_layout.clearLayout();
    m_layout.setText(MessageText::layoutText(m_text));
    m_layout.setFont(font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout.setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    for (const MessageText::Link &link : m_links) {
        QTextCharFormat format;
        format.setForeground(palette().color(QPalette::Link));
        format.setFontUnderline(true);
        formats.append({static_cast<int>(link.start), static_cast<int>(link.length), format});
    }
    m_layout.setFormats(formats);
    m_layout.beginLayout();
    qreal y = 0;
    int lines = 0;
    while (true) {
        QTextLine line = m_layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        if (m_maximumLines > 0 && ++lines >= m_maximumLines)
            break;
    }
    m_layout.endLayout();
    return static_cast<int>(std::ceil(y));
}

int LinkLabel::heightForWidth(int width) const
{
    return m_text.isEmpty() ? 0 : layOut(width);
}

QSize LinkLabel::sizeHint() const
{
    const int width = fontMetrics().horizontalAdvance(m_text) + 2;
    return {std::min(width, 600), heightForWidth(std::min(width, 600))};
}

QSize LinkLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 8, m_text.isEmpty() ? 0 : fontMetrics().height()};
}

void LinkLabel::paintEvent(QPaintEvent *)
{
    if (m_text.isEmpty())
        return;
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    layOut(width());
    const int lineCount = m_layout.lineCount();
    for (int i = 0; i < lineCount; ++i) {
        const QTextLine line = m_layout.lineAt(i);
        const bool last = i == lineCount - 1;
        const bool cut = last && line.textStart() + line.textLength() < m_layout.text().size();
        if (!cut) {
            line.draw(&painter, QPointF(0, 0));
            continue;
        }
        // The text goes on past the last line shown: end it in an ellipsis instead.
        const QString rest = m_layout.text().mid(line.textStart()).replace(QChar::LineSeparator, u' ');
        const QString elided = fontMetrics().elidedText(rest, Qt::ElideRight, width());
        painter.drawText(QPointF(0, line.y() + line.ascent()), elided);
    }
}

QUrl LinkLabel::linkAt(const QPoint &pos) const
{
    layOut(width());
    for (int i = 0; i < m_layout.lineCount(); ++i) {
        const QTextLine line = m_layout.lineAt(i);
        if (!line.rect().contains(pos))
            continue;
        const int cursor = line.xToCursor(pos.x(), QTextLine::CursorOnCharacter);
        for (const MessageText::Link &link : m_links) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return link.url;
        }
    }
    return {};
}

void LinkLabel::mouseMoveEvent(QMouseEvent *event)
{
    const bool onLink = !linkAt(event->position().toPoint()).isEmpty();
    setCursor(onLink ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void LinkLabel::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QUrl url = linkAt(event->position().toPoint());
        if (!url.isEmpty())
            emit linkActivated(url);
    }
    QWidget::mouseReleaseEvent(event);
}

void LinkLabel::resizeEvent(QResizeEvent *event)
{
    m_layoutWidth = -1;
    QWidget::resizeEvent(event);
}

void LinkLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        m_layoutWidth = -1;
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace Natter
