#include "heightestimator.h"

#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemodel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Natter {

using State = MessageModel::DeliveryState;

void HeightEstimator::readShape(MessageHeights::Row &row, const QModelIndex &index)
{
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
    if (!index.data(MessageModel::ReactionsRole).value<ReactionList>().isEmpty())
        flags |= Row::Reactions;
    row.flags = flags;
    row.characters = static_cast<int>(
        std::min<qsizetype>(text.size() + (action ? index.data(MessageModel::SenderRole).toString().size() + 3 : 0),
                            std::numeric_limits<int>::max()));
    row.paragraphs = static_cast<quint16>(std::min<qsizetype>(1 + text.count(u'\n'), 0xffff));
}

int HeightEstimator::estimate(const MessageFonts &fonts, const MessageHeights::Row &row, int width)
{
    if (width != m_width) {
        // Word wrapping leaves the end of most lines empty: count a line as a little less than the width.
        const int textWidth = std::max(1, width - 6 * fonts.unit - MessageLayout::avatarColumn(fonts));
        m_charactersPerLine = std::max(1.0, 0.92 * textWidth / fonts.averageAdvance);
        m_width = width;
    }
    const qreal lines =
        std::max<qreal>(row.paragraphs, std::ceil(static_cast<qreal>(row.characters) / m_charactersPerLine));
    return fixedHeight(fonts, row.flags) + static_cast<int>(std::ceil(lines * fonts.lineHeight));
}

void HeightEstimator::forgetFont()
{
    m_fixedHeights.fill(-1);
    m_width = -1;
}

int HeightEstimator::fixedHeight(const MessageFonts &fonts, quint8 flags)
{
    int &height = m_fixedHeights[flags];
    if (height < 0) {
        using Row = MessageHeights::Row;
        MessageRow row;
        row.unreadMarker = flags & Row::UnreadMarker;
        row.dayChange = flags & Row::DayChange;
        row.firstOfGroup = flags & Row::FirstOfGroup;
        row.action = flags & Row::Action;
        row.state = (flags & Row::Pending) ? State::Pending : (flags & Row::Failed) ? State::Failed : State::Sent;
        if (flags & Row::Reactions)
            row.reactions = {{QStringLiteral("\U0001F44D"), 1, false}};
        height = MessageLayout(fonts, QRect(0, 0, 1000, 0), row, MessageLayout::Purpose::Estimate).height;
    }
    return height;
}

} // namespace Natter
