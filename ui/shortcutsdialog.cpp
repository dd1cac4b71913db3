#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Natter {

namespace {

QString menuTitle(const QAction *action)
{
    for (QObject *object : action->associatedObjects()) {
        if (const auto *menu = qobject_cast<const QMenu *>(object))
            return ShortcutsDialog::plainActionText(menu->title());
    }
    return {};
}

QTreeWidgetItem *addGroup(QTreeWidget *table, const QString &title)
{
    auto *group = new QTreeWidgetItem(table, {title});
    group->setFirstColumnSpanned(true);
    group->setFlags(Qt::ItemIsEnabled);
    QFont font = group->font(0);
    font.setBold(true);
    group->setFont(0, font);
    return group;
}

void addRow(QTreeWidgetItem *group, const QString &keys, const QString &description)
{
    auto *row = new QTreeWidgetItem(group, {keys, description});
    row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

} // namespace

QString ShortcutsDialog::plainActionText(const QString &text)
{
    // Some languages put the mnemonic after the text in brackets: "ファイル(&F)".
    static const QRegularExpression bracketedMnemonic(QStringLiteral(R"(\s*\(&[^&]\))"));
    QString plain = text;
    plain.remove(bracketedMnemonic);

    QString result;
    result.reserve(plain.size());
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (plain.at(i) != u'&') {
            result.append(plain.at(i));
        } else if (i + 1 < plain.size() && plain.at(i + 1) == u'&') {
            result.append(u'&'); // "&&" is a literal ampersand
            ++i;
        }
    }
    result = result.trimmed();
    if (result.endsWith(u'…'))
        result.chop(1);
    else if (result.endsWith(QStringLiteral("...")))
        result.chop(3);
    return result.trimmed();
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, const QList<KeyDescription> &otherKeys,
                                 QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHeaderLabels({tr("Keys"), tr("What it does")});
    m_table->setRootIsDecorated(false);
    m_table->setItemsExpandable(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setUniformRowHeights(false);
    m_table->setAllColumnsShowFocus(true);

    QHash<QString, QTreeWidgetItem *> groups;
    QList<const QAction *> seen;
    for (const QAction *action : actions) {
        if (!action || action->isSeparator() || !action->isVisible() || action->shortcuts().isEmpty()
            || seen.contains(action))
            continue;
        seen.append(action);
        QString title = menuTitle(action);
        if (title.isEmpty())
            title = tr("Window");
        QTreeWidgetItem *&group = groups[title];
        if (!group)
            group = addGroup(m_table, title);
        addRow(group, QKeySequence::listToString(action->shortcuts(), QKeySequence::NativeText),
               plainActionText(action->text()));
    }

    if (!otherKeys.isEmpty()) {
        QTreeWidgetItem *group = addGroup(m_table, tr("Typing and moving around"));
        for (const auto &[keys, description] : otherKeys)
            addRow(group, keys.toString(QKeySequence::NativeText), description);
    }

    m_table->expandAll();
    m_table->header()->setStretchLastSection(true);
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(0, m_table->columnWidth(0) + fontMetrics().averageCharWidth() * 4);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &ShortcutsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);

    resize(fontMetrics().averageCharWidth() * 70, fontMetrics().height() * 28);
}

} // namespace Natter
