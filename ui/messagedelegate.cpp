#include "messagedelegate.h"

#include "membermodel.h"
#include "messagefonts.h"
#include "messageheights.h"
#include "messagelayout.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Natter {

using State = MessageModel::DeliveryState;
using Purpose = MessageLayout::Purpose;

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
    return {width, m_estimator.estimate(*m_fonts, row, width)};
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
    const int estimate = m_estimator.estimate(*m_fonts, row, width);
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

void MessageDelegate::readShape(MessageHeights::Row &row, const MessageHeights &heights, int rowNumber) const
{
    // Straight from the model rather than through the view's proxy: a first layout reads this for every row.
    HeightEstimator::readShape(row, heights.model()->index(rowNumber, 0));
}

MessageHeights &MessageDelegate::heightsFor(const QModelIndex &index, const QFont &font) const
{
    fontsFor(font);
    return m_current ? *m_current : heightsOf(index.model());
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
                                        MessageModel::DeletedRole,
                                        MessageModel::ReactionsRole};
    return roles.isEmpty()
        || std::any_of(roles.cbegin(), roles.cend(), [](int role) { return heightRoles.contains(role); });
}

const MessageFonts &MessageDelegate::fontsFor(const QFont &font) const
{
    if (!m_fonts || m_fonts->base != font) {
        // Every exact height and every estimate's constant was for the former font.
        m_fonts = std::make_unique<MessageFonts>(font);
        m_estimator.forgetFont();
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

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const MessageRow row = MessageRow::fromIndex(index, MessageRow::Fields::Everything);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               colorsFor(option, index, row));
    std::optional<std::pair<int, int>> selected;
    if (!m_selection.isEmpty() && m_selection.index == index)
        selected = std::pair(m_selection.start(), m_selection.end());
    m_painter.paint(painter, option, row, layout, selected);
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return {};
    const MessageRow row = MessageRow::fromIndex(index);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               m_painter.colorsFor(option, row));
    return layout.linkAt(pos);
}

int MessageDelegate::copyButtonAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return -1;
    return MessageLayout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index), Purpose::Measure)
        .copyButtonAt(pos);
}

int MessageDelegate::codeBlockAt(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return -1;
    return MessageLayout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index), Purpose::Measure)
        .codeBlockAt(pos);
}

std::optional<ReactionChip> MessageDelegate::reactionAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                        const QPoint &pos) const
{
    if (!option.rect.contains(pos))
        return std::nullopt;
    const MessageLayout layout(fontsFor(option.font), option.rect, MessageRow::fromIndex(index), Purpose::Measure);
    const int chip = layout.chipAt(pos);
    return chip < 0 ? std::nullopt : std::optional(layout.chips.at(chip));
}

QStringList MessageDelegate::codeBlocks(const QModelIndex &index)
{
    const MessageMarkup markup = MessageRow::fromIndex(index).markup();
    QStringList blocks;
    for (const MessageMarkup::Span &span : markup.spansOf(MessageMarkup::Kind::CodeBlock))
        blocks.append(markup.text.mid(span.start, span.length));
    return blocks;
}

void MessageDelegate::setMembers(MemberModel *members)
{
    m_members = members;
}

MessageLayout::Colors MessageDelegate::colorsFor(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                 const MessageRow &row) const
{
    MessageLayout::Colors colors = m_painter.colorsFor(option, row);
    const QAbstractItemModel *model = index.model();
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model))
        model = proxy->sourceModel();
    if (const auto *messages = qobject_cast<const MessageModel *>(model))
        colors.ownName = messages->ownName();
    if (m_members) {
        const QPointer<MemberModel> members = m_members;
        colors.isMember = [members](const QString &name) { return members && members->contains(name); };
    }
    return colors;
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
                               m_painter.colorsFor(option, row));
    return layout.cursorAt(pos, hit);
}

std::pair<int, int> MessageDelegate::wordAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                            const QPoint &pos) const
{
    const MessageRow row = MessageRow::fromIndex(index);
    const MessageLayout layout(fontsFor(option.font), option.rect, row, MessageLayout::Purpose::Paint,
                               m_painter.colorsFor(option, row));
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
