#include "roomdirectorydelegate.h"

#include "roomdirectorymodel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace Natter {

namespace {

constexpr int Padding = 6;

// Text one step quieter than the row's own: the placeholder colour, or the highlighted text made fainter.
QColor dimColor(const QStyleOptionViewItem &option, bool selected)
{
    if (!selected)
        return option.palette.color(QPalette::PlaceholderText);
    QColor color = option.palette.color(QPalette::HighlightedText);
    color.setAlphaF(0.75f);
    return color;
}

QFont smallerFont(const QFont &font)
{
    QFont smaller = font;
    smaller.setPointSizeF(font.pointSizeF() * 0.9);
    return smaller;
}

} // namespace

QString RoomDirectoryDelegate::memberCountText(int count)
{
    return tr("%n member(s)", nullptr, count);
}

QString RoomDirectoryDelegate::joinedText()
{
    return tr("Joined");
}

QSize RoomDirectoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const int height = option.fontMetrics.lineSpacing() + QFontMetrics(smallerFont(option.font)).lineSpacing();
    return {option.rect.width(), height + 3 * Padding};
}

void RoomDirectoryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear(); // the style paints the background and focus only; the text is ours
    panel.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &panel, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor quietColor = dimColor(option, selected);
    const QRect content = option.rect.adjusted(Padding * 2, Padding, -Padding * 2, -Padding);
    const QFont small = smallerFont(option.font);
    const QFontMetrics smallMetrics(small);
    const int firstLine = option.fontMetrics.lineSpacing();

    // First line, right to left: member count, then the Joined tag, then the name in what is left.
    QRect nameRect(content.left(), content.top(), content.width(), firstLine);
    painter->setFont(small);
    painter->setPen(quietColor);
    const QString count = memberCountText(index.data(RoomDirectoryModel::MemberCountRole).toInt());
    const int countWidth = smallMetrics.horizontalAdvance(count);
    painter->drawText(QRect(nameRect.right() - countWidth, nameRect.top(), countWidth, firstLine),
                      Qt::AlignRight | Qt::AlignVCenter, count);
    nameRect.setRight(nameRect.right() - countWidth - Padding * 2);

    if (index.data(RoomDirectoryModel::JoinedRole).toBool()) {
        const QString joined = joinedText();
        const int tagWidth = smallMetrics.horizontalAdvance(joined) + Padding * 2;
        const int tagHeight = smallMetrics.height() + 2;
        const QRectF tag(nameRect.right() - tagWidth, nameRect.top() + (firstLine - tagHeight) / 2.0, tagWidth,
                         tagHeight);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(quietColor, 1));
        painter->drawRoundedRect(tag.adjusted(0.5, 0.5, -0.5, -0.5), tagHeight / 2.0, tagHeight / 2.0);
        painter->drawText(tag, Qt::AlignCenter, joined);
        nameRect.setRight(int(tag.left()) - Padding);
    }

    QFont nameFont = option.font;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(textColor);
    // Room names are plain ASCII by the protocol's rules; drawText never reads markup.
    const QString name = QStringLiteral("# ") + index.data(RoomDirectoryModel::NameRole).toString();
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, std::max(0, nameRect.width())));

    // Second line: the topic, quieter, on one line however long it is.
    QString topic = index.data(RoomDirectoryModel::TopicRole).toString();
    topic.replace(u'\n', u' ');
    if (!topic.isEmpty()) {
        const QRect topicRect(content.left(), content.top() + firstLine + Padding, content.width(),
                              smallMetrics.lineSpacing());
        painter->setFont(small);
        painter->setPen(quietColor);
        painter->drawText(topicRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(topic, Qt::ElideRight, topicRect.width()));
    }
    painter->restore();
}

} // namespace Natter
