// The Help menu's dialogs: the keyboard shortcuts list and About Natter.

#include "aboutdialog.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Natter;

namespace {

struct Row
{
    QString group;
    QString keys;
    QString description;
};

QList<Row> rowsOf(const ShortcutsDialog &dialog)
{
    const auto *table = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutTable"));
    QList<Row> rows;
    if (!table)
        return rows;
    for (int g = 0; g < table->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = table->topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r)
            rows.append({group->text(0), group->child(r)->text(0), group->child(r)->text(1)});
    }
    return rows;
}

QString nativeText(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

} // namespace

class TestHelpDialogs : public QObject
{
    Q_OBJECT

private slots:
    void shortcutsListActionsUnderTheirMenu()
    {
        QMenu chat(QStringLiteral("&Chat"));
        QAction *join = chat.addAction(QStringLiteral("&Join or Create Room…"));
        join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
        chat.addSeparator();
        chat.addAction(QStringLiteral("&Rename")); // no shortcut: not listed
        QAction *hidden = chat.addAction(QStringLiteral("&Copy Share Address"));
        hidden->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        hidden->setVisible(false);
        QAction *disabled = chat.addAction(QStringLiteral("&Leave Room"));
        disabled->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        disabled->setEnabled(false); // still worth knowing about
        QAction quickSwitch(QStringLiteral("Jump to…"));
        quickSwitch.setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_G)});

        const QList<QAction *> actions = chat.actions() + QList<QAction *>{&quickSwitch, join};
        ShortcutsDialog dialog(actions,
                               {{QKeySequence(Qt::Key_Return), QStringLiteral("Send the message")},
                                {QKeySequence(Qt::SHIFT | Qt::Key_Return), QStringLiteral("New line")}});
        const QList<Row> rows = rowsOf(dialog);

        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0).group, QStringLiteral("Chat"));
        QCOMPARE(rows.at(0).keys, nativeText(QKeySequence(Qt::CTRL | Qt::Key_J)));
        QCOMPARE(rows.at(0).description, QStringLiteral("Join or Create Room"));
        QCOMPARE(rows.at(1).description, QStringLiteral("Leave Room"));
        QCOMPARE(rows.at(2).group, QStringLiteral("Window"));
        QCOMPARE(rows.at(2).description, QStringLiteral("Jump to"));
        QVERIFY2(rows.at(2).keys.contains(nativeText(QKeySequence(Qt::CTRL | Qt::Key_K)))
                     && rows.at(2).keys.contains(nativeText(QKeySequence(Qt::CTRL | Qt::Key_G))),
                 qPrintable(rows.at(2).keys));
        QCOMPARE(rows.at(3).keys, nativeText(QKeySequence(Qt::Key_Return)));
        QCOMPARE(rows.at(3).description, QStringLiteral("Send the message"));
        QCOMPARE(rows.at(4).keys, nativeText(QKeySequence(Qt::SHIFT | Qt::Key_Return)));
        QCOMPARE(rows.at(3).group, rows.at(4).group);
        QVERIFY(rows.at(3).group != rows.at(0).group && rows.at(3).group != rows.at(2).group);
    }

    void shortcutsTableIsReadOnlyAndCloses()
    {
        QAction action(QStringLiteral("&Quit"));
        action.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
        ShortcutsDialog dialog({&action}, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto *table = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutTable"));
        QVERIFY(table);
        QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);
        const QTreeWidgetItem *row = table->topLevelItem(0)->child(0);
        QVERIFY(!(row->flags() & Qt::ItemIsEditable));
        QVERIFY(!table->accessibleName().isEmpty());

        auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }

    void plainActionText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("plain");

        QTest::newRow("mnemonic and ellipsis")
            << QStringLiteral("&Join or Create Room…") << QStringLiteral("Join or Create Room");
        QTest::newRow("mnemonic inside") << QStringLiteral("Set &Topic…") << QStringLiteral("Set Topic");
        QTest::newRow("three dots") << QStringLiteral("&Preferences...") << QStringLiteral("Preferences");
        QTest::newRow("literal ampersand") << QStringLiteral("Save && &Quit") << QStringLiteral("Save & Quit");
        QTest::newRow("bracketed mnemonic") << QStringLiteral("ルームに参加(&J)…") << QStringLiteral("ルームに参加");
        QTest::newRow("plain") << QStringLiteral("Quit") << QStringLiteral("Quit");
    }

    void plainActionText()
    {
        QFETCH(QString, text);
        QFETCH(QString, plain);
        QCOMPARE(ShortcutsDialog::plainActionText(text), plain);
    }

    void aboutShowsVersionsAsPlainText()
    {
        const QString oldVersion = QCoreApplication::applicationVersion();
        QCoreApplication::setApplicationVersion(QStringLiteral("4.5.6-<b>beta</b>"));
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::darkCyan);
        QApplication::setWindowIcon(QIcon(pixmap));

        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCoreApplication::setApplicationVersion(oldVersion);

        const auto *version = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
        const auto *qt = dialog.findChild<QLabel *>(QStringLiteral("qtVersionLabel"));
        const auto *name = dialog.findChild<QLabel *>(QStringLiteral("nameLabel"));
        const auto *description = dialog.findChild<QLabel *>(QStringLiteral("descriptionLabel"));
        const auto *icon = dialog.findChild<QLabel *>(QStringLiteral("iconLabel"));
        QVERIFY(version && qt && name && description && icon);

        QVERIFY2(version->text().contains(QStringLiteral("4.5.6-<b>beta</b>")), qPrintable(version->text()));
        QVERIFY2(qt->text().contains(QString::fromLatin1(qVersion())), qPrintable(qt->text()));
        QCOMPARE(name->text(), QStringLiteral("Natter"));
        QCOMPARE(description->text(), QStringLiteral("Chat on your network without signing up."));
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label != icon)
                QCOMPARE(label->textFormat(), Qt::PlainText);
        }
        QVERIFY(icon->isVisible());
        QVERIFY(!icon->pixmap().isNull());

        auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"
