#include "emojipicker.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

struct Entry
{
    const char16_t *emoji;
    const char *keywords; // English, for the search field
};

// Common reactions in the order chat apps offer them; the first six are frequent().
const Entry entries[] = {
    {u"\U0001F44D", "thumbs up yes like ok"},
    {u"\u2764\uFE0F", "red heart love"},
    {u"\U0001F602", "joy laugh tears funny lol"},
    {u"\U0001F389", "party tada celebrate congratulations"},
    {u"\U0001F62E", "wow surprised open mouth"},
    {u"\U0001F622", "cry sad tear"},
    {u"\U0001F44E", "thumbs down no dislike"},
    {u"\U0001F60A", "smile blush happy"},
    {u"\U0001F600", "grin smile happy"},
    {u"\U0001F923", "rofl rolling laugh"},
    {u"\U0001F609", "wink"},
    {u"\U0001F60D", "heart eyes love"},
    {u"\U0001F618", "kiss"},
    {u"\U0001F914", "thinking hmm"},
    {u"\U0001F644", "eye roll"},
    {u"\U0001F60E", "cool sunglasses"},
    {u"\U0001F633", "flushed embarrassed"},
    {u"\U0001F631", "scream fear shock"},
    {u"\U0001F621", "angry rage"},
    {u"\U0001F62D", "sob crying loud"},
    {u"\U0001F605", "sweat smile relief"},
    {u"\U0001F643", "upside down silly"},
    {u"\U0001F634", "sleep tired zzz"},
    {u"\U0001F92F", "mind blown exploding head"},
    {u"\U0001F973", "party face celebrate"},
    {u"\U0001F64F", "pray please thanks"},
    {u"\U0001F44F", "clap applause"},
    {u"\U0001F64C", "raised hands hooray"},
    {u"\U0001F4AA", "muscle strong"},
    {u"\U0001F44B", "wave hello bye"},
    {u"\U0001F440", "eyes look"},
    {u"\U0001F525", "fire hot lit"},
    {u"\u2728", "sparkles"},
    {u"\u2B50", "star"},
    {u"\U0001F4AF", "hundred perfect"},
    {u"\u2705", "check done yes"},
    {u"\u274C", "cross no wrong"},
    {u"\u2753", "question"},
    {u"\u26A0\uFE0F", "warning"},
    {u"\U0001F680", "rocket ship launch"},
    {u"\U0001F41B", "bug"},
    {u"\U0001F4A1", "bulb idea"},
    {u"\U0001F91D", "handshake deal agree"},
    {u"\u2615", "coffee"},
    {u"\U0001F37A", "beer"},
    {u"\U0001F355", "pizza"},
    {u"\U0001F381", "gift present"},
    {u"\U0001F494", "broken heart"},
};

} // namespace

QStringList EmojiPicker::all()
{
    QStringList list;
    for (const Entry &entry : entries)
        list.append(QString::fromUtf16(entry.emoji));
    return list;
}

QStringList EmojiPicker::frequent()
{
    return all().first(6);
}

EmojiPicker::EmojiPicker(QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_grid(new QListWidget(this))
{
    setObjectName(u"emojiPicker"_s);
    setWindowTitle(tr("React"));
    m_search->setObjectName(u"emojiSearch"_s);
    m_search->setPlaceholderText(tr("Search emoji"));
    m_search->setClearButtonEnabled(true);
    m_grid->setObjectName(u"emojiGrid"_s);
    m_grid->setAccessibleName(tr("Emoji"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_grid->setFont(big);
    const int cell = QFontMetrics(big).height() * 3 / 2;
    m_grid->setGridSize(QSize(cell, cell));
    m_grid->setMinimumSize(cell * 8 + 2 * m_grid->frameWidth() + 24, cell * 6);
    for (const Entry &entry : entries) {
        auto *item = new QListWidgetItem(QString::fromUtf16(entry.emoji), m_grid);
        item->setData(Qt::UserRole, QString::fromLatin1(entry.keywords));
        item->setTextAlignment(Qt::AlignCenter);
    }
    m_grid->setCurrentRow(0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_grid);

    connect(m_search, &QLineEdit::textChanged, this, &EmojiPicker::filter);
    // Enter in the search field picks the first match; arrows go to the grid.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (QListWidgetItem *item = m_grid->currentItem(); item && !item->isHidden())
            choose(item);
    });
    // A click activates an item on some styles and not on others: both are one pick.
    connect(m_grid, &QListWidget::itemActivated, this, &EmojiPicker::choose);
    connect(m_grid, &QListWidget::itemClicked, this, &EmojiPicker::choose);
    m_search->setFocus();
}

void EmojiPicker::choose(QListWidgetItem *item)
{
    if (m_chosen || !item)
        return;
    m_chosen = true;
    emit picked(item->text());
    accept();
}

void EmojiPicker::filter(const QString &text)
{
    const QString wanted = text.trimmed();
    QListWidgetItem *first = nullptr;
    for (int row = 0; row < m_grid->count(); ++row) {
        QListWidgetItem *item = m_grid->item(row);
        const bool match = wanted.isEmpty() || item->text() == wanted
            || item->data(Qt::UserRole).toString().contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    if (first)
        m_grid->setCurrentItem(first);
}

} // namespace Natter
