#include "messagedelegate.h"

#include "messagemodel.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;

struct MessageDelegate::Row
{
    QString sender;
    QString text;
    QDateTime time;
    State state = State::Sent;
    bool action = false;
    bool firstOfGroup = true;
    bool dayChange = false;
};

// Where everything of one row goes, for option.rect. Computed the same way for size, paint and hit tests.
struct MessageDelegate::Geometry
{
    QFont nameFont;
    QFont smallFont;
    int unit = 0; // a quarter of a line: the grain of every margin
    QRect separator; // the day separator band; empty if none
    QRect message; // the rest of the row
    QPoint header; // top-left of the header line
    bool hasHeader = false;
    QPointF textOrigin;
    QTextLayout layout;
    qsizetype prefixLength = 0; // "* Name " of an action
    QList<MessageText::Link> links; // positions in layout.text()
    QString marker; // "sending…" or "Not sent — click to retry"; empty if none
    QRect markerRect;
    int height = 0;
};

namespace {

QFont smallerFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.85);
    else
        small.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    return small;
}

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.5;
}

QColor failedColor(const QPalette &palette)
{
    return isDark(palette.color(QPalette::Base)) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(static_cast<float>(color.alphaF() * alpha));
    return color;
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

MessageDelegate::~MessageDelegate() = default;

QString MessageDelegate::dayLabel(const QDate &date, const QDate &today)
{
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

MessageDelegate::Row MessageDelegate::readRow(const QModelIndex &index)
{
    Row row;
    row.sender = index.data(MessageModel::SenderRole).toString();
    row.text = index.data(MessageModel::TextRole).toString();
    row.time = index.data(MessageModel::TimestampRole).toDateTime();
    row.state = static_cast<State>(index.data(MessageModel::StateRole).toInt());
    row.action = index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action);
    row.firstOfGroup = index.data(MessageModel::FirstOfGroupRole).toBool();
    row.dayChange = index.data(MessageModel::DayChangeRole).toBool();
    return row;
}

QString MessageDelegate::bodyText(const Row &row)
{
    const QString text = MessageText::layoutText(row.text);
    return row.action ? u"* "_s + row.sender + u' ' + text : text;
}

MessageDelegate::RowKey MessageDelegate::keyOf(const QModelIndex &index)
{
    return {index.data(MessageModel::IdRole).toString(), index.data(MessageModel::SeqRole).toLongLong()};
}

void MessageDelegate::layoutRow(const QStyleOptionViewItem &option, const Row &row, Geometry &geometry) const
{
    const QFontMetrics metrics(option.font);
    geometry.nameFont = option.font;
    geometry.nameFont.setBold(true);
    geometry.smallFont = smallerFont(option.font);
    const QFontMetrics nameMetrics(geometry.nameFont);
    const QFontMetrics smallMetrics(geometry.smallFont);
    const int unit = std::max(2, metrics.height() / 4);
    geometry.unit = unit;
    const QRect &rect = option.rect;
    const int left = rect.left() + 3 * unit;
    const int width = std::max(1, rect.width() - 6 * unit);
    int y = rect.top();

    if (row.dayChange) {
        geometry.separator = QRect(rect.left(), y, rect.width(), smallMetrics.height() + 3 * unit);
        y += geometry.separator.height();
    }
    const int messageTop = y;
    y += row.firstOfGroup ? 2 * unit : unit / 2;
    if (row.firstOfGroup && !row.action) {
        geometry.hasHeader = true;
        geometry.header = QPoint(left, y);
        y += nameMetrics.height() + unit / 2;
    }

    // The body: plain text in a QTextLayout, so nothing the user typed is ever interpreted as markup.
    const QString body = bodyText(row);
    geometry.prefixLength = row.action ? row.sender.size() + 3 : 0; // "* Name "
    geometry.links = MessageText::findLinks(body.mid(geometry.prefixLength));
    for (MessageText::Link &link : geometry.links)
        link.start += geometry.prefixLength; // a sender's name is never a link
    QList<QTextLayout::FormatRange> formats;
    QFont bodyFont = option.font;
    if (row.action) {
        bodyFont.setItalic(true);
        QTextCharFormat name;
        name.setFontWeight(QFont::Bold);
        name.setForeground(cachedSenderColor(row.sender, option.palette.color(QPalette::Base)));
        formats.append({2, static_cast<int>(row.sender.size()), name});
    }
    for (const MessageText::Link &link : std::as_const(geometry.links)) {
        QTextCharFormat format;
        format.setFontUnderline(true);
        format.setForeground(option.palette.color(QPalette::Link));
        formats.append({static_cast<int>(link.start), static_cast<int>(link.length), format});
    }
    QTextLayout &layout = geometry.layout;
    layout.setText(body);
    layout.setFont(bodyFont);
    layout.setFormats(formats);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    qreal textHeight = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, textHeight));
        textHeight += line.height();
    }
    layout.endLayout();
    geometry.textOrigin = QPointF(left, y);
    y += static_cast<int>(std::ceil(textHeight));

    if (row.state == State::Pending) {
        // After the last line when it fits, like a chat app's clock; else on a line of its own.
        geometry.marker = tr("sending…");
        const int markerWidth = smallMetrics.horizontalAdvance(geometry.marker);
        const QTextLine last = layout.lineAt(layout.lineCount() - 1);
        const qreal end = last.naturalTextWidth() + 2 * unit;
        if (end + markerWidth <= width) {
            const qreal baseline = geometry.textOrigin.y() + last.y() + last.ascent();
            geometry.markerRect = QRect(left + static_cast<int>(std::ceil(end)),
                                        qRound(baseline) - smallMetrics.ascent(), markerWidth, smallMetrics.height());
        } else {
            geometry.markerRect = QRect(left, y, markerWidth, smallMetrics.height());
            y += smallMetrics.height();
        }
    } else if (row.state == State::Failed) {
        geometry.marker = tr("Not sent — click to retry");
        y += unit / 2;
        geometry.markerRect = QRect(left, y, smallMetrics.horizontalAdvance(geometry.marker), smallMetrics.height());
        y += smallMetrics.height();
    }
    y += unit;
    geometry.message = QRect(rect.left(), messageTop, rect.width(), y - messageTop);
    geometry.height = y - rect.top();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem sized = option;
    if (sized.rect.width() <= 0) {
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        sized.rect.setWidth(view ? view->viewport()->width() : 400);
    }
    const int width = sized.rect.width();
    if (width != m_cacheWidth || sized.font != m_cacheFont) {
        m_heights.clear();
        m_cacheWidth = width;
        m_cacheFont = sized.font;
    }
    RowKey key = keyOf(index);
    if (const auto found = m_heights.constFind(key); found != m_heights.constEnd())
        return {width, found.value()};
    Geometry geometry;
    layoutRow(sized, readRow(index), geometry);
    m_heights.insert(std::move(key), geometry.height);
    return {width, geometry.height};
}

bool MessageDelegate::invalidate(const QModelIndex &first, const QModelIndex &last, const QList<int> &roles)
{
    static const QList<int> heightRoles{
        Qt::DisplayRole,         MessageModel::TextRole,         MessageModel::SenderRole,   MessageModel::KindRole,
        MessageModel::StateRole, MessageModel::FirstOfGroupRole, MessageModel::DayChangeRole};
    const bool affectsHeight = roles.isEmpty()
        || std::any_of(roles.cbegin(), roles.cend(), [](int role) { return heightRoles.contains(role); });
    if (!affectsHeight || !first.isValid() || !last.isValid())
        return affectsHeight;
    if (last.row() - first.row() > 1000) { // cheaper to measure again than to look up each row
        invalidateAll();
        return true;
    }
    for (int row = first.row(); row <= last.row(); ++row)
        m_heights.remove(keyOf(first.siblingAtRow(row)));
    return true;
}

void MessageDelegate::invalidateAll()
{
    m_heights.clear();
}

QColor MessageDelegate::cachedSenderColor(const QString &name, const QColor &background) const
{
    if (background.rgba() != m_senderColorsBackground) {
        m_senderColors.clear();
        m_senderColorsBackground = background.rgba();
    }
    auto found = m_senderColors.find(name);
    if (found == m_senderColors.end())
        found = m_senderColors.insert(name, MessageText::senderColor(name, background));
    return found.value();
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Row row = readRow(index);
    Geometry geometry;
    layoutRow(option, row, geometry);
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    if (row.dayChange)
        paintSeparator(painter, option, row, geometry);
    if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(option.palette.color(QPalette::Highlight), selected ? 0.22 : 0.08));
        const int unit = geometry.unit;
        painter->drawRoundedRect(geometry.message.adjusted(unit, 0, -unit, 0), unit, unit);
    }
    if (geometry.hasHeader)
        paintHeader(painter, option, row, geometry);
    paintBody(painter, option, row, geometry);
    painter->restore();
}

void MessageDelegate::paintSeparator(QPainter *painter, const QStyleOptionViewItem &option, const Row &row,
                                     const Geometry &geometry) const
{
    QFont font = geometry.smallFont;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = dayLabel(row.time.date(), QDate::currentDate());
    const QRect &band = geometry.separator;
    const int unit = geometry.unit;
    const int labelWidth = metrics.horizontalAdvance(label);
    const int labelLeft = band.center().x() - labelWidth / 2;
    const int middle = band.top() + band.height() / 2;
    const QColor text = option.palette.color(QPalette::Text);
    painter->setPen(QPen(withAlpha(text, 0.15), 1));
    painter->drawLine(QPointF(band.left() + 3 * unit, middle + 0.5), QPointF(labelLeft - 2 * unit, middle + 0.5));
    painter->drawLine(QPointF(labelLeft + labelWidth + 2 * unit, middle + 0.5),
                      QPointF(band.right() - 3 * unit, middle + 0.5));
    painter->setFont(font);
    painter->setPen(withAlpha(text, 0.6));
    painter->drawText(QPoint(labelLeft, middle - metrics.height() / 2 + metrics.ascent()), label);
}

void MessageDelegate::paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const Row &row,
                                  const Geometry &geometry) const
{
    const QFontMetrics nameMetrics(geometry.nameFont);
    const QFontMetrics smallMetrics(geometry.smallFont);
    const QString time = QLocale().toString(row.time.time(), QLocale::ShortFormat);
    const int gap = 2 * geometry.unit;
    const int available = option.rect.right() - 3 * geometry.unit - geometry.header.x();
    const QString name =
        nameMetrics.elidedText(row.sender, Qt::ElideRight, available - gap - smallMetrics.horizontalAdvance(time));
    const int baseline = geometry.header.y() + nameMetrics.ascent();
    painter->setFont(geometry.nameFont);
    painter->setPen(cachedSenderColor(row.sender, option.palette.color(QPalette::Base)));
    painter->drawText(QPoint(geometry.header.x(), baseline), name);
    painter->setFont(geometry.smallFont);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(QPoint(geometry.header.x() + nameMetrics.horizontalAdvance(name) + gap, baseline), time);
}

void MessageDelegate::paintBody(QPainter *painter, const QStyleOptionViewItem &option, const Row &row,
                                const Geometry &geometry) const
{
    const QPalette &palette = option.palette;
    painter->setPen(palette.color(row.state == State::Pending ? QPalette::PlaceholderText : QPalette::Text));
    geometry.layout.draw(painter, geometry.textOrigin);
    if (geometry.marker.isEmpty())
        return;
    QFont font = geometry.smallFont;
    font.setItalic(row.state == State::Pending);
    painter->setFont(font);
    painter->setPen(row.state == State::Failed ? failedColor(palette) : palette.color(QPalette::PlaceholderText));
    const QRect &rect = geometry.markerRect;
    painter->drawText(QPoint(rect.left(), rect.top() + QFontMetrics(font).ascent()), geometry.marker);
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return {};
    Geometry geometry;
    layoutRow(option, readRow(index), geometry);
    if (geometry.links.isEmpty())
        return {};
    const QPointF local = QPointF(pos) - geometry.textOrigin;
    for (int i = 0; i < geometry.layout.lineCount(); ++i) {
        const QTextLine line = geometry.layout.lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth())
            return {};
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        for (const MessageText::Link &link : std::as_const(geometry.links)) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

bool MessageDelegate::hitsRetry(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos) || index.data(MessageModel::StateRole).toInt() != static_cast<int>(State::Failed))
        return false;
    Geometry geometry;
    layoutRow(option, readRow(index), geometry);
    const int slack = geometry.unit / 2; // a little forgiveness around small text
    return geometry.markerRect.adjusted(-slack, -slack, slack, slack).contains(pos);
}

QString MessageDelegate::displayedText(const QModelIndex &index) const
{
    return bodyText(readRow(index));
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    if (!event || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString tip;
    if (const QUrl link = linkAt(option, index, event->pos()); !link.isEmpty())
        tip = link.toDisplayString();
    else if (const QDateTime time = index.data(MessageModel::TimestampRole).toDateTime(); time.isValid())
        tip = QLocale().toString(time, QLocale::LongFormat);
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), tip, view, option.rect);
    return true;
}

} // namespace Natter
