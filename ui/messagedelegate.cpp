#include "messagedelegate.h"

#include "messagefonts.h"
#include "messagelayout.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;

namespace {

constexpr int MentionBarWidth = 3;

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

void MessageDelegate::forget(const QModelIndex &index)
{
    if (const qint64 seq = index.data(MessageModel::SeqRole).toLongLong(); seq != 0)
        m_confirmedHeights.remove(seq);
    m_unconfirmedHeights.remove(index.data(MessageModel::IdRole).toString());
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (option.rect.width() <= 0) { // not from a QListView layout: measure at the width of the view
        QStyleOptionViewItem sized = option;
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        sized.rect.setWidth(view ? view->viewport()->width() : 400);
        return sizeHint(sized, index);
    }
    const int width = option.rect.width();
    if (width != m_cacheWidth || option.font != m_cacheFont) {
        m_confirmedHeights.clear();
        m_unconfirmedHeights.clear();
        m_cacheWidth = width;
        m_cacheFont = option.font;
    }
    const qint64 seq = index.data(MessageModel::SeqRole).toLongLong();
    const QString id = seq == 0 ? index.data(MessageModel::IdRole).toString() : QString();
    if (seq != 0) {
        if (const auto found = m_confirmedHeights.constFind(seq); found != m_confirmedHeights.constEnd())
            return {width, found.value()};
    } else if (const auto found = m_unconfirmedHeights.constFind(id); found != m_unconfirmedHeights.constEnd()) {
        return {width, found.value()};
    }
    const MessageLayout layout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index),
                               MessageLayout::Purpose::Measure);
    if (seq != 0)
        m_confirmedHeights.insert(seq, layout.height);
    else
        m_unconfirmedHeights.insert(id, layout.height);
    return {width, layout.height};
}

bool MessageDelegate::affectsHeightRoles(const QList<int> &roles)
{
    // A failure reason changes no height: its marker is one line, elided.
    static const QList<int> heightRoles{Qt::DisplayRole,
                                        MessageModel::TextRole,
                                        MessageModel::SenderRole,
                                        MessageModel::KindRole,
                                        MessageModel::StateRole,
                                        MessageModel::FirstOfGroupRole,
                                        MessageModel::DayChangeRole,
                                        MessageModel::UnreadMarkerRole};
    return roles.isEmpty()
        || std::any_of(roles.cbegin(), roles.cend(), [](int role) { return heightRoles.contains(role); });
}

bool MessageDelegate::invalidate(const QModelIndex &first, const QModelIndex &last, const QList<int> &roles)
{
    const bool affectsHeight = affectsHeightRoles(roles);
    if (!affectsHeight || !first.isValid() || !last.isValid())
        return affectsHeight;
    if (last.row() - first.row() > 1000) { // cheaper to measure again than to look up each row
        invalidateAll();
        return true;
    }
    for (int row = first.row(); row <= last.row(); ++row)
        forget(first.siblingAtRow(row));
    return true;
}

const MessageFonts &MessageDelegate::fontsFor(const QFont &font) const
{
    if (!m_fonts || m_fonts->base != font)
        m_fonts = std::make_unique<MessageFonts>(font);
    return *m_fonts;
}

int MessageDelegate::minimumRowHeight(const QFont &font) const
{
    const MessageFonts &fonts = fontsFor(font);
    return fonts.unit / 2 + static_cast<int>(std::ceil(fonts.lineHeight)) + fonts.unit; // as MessageLayout adds it up
}

void MessageDelegate::invalidateAll()
{
    m_confirmedHeights.clear();
    m_unconfirmedHeights.clear();
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

MessageLayout::Colors MessageDelegate::colorsFor(const QStyleOptionViewItem &option, const MessageRow &row) const
{
    const QColor actionName =
        row.action ? cachedSenderColor(row.sender, option.palette.color(QPalette::Base)) : QColor();
    return {option.palette.color(QPalette::Link), actionName};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MessageRow row = MessageRow::fromIndex(index, MessageRow::Fields::Everything);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               colorsFor(option, row));
    const QColor background = option.palette.color(QPalette::Base);
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    if (row.unreadMarker)
        paintUnreadLine(painter, option, layout);
    if (row.dayChange)
        paintSeparator(painter, option, row, layout);
    if (row.mention) {
        // A tinted band across the message and a bar at its left edge, in a colour readable on this background.
        const QColor accent = MessageText::mentionColor(background);
        painter->fillRect(layout.message, withAlpha(accent, isDark(background) ? 0.16 : 0.12));
        painter->fillRect(QRect(layout.message.left(), layout.message.top(), MentionBarWidth, layout.message.height()),
                          accent);
    }
    if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
        const bool selected = option.state & QStyle::State_Selected;
        const int unit = layout.fonts.unit;
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(option.palette.color(QPalette::Highlight), selected ? 0.22 : 0.08));
        painter->drawRoundedRect(layout.message.adjusted(unit, 0, -unit, 0), unit, unit);
    }
    if (layout.hasHeader)
        paintHeader(painter, option, row, layout);
    paintBody(painter, option, index, row, layout);
    painter->restore();
}

void MessageDelegate::paintUnreadLine(QPainter *painter, const QStyleOptionViewItem &option,
                                      const MessageLayout &layout) const
{
    QFont font = layout.fonts.small;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = tr("New messages");
    const QRect &band = layout.unreadLine;
    const int unit = layout.fonts.unit;
    const int labelWidth = metrics.horizontalAdvance(label);
    const int labelLeft = band.center().x() - labelWidth / 2;
    const int middle = band.top() + band.height() / 2;
    const QColor accent = MessageText::newMessagesColor(option.palette.color(QPalette::Base));
    painter->setPen(QPen(accent, 1));
    painter->drawLine(QPointF(band.left() + unit, middle + 0.5), QPointF(labelLeft - 2 * unit, middle + 0.5));
    painter->drawLine(QPointF(labelLeft + labelWidth + 2 * unit, middle + 0.5),
                      QPointF(band.right() - unit, middle + 0.5));
    painter->setFont(font);
    painter->drawText(QPoint(labelLeft, middle - metrics.height() / 2 + metrics.ascent()), label);
}

void MessageDelegate::paintSeparator(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                     const MessageLayout &layout) const
{
    QFont font = layout.fonts.small;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = dayLabel(row.time.date(), QDate::currentDate());
    const QRect &band = layout.separator;
    const int unit = layout.fonts.unit;
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

void MessageDelegate::paintHeader(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                  const MessageLayout &layout) const
{
    const MessageFonts &fonts = layout.fonts;
    const QFontMetrics nameMetrics(fonts.name);
    const QFontMetrics smallMetrics(fonts.small);
    const QString time = MessageText::shortTime(row.time.time());
    const int gap = 2 * fonts.unit;
    const int available = option.rect.right() - 3 * fonts.unit - layout.header.x();
    const QString name =
        nameMetrics.elidedText(row.sender, Qt::ElideRight, available - gap - smallMetrics.horizontalAdvance(time));
    const int baseline = layout.header.y() + fonts.nameAscent;
    painter->setFont(fonts.name);
    painter->setPen(cachedSenderColor(row.sender, option.palette.color(QPalette::Base)));
    painter->drawText(QPoint(layout.header.x(), baseline), name);
    painter->setFont(fonts.small);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(QPoint(layout.header.x() + nameMetrics.horizontalAdvance(name) + gap, baseline), time);
}

void MessageDelegate::paintBody(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                                const MessageRow &row, const MessageLayout &layout) const
{
    const QPalette &palette = option.palette;
    painter->setPen(palette.color(row.state == State::Pending ? QPalette::PlaceholderText : QPalette::Text));
    QList<QTextLayout::FormatRange> selections;
    if (!m_selection.isEmpty() && m_selection.index == index) {
        QTextCharFormat selected;
        selected.setBackground(palette.brush(QPalette::Highlight));
        selected.setForeground(palette.brush(QPalette::HighlightedText));
        selections.append({m_selection.start(), m_selection.end() - m_selection.start(), selected});
    }
    layout.text.draw(painter, layout.textOrigin, selections);
    if (layout.marker.isEmpty())
        return;
    QFont font = layout.fonts.small;
    font.setItalic(row.state == State::Pending);
    painter->setFont(font);
    painter->setPen(row.state == State::Failed ? failedColor(palette) : palette.color(QPalette::PlaceholderText));
    const QRect &rect = layout.markerRect;
    painter->drawText(QPoint(rect.left(), rect.top() + QFontMetrics(font).ascent()), layout.marker);
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return {};
    const MessageRow row = MessageRow::fromIndex(index);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               colorsFor(option, row));
    return layout.linkAt(pos);
}

bool MessageDelegate::hitsRetry(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos) || index.data(MessageModel::StateRole).toInt() != static_cast<int>(State::Failed))
        return false;
    const MessageLayout layout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index),
                               MessageLayout::Purpose::Measure);
    const int slack = layout.fonts.unit / 2; // a little forgiveness around small text
    return layout.markerRect.adjusted(-slack, -slack, slack, slack).contains(pos);
}

QString MessageDelegate::displayedText(const QModelIndex &index) const
{
    return MessageRow::fromIndex(index).bodyText();
}

int MessageDelegate::cursorAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos,
                              MessageLayout::CursorHit hit) const
{
    const MessageRow row = MessageRow::fromIndex(index);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               colorsFor(option, row));
    return layout.cursorAt(pos, hit);
}

std::pair<int, int> MessageDelegate::wordAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                            const QPoint &pos) const
{
    const MessageRow row = MessageRow::fromIndex(index);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               colorsFor(option, row));
    return layout.wordAt(pos);
}

void MessageDelegate::setTextSelection(const TextSelection &selection)
{
    m_selection = selection;
}

QString MessageDelegate::selectedText() const
{
    if (m_selection.isEmpty())
        return {};
    QString text = displayedText(m_selection.index).mid(m_selection.start(), m_selection.end() - m_selection.start());
    text.replace(QChar::LineSeparator, u'\n');
    return text;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    if (!event || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString tip;
    if (const QUrl link = linkAt(option, index, event->pos()); !link.isEmpty()) {
        tip = link.toDisplayString();
    } else if (hitsRetry(option, index, event->pos())) {
        const MessageLayout layout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index),
                                   MessageLayout::Purpose::Measure);
        tip = layout.fullMarker; // the whole reason, when the marker is elided
    }
    if (tip.isEmpty()) {
        if (const QDateTime time = index.data(MessageModel::TimestampRole).toDateTime(); time.isValid())
            tip = QLocale().toString(time, QLocale::LongFormat);
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), tip, view, option.rect);
    return true;
}

} // namespace Natter
