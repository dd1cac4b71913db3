#include "reactortips.h"

#include "reactionchips.h"

#include <QTextDocument>
#include <QToolTip>
#include <QWidget>

namespace Natter {

ReactorTips::ReactorTips(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{ }

QString ReactorTips::toolTipText(const QString &plain)
{
    // A tooltip is read as rich text when it looks like it; a name must stay plain.
    return Qt::convertFromPlainText(plain, Qt::WhiteSpaceNormal);
}

void ReactorTips::showText(const QString &plain)
{
    QToolTip::showText(m_globalPos, toolTipText(plain), m_widget, m_area);
}

void ReactorTips::show(qint64 seq, const ReactionChip &chip, const QPoint &globalPos, const QRect &area)
{
    const Key key{seq, chip.emoji};
    m_globalPos = globalPos;
    m_area = area;
    const auto known = m_known.constFind(key);
    // Names for another count are out of date: someone reacted since.
    if (known != m_known.cend() && known->count == chip.count && !known->age.hasExpired(KeptMilliseconds)) {
        m_shown = {0, {}};
        showText(ReactionChips::reactorsText(chip.emoji, known->names, known->count));
        return;
    }
    m_shown = key;
    showText(ReactionChips::countText(chip.emoji, chip.count));
    const auto asked = m_asked.constFind(key);
    if (asked != m_asked.cend() && !asked->hasExpired(KeptMilliseconds)
        && (known == m_known.cend() || known->count == chip.count))
        return; // asked already; the answer is on its way or was lost, and is not asked for again soon
    m_asked[key].start();
    emit reactorsWanted(seq, chip.emoji);
}

void ReactorTips::setReactors(qint64 seq, const QString &emoji, const QStringList &names, int count)
{
    const Key key{seq, emoji};
    Known &known = m_known[key];
    known.names = names;
    known.count = count;
    known.age.start();
    if (m_shown == key && QToolTip::isVisible()) {
        m_shown = {0, {}};
        showText(ReactionChips::reactorsText(emoji, names, count));
    }
}

void ReactorTips::clear()
{
    m_known.clear();
    m_asked.clear();
    m_shown = {0, {}};
}

} // namespace Natter
