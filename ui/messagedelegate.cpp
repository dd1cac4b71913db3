#include "messagedelegate.h"

#include "avatar.h"
#include "messagefonts.h"
#include "messageheights.h"
#include "messagelayout.h"
#include "namecolors.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Natter {

using State = MessageModel::DeliveryState;
using Purpose = MessageLayout::Purpose;

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

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (option.rect.width() <= 0) { // not from a QListView layout: measure at the width of the view
        QStyleOptionViewItem sized = option;
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        sized.rect.setWidth(view ? view->viewport()->width() : 400);
        return sizeHint(sized, index);
    }
    const int width = option.rect.width();
    MessageHeights &heights = heightsFor(index, option.font);
    if (index.row() >= heights.size()) // the model changed in a way it did not announce: never trust the cache
        return {width, MessageLayout(*m_fonts, option.rect, MessageRow::fromIndex(index), Purpose::Measure).height};
    MessageHeights::Row &row = heights.at(index.row());
    if (row.exactWidth == width)
        return {width, row.exact};
    if (!row.isKnown())
        readShape(row, heights, index.row());
    return {width, estimatedHeight(row, width)};
}

bool MessageDelegate::measure(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const int width = option.rect.width();
    MessageHeights &heights = heightsFor(index, option.font);
    if (width <= 0 || index.row() >= heights.size())
        return false;
    MessageHeights::Row &row = heights.at(index.row());
    if (row.exactWidth == width)
        return false;
    const bool known = row.isKnown();
    if (!known)
        readShape(row, heights, index.row());
    const int estimate = estimatedHeight(row, width);
    row.exact = MessageLayout(*m_fonts, QRect(option.rect.topLeft(), QSize(width, 0)), MessageRow::fromIndex(index),
                              Purpose::Measure)
                    .height;
    row.exactWidth = width;
    return !known || row.exact != estimate;
}

bool MessageDelegate::hasExactHeight(const QModelIndex &index, int width) const
{
    const MessageHeights *heights = m_current;
    return heights && index.row() < heights->size() && heights->at(index.row()).exactWidth == width;
}

void MessageDelegate::setSourceModel(const QAbstractItemModel *model)
{
    if (!model) {
        m_current = nullptr;
        return;
    }
    m_current = &heightsOf(model);
}

MessageHeights &MessageDelegate::heightsOf(const QAbstractItemModel *model) const
{
    const auto found = std::find_if(m_heights.begin(), m_heights.end(),
                                    [model](const auto &heights) { return heights->model() == model; });
    if (found != m_heights.end()) {
        std::rotate(m_heights.begin(), found, found + 1); // most recently shown first
        return *m_heights.front();
    }
    if (m_heights.size() >= KeptConversations)
        m_heights.pop_back();
    m_heights.insert(m_heights.begin(), std::make_unique<MessageHeights>(model));
    MessageHeights *heights = m_heights.front().get();
    connect(model, &QObject::destroyed, this, [this, heights] {
        if (m_current == heights)
            m_current = nullptr;
        std::erase_if(m_heights, [heights](const auto &kept) { return kept.get() == heights; });
    });
    return *heights;
}

MessageHeights &MessageDelegate::heightsFor(const QModelIndex &index, const QFont &font) const
{
    fontsFor(font);
    return m_current ? *m_current : heightsOf(index.model());
}

void MessageDelegate::readShape(MessageHeights::Row &row, const MessageHeights &heights, int rowNumber) const
{
    // Straight from the model rather than through the view's proxy: a first layout reads this for every row.
    const QModelIndex index = heights.model()->index(rowNumber, 0);
    using Row = MessageHeights::Row;
    const QString text = index.data(MessageModel::TextRole).toString();
    const auto state = static_cast<State>(index.data(MessageModel::StateRole).toInt());
    const bool action = index.data(MessageModel::KindRole).toInt() == static_cast<int>(Protocol::MessageKind::Action);
    quint8 flags = Row::Known;
    if (index.data(MessageModel::UnreadMarkerRole).toBool())
        flags |= Row::UnreadMarker;
    if (index.data(MessageModel::DayChangeRole).toBool())
        flags |= Row::DayChange;
    if (index.data(MessageModel::FirstOfGroupRole).toBool())
        flags |= Row::FirstOfGroup;
    if (action)
        flags |= Row::Action;
    if (state == State::Pending)
        flags |= Row::Pending;
    else if (state == State::Failed)
        flags |= Row::Failed;
    row.flags = flags;
    row.characters = static_cast<int>(
        std::min<qsizetype>(text.size() + (action ? index.data(MessageModel::SenderRole).toString().size() + 3 : 0),
                            std::numeric_limits<int>::max()));
    row.paragraphs = static_cast<quint16>(std::min<qsizetype>(1 + text.count(u'\n'), 0xffff));
}

int MessageDelegate::estimatedHeight(const MessageHeights::Row &row, int width) const
{
    const MessageFonts &fonts = *m_fonts;
    if (width != m_estimateWidth) {
        // Word wrapping leaves the end of most lines empty: count a line as a little less than the width.
        const int textWidth = std::max(1, width - 6 * fonts.unit - MessageLayout::avatarColumn(fonts));
        m_charactersPerLine = std::max(1.0, 0.92 * textWidth / fonts.averageAdvance);
        m_estimateWidth = width;
    }
    const qreal lines =
        std::max<qreal>(row.paragraphs, std::ceil(static_cast<qreal>(row.characters) / m_charactersPerLine));
    return fixedHeight(row.flags) + static_cast<int>(std::ceil(lines * fonts.lineHeight));
}

int MessageDelegate::fixedHeight(quint8 flags) const
{
    int &height = m_fixedHeights[flags & 0x7f];
    if (height < 0) {
        using Row = MessageHeights::Row;
        MessageRow row;
        row.unreadMarker = flags & Row::UnreadMarker;
        row.dayChange = flags & Row::DayChange;
        row.firstOfGroup = flags & Row::FirstOfGroup;
        row.action = flags & Row::Action;
        row.state = (flags & Row::Pending) ? State::Pending : (flags & Row::Failed) ? State::Failed : State::Sent;
        height = MessageLayout(*m_fonts, QRect(0, 0, 1000, 0), row, Purpose::Estimate).height;
    }
    return height;
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
                                        MessageModel::UnreadMarkerRole,
                                        MessageModel::EditedRole,
                                        MessageModel::DeletedRole};
    return roles.isEmpty()
        || std::any_of(roles.cbegin(), roles.cend(), [](int role) { return heightRoles.contains(role); });
}

const MessageFonts &MessageDelegate::fontsFor(const QFont &font) const
{
    if (!m_fonts || m_fonts->base != font) {
        // Every exact height and every estimate's constant was for the former font.
        m_fonts = std::make_unique<MessageFonts>(font);
        m_fixedHeights.fill(-1);
        m_estimateWidth = -1;
        for (const auto &heights : m_heights)
            heights->forgetExactHeights();
    }
    return *m_fonts;
}

int MessageDelegate::minimumRowHeight(const QFont &font) const
{
    const MessageFonts &fonts = fontsFor(font);
    return fonts.unit / 2 + static_cast<int>(std::ceil(fonts.lineHeight)) + fonts.unit; // as MessageLayout adds it up
}

void MessageDelegate::invalidateAll()
{
    for (const auto &heights : m_heights)
        heights->forget(0, static_cast<int>(heights->size()) - 1);
}

QColor MessageDelegate::cachedSenderColor(const QString &name, const QColor &background) const
{
    if (background.rgba() != m_senderColorsBackground) {
        m_senderColors.clear();
        m_senderColorsBackground = background.rgba();
    }
    auto found = m_senderColors.find(name);
    if (found == m_senderColors.end())
        found = m_senderColors.insert(name, NameColors::forName(name, background));
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
    if (!layout.quote.isEmpty())
        paintQuote(painter, option, row, layout);
    paintBody(painter, option, index, row, layout);
    painter->restore();
}

void MessageDelegate::paintQuote(QPainter *painter, const QStyleOptionViewItem &option, const MessageRow &row,
                                 const MessageLayout &layout) const
{
    const QRect &rect = layout.quote;
    const int unit = layout.fonts.unit;
    const QColor senderColor = NameColors::forName(row.replyFrom, option.palette.color(QPalette::Base));
    painter->fillRect(QRect(rect.left(), rect.top(), std::max(2, unit / 2), rect.height()), senderColor);
    QFont font = layout.fonts.small;
    font.setItalic(row.replyText.isEmpty());
    painter->setFont(font);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QFontMetrics metrics(font);
    const int textLeft = rect.left() + 2 * unit;
    const QString line = metrics.elidedText(row.quoteLine(), Qt::ElideRight, rect.right() - textLeft);
    painter->drawText(QPoint(textLeft, rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()), line);
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
    const QColor senderColor = cachedSenderColor(row.sender, option.palette.color(QPalette::Base));
    if (!layout.avatar.isEmpty()) {
        painter->save();
        Avatar::paint(painter, layout.avatar, row.sender, senderColor);
        painter->restore();
    }
    painter->setFont(fonts.name);
    painter->setPen(senderColor);
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

qint64 MessageDelegate::quotedSeqAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                    const QPoint &pos) const
{
    const qint64 seq = index.data(MessageModel::ReplyToRole).toLongLong();
    if (seq <= 0 || !option.rect.contains(pos))
        return 0;
    const MessageLayout layout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index),
                               MessageLayout::Purpose::Estimate);
    return layout.quote.contains(pos) ? seq : 0;
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
        // A tooltip is read as rich text when it looks like it; a name or link must stay plain.
        QToolTip::showText(event->globalPos(), Qt::convertFromPlainText(tip, Qt::WhiteSpaceNormal), view, option.rect);
    return true;
}

} // namespace Natter
