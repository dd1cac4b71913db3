// Proves what a user sees of reactions in the message list: a pill per emoji with its count under the message, the
// user's own tinted, a row that grows to hold them (measured exactly, and again when a reaction arrives), and a click
// on a chip that puts the user's reaction on or takes it back; a chip's tooltip that names who reacted (asked once,
// escaped); the message menu's React entries, the emoji picker, and the bar of quick reactions over a message.

#include "emojipicker.h"
#include "messagedelegate.h"
#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemodel.h"
#include "messageview.h"
#include "reactionbar.h"
#include "reactionchips.h"
#include "reactortips.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace Natter;
using Natter::Protocol::ChatMessage;

namespace {

const qint64 noon = QDateTime(QDate(2024, 5, 14), QTime(12, 0)).toMSecsSinceEpoch();
const QString thumbs = u"\U0001F44D"_s;
const QString party = u"\U0001F389"_s;

ChatMessage message(qint64 seq, const QString &text, const ReactionList &reactions = {})
{
    ChatMessage m;
    m.room = u"dev"_s;
    m.seq = seq;
    m.from = u"bob"_s;
    m.id = u"id-%1"_s.arg(seq);
    m.text = text;
    m.ts = noon + seq * 1000; // one group: every row but the first without a header
    m.reactions = reactions;
    return m;
}

struct Scene
{
    MessageModel model{ConversationId::room(u"dev"_s)};
    MessageView view;
    MessageFonts fonts{view.font()};

    explicit Scene(const QList<ChatMessage> &messages)
    {
        model.setOwnName(u"me"_s);
        model.prependHistory(messages, false);
        view.resize(500, 500);
    }
    bool show()
    {
        view.setMessageModel(&model);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QModelIndex index(int row) const { return view.indexForRow(row); }
    QRect rect(int row) const { return view.visualRect(index(row)); }
    std::unique_ptr<MessageLayout> layout(int row) const
    {
        return std::make_unique<MessageLayout>(fonts, rect(row),
                                               MessageRow::fromIndex(index(row), MessageRow::Fields::Everything),
                                               MessageLayout::Purpose::Paint);
    }
};

void hover(MessageView &view, const QPoint &pos)
{
    QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &event);
}

QMenu *visibleMenu(MessageView &view)
{
    const auto menus = view.findChildren<QMenu *>(u"messageMenu"_s);
    for (QMenu *menu : menus) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

QMenu *openContextMenu(MessageView &view, const QPoint &pos)
{
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &event);
    return visibleMenu(view);
}

void closeMenus(MessageView &view)
{
    const auto menus = view.findChildren<QMenu *>(u"messageMenu"_s);
    for (QMenu *menu : menus)
        menu->close();
}

} // namespace

class TestReactionChips : public QObject
{
    Q_OBJECT

private slots:
    void rowWithReactionsIsTallerAndExact();
    void chipsShowEachEmojiWithItsCount();
    void ownReactionIsTinted();
    void rowGrowsWhenAReactionArrives();
    void clickingAChipTogglesTheReaction();
    void chipsWrapOnANarrowView();
    void tooltipAsksOnceAndShowsNamesEscaped();
    void tooltipAsksAgainWhenTheCountChanged();
    void menuReactsWithFrequentEmoji();
    void menuOffersNoReactionsWhereNoneCanBe();
    void pickerFiltersAndPicks();
    void hoverBarReactsInOneClick();
};

void TestReactionChips::rowWithReactionsIsTallerAndExact()
{
    Scene scene({message(1, u"first"_s), message(2, u"plain"_s), message(3, u"plain"_s, {{thumbs, 3, false}})});
    QVERIFY(scene.show());
    QTRY_VERIFY(scene.rect(2).height() > scene.rect(1).height());
    // Exactly what the layout says, with the chips inside the row.
    const auto laidOut = scene.layout(2);
    QCOMPARE(scene.rect(2).height(), laidOut->height);
    QCOMPARE(laidOut->chips.size(), 1);
    QVERIFY(scene.rect(2).contains(laidOut->chips.constFirst().rect));
    QVERIFY(scene.layout(1)->chips.isEmpty());
}

void TestReactionChips::chipsShowEachEmojiWithItsCount()
{
    Scene scene({message(1, u"hello"_s, {{thumbs, 3, false}, {party, 1, true}})});
    QVERIFY(scene.show());
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->chips.size(), 2);
    QCOMPARE(laidOut->chips.at(0).label, thumbs + u" 3"_s);
    QCOMPARE(laidOut->chips.at(1).label, party + u" 1"_s);
    QVERIFY(!laidOut->chips.at(0).mine);
    QVERIFY(laidOut->chips.at(1).mine);
    QVERIFY(laidOut->chips.at(0).rect.right() < laidOut->chips.at(1).rect.left()); // side by side
    QVERIFY(laidOut->chips.at(0).rect.top() >= laidOut->textOrigin.y() + scene.fonts.lineHeight); // under the text
}

void TestReactionChips::ownReactionIsTinted()
{
    Scene scene({message(1, u"hello"_s, {{thumbs, 3, false}, {party, 1, true}})});
    QVERIFY(scene.show());
    const auto laidOut = scene.layout(0);
    const QImage image = scene.view.viewport()->grab().toImage();
    const QColor highlight = scene.view.palette().color(QPalette::Highlight);
    // Sample the pill's fill just inside its left end, clear of the text.
    const auto fillOf = [&](const ReactionChip &chip) {
        return image.pixelColor(chip.rect.left() + chip.rect.height() / 2, chip.rect.top() + 2);
    };
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
    };
    const QColor own = fillOf(laidOut->chips.at(1));
    const QColor other = fillOf(laidOut->chips.at(0));
    QVERIFY2(distance(own, highlight) < distance(other, highlight),
             qPrintable(u"own %1, other %2"_s.arg(own.name(), other.name())));
    QVERIFY(own != scene.view.palette().color(QPalette::Base));
}

void TestReactionChips::rowGrowsWhenAReactionArrives()
{
    Scene scene({message(1, u"first"_s), message(2, u"plain"_s)});
    QVERIFY(scene.show());
    const int before = scene.rect(1).height();
    QVERIFY(scene.model.applyReaction(2, thumbs, 1, false));
    QTRY_VERIFY(scene.rect(1).height() > before);
    QCOMPARE(scene.rect(1).height(), scene.layout(1)->height);
    QVERIFY(scene.model.applyReaction(2, thumbs, 0, false));
    QTRY_COMPARE(scene.rect(1).height(), before);
}

void TestReactionChips::clickingAChipTogglesTheReaction()
{
    Scene scene({message(7, u"hello"_s, {{thumbs, 3, false}, {party, 1, true}})});
    QVERIFY(scene.show());
    QSignalSpy toggled(&scene.view, &MessageView::reactionToggled);
    const auto laidOut = scene.layout(0);

    // Beside the chips: nothing.
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {},
                      laidOut->chips.at(1).rect.topRight() + QPoint(3 * scene.fonts.unit, 0));
    QCOMPARE(toggled.count(), 0);

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, laidOut->chips.at(0).rect.center());
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled.at(0), QVariantList({qint64(7), thumbs, true})); // not the user's yet: put it on

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, laidOut->chips.at(1).rect.center());
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(toggled.at(1), QVariantList({qint64(7), party, false})); // the user's own: take it back
}

void TestReactionChips::chipsWrapOnANarrowView()
{
    ReactionList many;
    for (char16_t letter = u'a'; letter <= u'p'; ++letter)
        many.append({u"emoji-%1"_s.arg(QChar(letter)), 12, false});
    Scene scene({message(1, u"hello"_s, many)});
    scene.view.resize(260, 500);
    QVERIFY(scene.show());
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->chips.size(), many.size());
    QVERIFY(laidOut->chips.constLast().rect.top() > laidOut->chips.constFirst().rect.bottom());
    for (const ReactionChip &chip : laidOut->chips)
        QVERIFY2(scene.rect(0).contains(chip.rect), qPrintable(chip.label));
    QCOMPARE(scene.rect(0).height(), laidOut->height);
}

void TestReactionChips::tooltipAsksOnceAndShowsNamesEscaped()
{
    Scene scene({message(4, u"hello"_s, {{thumbs, 2, false}})});
    QVERIFY(scene.show());
    QSignalSpy wanted(scene.view.reactorTips(), &ReactorTips::reactorsWanted);
    const QPoint chip = scene.layout(0)->chips.constFirst().rect.center();
    hover(scene.view, chip);
    QCOMPARE(wanted.count(), 1);
    QCOMPARE(wanted.at(0), QVariantList({qint64(4), thumbs}));
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), ReactorTips::toolTipText(ReactionChips::countText(thumbs, 2)));

    // Names are plain text, whatever they look like.
    scene.view.reactorTips()->setReactors(4, thumbs, {u"<b>x</b>"_s, u"ada"_s}, 2);
    QVERIFY2(QToolTip::text().contains(u"&lt;b&gt;x&lt;/b&gt;"_s), qPrintable(QToolTip::text()));
    QVERIFY(!QToolTip::text().contains(u"<b>"_s));
    QVERIFY(QToolTip::text().contains(u"ada"_s));

    // Known now: shown again without asking.
    QToolTip::hideText();
    hover(scene.view, chip);
    QCOMPARE(wanted.count(), 1);
    QVERIFY(QToolTip::text().contains(u"&lt;b&gt;x&lt;/b&gt;"_s));
    QCOMPARE(ReactionChips::reactorsText(thumbs, {u"ada"_s, u"bob"_s}, 5),
             ReactionChips::tr("%1 reacted with %2 and %n more", nullptr, 3)
                 .arg(QLocale().createSeparatedList({u"ada"_s, u"bob"_s}), thumbs));
    QToolTip::hideText();
}

void TestReactionChips::tooltipAsksAgainWhenTheCountChanged()
{
    Scene scene({message(4, u"hello"_s, {{thumbs, 2, false}})});
    QVERIFY(scene.show());
    QSignalSpy wanted(scene.view.reactorTips(), &ReactorTips::reactorsWanted);
    hover(scene.view, scene.layout(0)->chips.constFirst().rect.center());
    scene.view.reactorTips()->setReactors(4, thumbs, {u"ada"_s, u"bob"_s}, 2);
    QCOMPARE(wanted.count(), 1);
    QVERIFY(scene.model.applyReaction(4, thumbs, 3, false));
    QTRY_COMPARE(scene.layout(0)->chips.constFirst().count, 3);
    hover(scene.view, scene.layout(0)->chips.constFirst().rect.center());
    QCOMPARE(wanted.count(), 2); // the names it knew are one short
    QCOMPARE(QToolTip::text(), ReactorTips::toolTipText(ReactionChips::countText(thumbs, 3)));

    // Another conversation: nothing known of it.
    MessageModel other{ConversationId::room(u"other"_s)};
    other.prependHistory({message(4, u"elsewhere"_s, {{thumbs, 3, false}})}, false);
    scene.view.setMessageModel(&other);
    scene.view.reactorTips()->setReactors(4, thumbs, {u"ada"_s, u"bob"_s, u"cy"_s}, 3);
    scene.view.setMessageModel(&scene.model);
    hover(scene.view, scene.layout(0)->chips.constFirst().rect.center());
    QCOMPARE(wanted.count(), 3);
    QToolTip::hideText();
}

void TestReactionChips::menuReactsWithFrequentEmoji()
{
    Scene scene({message(9, u"hello"_s, {{thumbs, 3, true}})});
    QVERIFY(scene.show());
    QSignalSpy toggled(&scene.view, &MessageView::reactionToggled);
    QSignalSpy picker(&scene.view, &MessageView::reactionPickerRequested);

    QVERIFY(!openContextMenu(scene.view, scene.rect(0).center())->findChild<QMenu *>(u"reactMenu"_s));
    closeMenus(scene.view);
    scene.view.setReactionsEnabled(true); // the server takes reactions

    // From the keyboard, as the Menu key opens it on the selected message.
    scene.view.setCurrentIndex(scene.index(0));
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(1, 1),
                            scene.view.viewport()->mapToGlobal(QPoint(1, 1)));
    QApplication::sendEvent(scene.view.viewport(), &event);
    QMenu *menu = visibleMenu(scene.view);
    QVERIFY(menu);
    auto *react = menu->findChild<QMenu *>(u"reactMenu"_s);
    QVERIFY(react);
    QStringList offered;
    for (QAction *action : react->actions()) {
        if (action->objectName() == u"reactWith"_s)
            offered.append(action->data().toString());
    }
    QCOMPARE(offered, EmojiPicker::frequent());
    QCOMPARE(offered.size(), 6);
    const auto actionFor = [react](const QString &emoji) {
        for (QAction *action : react->actions()) {
            if (action->data().toString() == emoji)
                return action;
        }
        return static_cast<QAction *>(nullptr);
    };
    QVERIFY(actionFor(thumbs)->isChecked()); // the user's own
    QVERIFY(!actionFor(party)->isChecked());
    actionFor(party)->trigger();
    actionFor(thumbs)->trigger();
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(toggled.at(0), QVariantList({qint64(9), party, true}));
    QCOMPARE(toggled.at(1), QVariantList({qint64(9), thumbs, false}));
    react->findChild<QAction *>(u"reactMore"_s)->trigger();
    QCOMPARE(picker.count(), 1);
    QCOMPARE(picker.at(0).at(0).toLongLong(), 9);
    closeMenus(scene.view);
}

void TestReactionChips::menuOffersNoReactionsWhereNoneCanBe()
{
    ChatMessage gone = message(2, QString());
    gone.deleted = true;
    Scene scene({message(1, u"hello"_s), gone});
    scene.model.addPending(u"p1"_s, u"me"_s, u"on its way"_s, Protocol::MessageKind::Text);
    scene.view.setReactionsEnabled(true);
    QVERIFY(scene.show());
    QMenu *menu = openContextMenu(scene.view, scene.rect(0).center());
    QVERIFY(menu && menu->findChild<QMenu *>(u"reactMenu"_s));
    closeMenus(scene.view);
    menu = openContextMenu(scene.view, scene.rect(1).center()); // deleted
    QVERIFY(menu && !menu->findChild<QMenu *>(u"reactMenu"_s));
    closeMenus(scene.view);
    menu = openContextMenu(scene.view, scene.rect(2).center()); // not confirmed yet
    QVERIFY(menu && !menu->findChild<QMenu *>(u"reactMenu"_s));
    closeMenus(scene.view);
}

void TestReactionChips::pickerFiltersAndPicks()
{
    EmojiPicker picker;
    QSignalSpy picked(&picker, &EmojiPicker::picked);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QCOMPARE(picker.grid()->count(), EmojiPicker::all().size());
    QVERIFY(EmojiPicker::all().size() >= 40);
    QTest::keyClicks(picker.searchField(), u"rocket"_s);
    int shown = 0;
    for (int row = 0; row < picker.grid()->count(); ++row)
        shown += picker.grid()->item(row)->isHidden() ? 0 : 1;
    QCOMPARE(shown, 1);
    QTest::keyClick(picker.searchField(), Qt::Key_Return);
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.at(0).at(0).toString(), u"\U0001F680"_s);
    QVERIFY(!picker.isVisible());
}

void TestReactionChips::hoverBarReactsInOneClick()
{
    ChatMessage gone = message(2, QString());
    gone.deleted = true;
    Scene scene({message(1, u"hello"_s, {{thumbs, 1, true}}), gone});
    QVERIFY(scene.show());
    ReactionBar *bar = scene.view.reactionBar();
    QTest::mouseMove(scene.view.viewport(), scene.rect(0).center());
    QVERIFY(!bar->isVisible()); // the server takes no reactions
    scene.view.setReactionsEnabled(true);
    QTest::mouseMove(scene.view.viewport(), scene.rect(0).center() + QPoint(1, 0));
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->message(), scene.index(0));
    QVERIFY(scene.view.viewport()->rect().contains(bar->geometry()));

    QSignalSpy toggled(&scene.view, &MessageView::reactionToggled);
    QSignalSpy picker(&scene.view, &MessageView::reactionPickerRequested);
    const auto buttons = bar->findChildren<QToolButton *>(u"quickReaction"_s);
    QCOMPARE(buttons.size(), ReactionBar::QuickEmoji);
    QCOMPARE(buttons.at(0)->text(), thumbs);
    QTest::mouseClick(buttons.at(0), Qt::LeftButton);
    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(toggled.at(0), QVariantList({qint64(1), thumbs, false})); // the user's own: taken back
    QCOMPARE(toggled.at(1), QVariantList({qint64(1), EmojiPicker::frequent().at(1), true}));
    QTest::mouseClick(bar->findChild<QToolButton *>(u"moreReactions"_s), Qt::LeftButton);
    QCOMPARE(picker.count(), 1);

    // Not over a deleted message.
    QTest::mouseMove(scene.view.viewport(), scene.rect(1).center());
    QTRY_VERIFY(!bar->isVisible());
}

QTEST_MAIN(TestReactionChips)
#include "tst_reactionchips.moc"
