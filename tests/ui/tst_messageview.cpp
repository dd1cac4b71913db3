// Proves what a user sees in the message list: text shown literally and wrapped, grouping and day separators,
// the "New messages" line, mentions, failure reasons, links and retry markers that respond to clicks, selecting
// and copying text, the right-click menu, what a screen reader reads, and a scroll position that follows new
// messages at the bottom, stays put when scrolled up, and loads older history at the top without jumping.

#include "colorcontrast.h"
#include "messagedelegate.h"
#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemodel.h"
#include "messagetext.h"
#include "messageview.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Natter;
using Natter::Protocol::ChatMessage;
using Natter::Protocol::MessageKind;

namespace {

constexpr qint64 Minute = qint64(60) * 1000;
constexpr qint64 Day = qint64(24) * 60 * Minute;
const qint64 noon = QDateTime(QDate(2024, 5, 14), QTime(12, 0)).toMSecsSinceEpoch(); // far from DST changes

ChatMessage message(qint64 seq, const QString &from, const QString &text, qint64 ts,
                    MessageKind kind = MessageKind::Text)
{
    ChatMessage m;
    m.room = u"dev"_s;
    m.seq = seq;
    m.from = from;
    m.id = u"id-%1"_s.arg(seq);
    m.text = text;
    m.kind = kind;
    m.ts = ts;
    return m;
}

// Messages firstSeq..lastSeq, alternating senders, ten minutes apart: each one starts a group.
QList<ChatMessage> conversation(qint64 firstSeq, qint64 lastSeq, qint64 start = noon)
{
    QList<ChatMessage> messages;
    for (qint64 seq = firstSeq; seq <= lastSeq; ++seq)
        messages.append(message(seq, seq % 2 ? u"alice"_s : u"bob"_s, u"message %1"_s.arg(seq),
                                start + (seq - firstSeq) * 10 * Minute));
    return messages;
}

struct Scene
{
    MessageModel model{ConversationId::room(u"dev"_s)};
    MessageView view;

    explicit Scene(const QList<ChatMessage> &history = {}, bool more = false)
    {
        model.setOwnName(u"me"_s);
        model.prependHistory(history, more);
        view.resize(500, 400);
    }
    bool show()
    {
        view.setMessageModel(&model);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QModelIndex index(int row) const { return view.indexForRow(row); }
    QRect rect(int row) const { return view.visualRect(index(row)); }
    int height(int row) const { return rect(row).height(); }
    QScrollBar *bar() const { return view.verticalScrollBar(); }
    bool atBottom() const { return bar()->value() == bar()->maximum(); }
    QStyleOptionViewItem option(int row) const
    {
        QStyleOptionViewItem option;
        option.initFrom(view.viewport());
        option.font = view.font();
        option.rect = rect(row);
        return option;
    }
    // A point of the row that the predicate accepts, searched on a 2 px grid; (-1, -1) if none.
    template<typename Predicate> QPoint pointIn(int row, Predicate accepts) const
    {
        const QRect area = rect(row);
        for (int y = area.top(); y <= area.bottom(); y += 2) {
            for (int x = area.left(); x <= area.right(); x += 2) {
                if (accepts(option(row), index(row), QPoint(x, y)))
                    return {x, y};
            }
        }
        return {-1, -1};
    }
    QToolButton *newMessagesButton() const { return view.findChild<QToolButton *>(u"newMessagesButton"_s); }
    // The geometry the delegate paints the row with.
    std::unique_ptr<MessageLayout> layout(int row) const
    {
        return std::make_unique<MessageLayout>(fonts, rect(row),
                                               MessageRow::fromIndex(index(row), MessageRow::Fields::Everything),
                                               MessageLayout::Purpose::Paint);
    }
    // A point on the row's text where a text cursor would stand at position; (-1, -1) if none.
    QPoint pointAtCursor(int row, int position) const
    {
        const MessageDelegate *delegate = view.messageDelegate();
        return pointIn(
            row, [delegate, position](const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) {
                return delegate->cursorAt(option, index, pos, MessageLayout::CursorHit::Strict) == position;
            });
    }
    QImage image() const { return view.viewport()->grab().toImage(); }
    // The row's height laid out in full at the view's width, as the delegate measures it.
    int exactHeight(int row) const
    {
        return MessageLayout(fonts, QRect(0, 0, view.viewport()->width(), 0), MessageRow::fromIndex(index(row)),
                             MessageLayout::Purpose::Measure)
            .height;
    }
    // Whether every row on screen is shown at its exact height.
    bool visibleRowsAreExact() const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (rect(row).intersects(view.viewport()->rect()) && height(row) != exactHeight(row))
                return false;
        }
        return true;
    }
    MessageFonts fonts{view.font()};
};

// Messages firstSeq..lastSeq whose texts the delegate's estimate gets wrong: long runs of narrow or wide letters.
QList<ChatMessage> misestimated(qint64 firstSeq, qint64 lastSeq, qint64 start = noon)
{
    QList<ChatMessage> messages = conversation(firstSeq, lastSeq, start);
    for (ChatMessage &m : messages) {
        if (m.seq % 3 == 0)
            m.text = QString(300, u'i');
        else if (m.seq % 3 == 1)
            m.text = QString(120, u'W');
    }
    return messages;
}

// Presses the left button at from, moves to to and releases there, as a user's drag does.
void drag(QWidget *widget, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, to, widget->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
}

// Opens the right-click menu at pos and returns it, or nullptr.
QMenu *openContextMenu(MessageView &view, const QPoint &pos)
{
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &event);
    const auto menus = view.findChildren<QMenu *>(u"messageMenu"_s);
    for (QMenu *menu : menus) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    const auto found = std::find_if(actions.cbegin(), actions.cend(),
                                    [&text](const QAction *action) { return action->text() == text; });
    return found == actions.cend() ? nullptr : *found;
}

// Whether some pixel of area in image is within a few units of color on each channel.
bool containsColor(const QImage &image, const QRect &area, const QColor &color)
{
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (qAbs(pixel.red() - color.red()) <= 3 && qAbs(pixel.green() - color.green()) <= 3
                && qAbs(pixel.blue() - color.blue()) <= 3)
                return true;
        }
    }
    return false;
}

} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

private slots:
    void textIsShownLiterallyNeverAsMarkup();
    void lineBreaksAreKept();
    void singleLineRowsMeasureAlike();
    void longTextWrapsAtNarrowerWidth();
    void groupedRowsAreShorterAndDaySeparatorsAddHeight();
    void followsNewMessagesAtTheBottom();
    void scrolledUpKeepsPlaceAndOffersNewMessagesButton();
    void reachingTheBottomHidesTheButton();
    void sendingAMessageScrollsToIt();
    void requestsHistoryOnlyAtTheTop();
    void prependedHistoryKeepsTheVisibleMessageInPlace();
    void clickingALinkActivatesIt();
    void clickingTheRetryMarkerRequestsARetry();
    void deliveryStateChangesRowHeight();
    void copiesTheSelectedMessage();
    void unreadLineSitsAboveTheDaySeparatorAndAddsHeight();
    void unreadLineIsPaintedInTheAccentColour();
    void accentColoursAreReadableInBothThemes();
    void mentionsAreHighlighted();
    void failedMarkerGivesTheReason();
    void draggingSelectsPartOfTheText();
    void doubleClickSelectsAWord();
    void clickingElsewhereClearsTheSelection();
    void draggingOverALinkDoesNotOpenIt();
    void contextMenuCopiesTextAndLinks();
    void contextMenuRetriesAFailedMessage();
    void theMenuKeyOpensTheSelectedMessagesMenu();
    void screenReadersReadSenderTimeAndText();
    void estimatedHeightsAreCorrectedWhenShown();
    void theBottomStaysTheBottomAfterCorrections();
    void correctionsAboveTheReaderKeepThePlace();
    void switchingBackKeepsHeightsInStepWithTheModel();
    void movedRowsKeepTheirHeights();
    void findsLinks_data();
    void findsLinks();
    void namesDays();
    void showsTimesWithoutSeconds();
};

void TestMessageView::textIsShownLiterallyNeverAsMarkup()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"<b>bold</b> &amp; <i>x</i>"_s, noon + 10 * Minute));
    scene.model.addMessage(message(3, u"alice"_s, u"a<br>b<br>c<br>d"_s, noon + 20 * Minute));
    scene.model.addMessage(message(4, u"bob"_s, u"abcdefghijklmnop"_s, noon + 30 * Minute));
    scene.model.addMessage(message(5, u"alice"_s, u"waves <b>hard</b>"_s, noon + 40 * Minute, MessageKind::Action));
    QVERIFY(scene.show());
    const MessageDelegate *delegate = scene.view.messageDelegate();

    QCOMPARE(delegate->displayedText(scene.index(1)), u"<b>bold</b> &amp; <i>x</i>"_s);
    QCOMPARE(delegate->displayedText(scene.index(4)), u"* alice waves <b>hard</b>"_s);
    // As rich text, the <br>s would make four lines; as plain text it is one line like any short text.
    QCOMPARE(scene.height(2), scene.height(3));
}

void TestMessageView::lineBreaksAreKept()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"one\ntwo\r\nthree"_s, noon + 10 * Minute));
    scene.model.addMessage(message(3, u"alice"_s, u"one two three"_s, noon + 20 * Minute));
    QVERIFY(scene.show());

    QCOMPARE(scene.view.messageDelegate()->displayedText(scene.index(1)),
             u"one%1two%1three"_s.arg(QChar(QChar::LineSeparator)));
    QVERIFY2(scene.height(1) > 2 * (scene.height(2) - scene.view.fontMetrics().height()),
             "three lines need room for two more lines of text");
}

void TestMessageView::singleLineRowsMeasureAlike()
{
    // The delegate measures short Latin text without laying it out; a tab sends it down the full path.
    Scene scene;
    scene.model.prependHistory({message(1, u"alice"_s, u"first"_s, noon),
                                message(2, u"alice"_s, u"hello"_s, noon + Minute),
                                message(3, u"alice"_s, u"hello\t"_s, noon + 2 * Minute),
                                message(4, u"alice"_s, u"h\u00e9llo"_s, noon + 3 * Minute)},
                               false);
    QVERIFY(scene.show());

    QVERIFY(scene.height(1) >= scene.view.fontMetrics().height());
    QCOMPARE(scene.height(1), scene.height(2));
    QCOMPARE(scene.height(3), scene.height(2));
}

void TestMessageView::longTextWrapsAtNarrowerWidth()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s,
                                   u"a fairly long message that certainly needs more than one line in a narrow view"_s,
                                   noon + 10 * Minute));
    QVERIFY(scene.show());
    const int wide = scene.height(1);

    scene.view.resize(200, 400);
    QTRY_VERIFY(scene.height(1) > wide);
    QVERIFY(scene.rect(1).right() < scene.view.viewport()->width()); // never wider than the view
}

void TestMessageView::groupedRowsAreShorterAndDaySeparatorsAddHeight()
{
    Scene scene;
    scene.model.prependHistory(
        {message(1, u"alice"_s, u"hello"_s, noon), message(2, u"alice"_s, u"hello"_s, noon + Minute),
         message(3, u"bob"_s, u"hello"_s, noon + 2 * Minute), message(4, u"bob"_s, u"hello"_s, noon + Day)},
        false);
    QVERIFY(scene.show());
    QVERIFY(scene.index(1).data(MessageModel::FirstOfGroupRole).toBool() == false);

    QVERIFY2(scene.height(1) < scene.height(2), "a grouped row has no header");
    QVERIFY2(scene.height(0) > scene.height(2), "a day separator takes room");
    QCOMPARE(scene.height(3), scene.height(0)); // both start a day and a group
}

void TestMessageView::followsNewMessagesAtTheBottom()
{
    Scene scene(conversation(1, 40));
    QVERIFY(scene.show());
    QVERIFY(scene.bar()->maximum() > 0);
    QVERIFY(scene.atBottom());
    const int maximum = scene.bar()->maximum();

    scene.model.addMessage(message(41, u"carol"_s, u"news"_s, noon + 410 * Minute));
    QTRY_VERIFY(scene.bar()->maximum() > maximum);
    QTRY_VERIFY(scene.atBottom());
    QVERIFY(scene.view.viewport()->rect().contains(scene.rect(40)));
    QVERIFY(!scene.newMessagesButton()->isVisible());
}

void TestMessageView::scrolledUpKeepsPlaceAndOffersNewMessagesButton()
{
    Scene scene(conversation(1, 40));
    QVERIFY(scene.show());
    scene.bar()->setValue(scene.bar()->maximum() / 2);
    const QModelIndex first = scene.view.indexAt(QPoint(10, 0));
    const QRect before = scene.view.visualRect(first);
    const int value = scene.bar()->value();

    scene.model.addMessage(message(41, u"carol"_s, u"news"_s, noon + 410 * Minute));
    QTRY_VERIFY(scene.newMessagesButton()->isVisible());
    QCOMPARE(scene.bar()->value(), value);
    QCOMPARE(scene.view.visualRect(first), before);
    const QRect button = scene.newMessagesButton()->geometry();
    QVERIFY(qAbs(button.center().x() - scene.view.viewport()->geometry().center().x()) <= 1);
    QVERIFY(button.bottom() <= scene.view.viewport()->geometry().bottom());
    QVERIFY(button.bottom() > scene.view.viewport()->geometry().center().y());

    // A new message lands before the user's own unconfirmed ones: news all the same.
    scene.model.addPending(u"p-1"_s, u"me"_s, u"mine"_s, MessageKind::Text);
    QTRY_VERIFY(scene.atBottom());
    scene.model.markFailed(u"p-1"_s);
    scene.bar()->setValue(scene.bar()->maximum() / 2);
    QTRY_VERIFY(!scene.newMessagesButton()->isVisible());
    scene.model.addMessage(message(42, u"carol"_s, u"more news"_s, noon + 420 * Minute));
    QCOMPARE(scene.model.index(41).data(MessageModel::SeqRole).toLongLong(), 42);
    QTRY_VERIFY(scene.newMessagesButton()->isVisible());

    QTest::mouseClick(scene.newMessagesButton(), Qt::LeftButton);
    QTRY_VERIFY(scene.atBottom());
    QVERIFY(!scene.newMessagesButton()->isVisible());
    QVERIFY(scene.view.isFollowingNewMessages());
}

void TestMessageView::reachingTheBottomHidesTheButton()
{
    Scene scene(conversation(1, 40));
    QVERIFY(scene.show());
    scene.bar()->setValue(0);
    const int maximum = scene.bar()->maximum();
    scene.model.addMessage(message(41, u"carol"_s, u"news"_s, noon + 410 * Minute));
    QTRY_VERIFY(scene.newMessagesButton()->isVisible());
    QTRY_VERIFY(scene.bar()->maximum() > maximum); // laid out

    scene.bar()->setValue(scene.bar()->maximum()); // as the user's wheel would
    QVERIFY(!scene.newMessagesButton()->isVisible());
    scene.model.addMessage(message(42, u"carol"_s, u"more news"_s, noon + 420 * Minute));
    QTRY_VERIFY(scene.atBottom());
    QVERIFY(scene.view.viewport()->rect().contains(scene.rect(41)));
}

void TestMessageView::sendingAMessageScrollsToIt()
{
    Scene scene(conversation(1, 40));
    QVERIFY(scene.show());
    scene.bar()->setValue(0);

    scene.model.addPending(u"mine"_s, u"me"_s, u"my own words"_s, MessageKind::Text);
    QTRY_VERIFY(scene.atBottom());
    QVERIFY(scene.view.viewport()->rect().contains(scene.rect(40)));
    QVERIFY(!scene.newMessagesButton()->isVisible());
}

void TestMessageView::requestsHistoryOnlyAtTheTop()
{
    Scene scene(conversation(101, 140), true);
    QSignalSpy requested(&scene.model, &MessageModel::historyRequested);
    QVERIFY(scene.show());
    QCoreApplication::processEvents();
    QVERIFY2(requested.isEmpty(), "the newest message being visible is no reason to load older ones");

    scene.bar()->setValue(scene.bar()->maximum() / 2);
    QVERIFY(requested.isEmpty());
    scene.bar()->setValue(scene.bar()->minimum());
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), 101);

    // A conversation shorter than the view is at its top from the start: fill the view.
    Scene shortScene(conversation(201, 203), true);
    QSignalSpy shortRequested(&shortScene.model, &MessageModel::historyRequested);
    QVERIFY(shortScene.show());
    QCOMPARE(shortRequested.size(), 1);
}

void TestMessageView::prependedHistoryKeepsTheVisibleMessageInPlace()
{
    // Same day: the first message loses its day separator. An earlier day: it keeps it.
    for (const qint64 gap : {qint64(0), Day}) {
        Scene scene(conversation(101, 140, noon + 240 * Minute), true);
        QSignalSpy requested(&scene.model, &MessageModel::historyRequested);
        QVERIFY(scene.show());
        scene.bar()->setValue(0);
        QCOMPARE(requested.size(), 1);
        const int shown = scene.model.rowCount();
        const QRect before = scene.rect(0);

        scene.model.prependHistory(conversation(81, 100, noon + 240 * Minute - 200 * Minute - gap), true);
        QCOMPARE(scene.model.rowCount(), shown + 20);
        QTRY_VERIFY2(qAbs(scene.rect(20).bottom() - before.bottom()) <= 2, "the message's text must not move");
        if (gap != 0)
            QCOMPARE(scene.rect(20).top(), before.top());
        QCOMPARE(requested.size(), 1); // not at the top any more: no runaway loading
        QVERIFY(!scene.newMessagesButton()->isVisible());
    }
}

void TestMessageView::clickingALinkActivatesIt()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(
        message(2, u"bob"_s, u"docs at https://doc.qt.io/qt-6/qlistview.html, or www.qt.io"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    QSignalSpy activated(&scene.view, &MessageView::linkActivated);
    const MessageDelegate *delegate = scene.view.messageDelegate();
    const auto hitsLink = [delegate](const QUrl &url) {
        return [delegate, url](const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) {
            return delegate->linkAt(option, index, pos) == url;
        };
    };

    const QUrl docs(u"https://doc.qt.io/qt-6/qlistview.html"_s);
    const QPoint onDocs = scene.pointIn(1, hitsLink(docs));
    QVERIFY(onDocs.x() >= 0);
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, onDocs);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toUrl(), docs);

    const QPoint onQt = scene.pointIn(1, hitsLink(QUrl(u"http://www.qt.io"_s)));
    QVERIFY(onQt.x() >= 0);
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, onQt);
    QCOMPARE(activated.size(), 2);

    const QPoint onPlainText = scene.pointIn(1, hitsLink(QUrl()));
    QVERIFY(onPlainText.x() >= 0);
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, onPlainText);
    QCOMPARE(activated.size(), 2);
}

void TestMessageView::clickingTheRetryMarkerRequestsARetry()
{
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    QSignalSpy retry(&scene.view, &MessageView::retryRequested);
    scene.model.addPending(u"p-1"_s, u"me"_s, u"did this arrive?"_s, MessageKind::Text);
    scene.model.markFailed(u"p-1"_s);
    const MessageDelegate *delegate = scene.view.messageDelegate();
    const auto onRetry = [delegate](const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) {
        return delegate->hitsRetry(option, index, pos);
    };

    QCOMPARE(scene.pointIn(2, onRetry), QPoint(-1, -1)); // a sent message has no marker
    const QPoint marker = scene.pointIn(3, onRetry);
    QVERIFY(marker.x() >= 0);
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, marker);
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), u"p-1"_s);
}

void TestMessageView::deliveryStateChangesRowHeight()
{
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    scene.model.addPending(u"p-1"_s, u"me"_s, u"short"_s, MessageKind::Text);
    QTRY_VERIFY(scene.atBottom());
    const int pending = scene.height(3);

    scene.model.markFailed(u"p-1"_s);
    QTRY_VERIFY2(scene.height(3) > pending, "the failed marker takes a line");
    QTRY_VERIFY(scene.atBottom());
    scene.model.markPending(u"p-1"_s);
    QTRY_COMPARE(scene.height(3), pending);
}

void TestMessageView::copiesTheSelectedMessage()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"line one\n<b>line</b> two"_s, noon + 10 * Minute));
    QVERIFY(scene.show());

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, scene.rect(1).center());
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"line one\n<b>line</b> two"_s);
}

void TestMessageView::unreadLineSitsAboveTheDaySeparatorAndAddsHeight()
{
    Scene scene(conversation(1, 3));
    scene.model.addMessage(message(4, u"alice"_s, u"next day"_s, noon + Day));
    scene.model.addMessage(message(5, u"bob"_s, u"same day"_s, noon + Day + 10 * Minute));
    QVERIFY(scene.show());
    const int plainNewDay = scene.height(3);
    const int plain = scene.height(4);

    scene.model.setUnreadMarker(3); // above seq 4: a new day
    QTRY_VERIFY2(scene.height(3) > plainNewDay, "the line takes room");
    auto layout = scene.layout(3);
    QVERIFY(!layout->unreadLine.isEmpty());
    QVERIFY(!layout->separator.isEmpty());
    QVERIFY2(layout->unreadLine.bottom() < layout->separator.top(), "the line comes before the day");
    QCOMPARE(scene.height(4), plain);

    scene.model.setUnreadMarker(4); // moves down a row
    QTRY_COMPARE(scene.height(3), plainNewDay);
    QTRY_VERIFY(scene.height(4) > plain);
    QVERIFY(scene.layout(4)->separator.isEmpty());
    QTRY_VERIFY(scene.atBottom());

    scene.model.setUnreadMarker(0);
    QTRY_COMPARE(scene.height(4), plain);
}

void TestMessageView::unreadLineIsPaintedInTheAccentColour()
{
    for (const QColor &base : {QColor(Qt::white), QColor(0x1e, 0x1e, 0x1e)}) {
        Scene scene(conversation(1, 3));
        QPalette palette = scene.view.palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, base.lightness() > 128 ? Qt::black : Qt::white);
        scene.view.setPalette(palette);
        scene.model.setUnreadMarker(1);
        QVERIFY(scene.show());
        QTRY_VERIFY(!scene.layout(1)->unreadLine.isEmpty());
        const QColor accent = MessageText::newMessagesColor(base);
        QVERIFY(containsColor(scene.image(), scene.layout(1)->unreadLine, accent));
        QVERIFY(!containsColor(scene.image(), scene.rect(2), accent));
    }
}

void TestMessageView::accentColoursAreReadableInBothThemes()
{
    for (const QColor &background :
         {QColor(Qt::white), QColor(0xf5, 0xf5, 0xf5), QColor(0x1e, 0x1e, 0x1e), QColor(Qt::black)}) {
        QVERIFY(ColorContrast::contrastRatio(MessageText::newMessagesColor(background), background) >= 4.5);
        QVERIFY(ColorContrast::contrastRatio(MessageText::mentionColor(background), background) >= 3.0);
    }
}

void TestMessageView::mentionsAreHighlighted()
{
    Scene scene(conversation(1, 2));
    scene.model.addMessage(message(3, u"bob"_s, u"hey @me, have a look"_s, noon + 30 * Minute));
    scene.model.addMessage(message(4, u"alice"_s, u"nothing for you"_s, noon + 40 * Minute));
    QVERIFY(scene.show());
    QVERIFY(scene.index(2).data(MessageModel::MentionRole).toBool());
    scene.view.viewport()->setAttribute(Qt::WA_UnderMouse, false);

    const QImage image = scene.image();
    const QColor base = scene.view.palette().color(QPalette::Base);
    const QColor accent = MessageText::mentionColor(base);
    const QRect mentioned = scene.rect(2);
    const QRect other = scene.rect(3);
    QCOMPARE(image.pixelColor(1, mentioned.center().y()).rgb(), accent.rgb()); // the bar at the left edge
    QVERIFY2(image.pixelColor(mentioned.center().x(), mentioned.bottom() - 1).rgb() != base.rgb(), "a tinted band");
    QCOMPARE(image.pixelColor(1, other.center().y()).rgb(), base.rgb());
    QCOMPARE(image.pixelColor(other.center().x(), other.bottom() - 1).rgb(), base.rgb());
}

void TestMessageView::failedMarkerGivesTheReason()
{
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    QSignalSpy retry(&scene.view, &MessageView::retryRequested);
    scene.model.addPending(u"p-1"_s, u"me"_s, u"did this arrive?"_s, MessageKind::Text);
    scene.model.markFailed(u"p-1"_s);
    QTRY_VERIFY(scene.atBottom());
    QCOMPARE(scene.layout(3)->marker, MessageLayout::tr("Not sent — click to retry"));
    const int withoutReason = scene.height(3);

    scene.model.markFailed(u"p-1"_s, u"the message is too long"_s);
    QCOMPARE(scene.layout(3)->marker,
             MessageLayout::tr("Not sent: %1 — click to retry").arg(u"the message is too long"_s));
    QCOMPARE(scene.height(3), withoutReason);

    // However long the reason, the marker stays one line within the row and still retries.
    scene.model.markFailed(u"p-1"_s, u"the server said no "_s.repeated(20));
    QTRY_VERIFY(scene.layout(3)->marker.size() < scene.layout(3)->fullMarker.size());
    QVERIFY(scene.layout(3)->markerRect.right() < scene.rect(3).right());
    QCOMPARE(scene.height(3), withoutReason);
    const MessageDelegate *delegate = scene.view.messageDelegate();
    const QPoint marker =
        scene.pointIn(3, [delegate](const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) {
            return delegate->hitsRetry(option, index, pos);
        });
    QVERIFY(marker.x() >= 0);
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, marker);
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), u"p-1"_s);
}

void TestMessageView::draggingSelectsPartOfTheText()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"hello wonderful\nworld of text"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    const QPoint from = scene.pointAtCursor(1, 6);
    const QPoint to = scene.pointAtCursor(1, 21); // across the line break, to the end of "world"
    QVERIFY(from.x() >= 0 && to.x() >= 0);

    const QImage before = scene.image();
    drag(scene.view.viewport(), from, to);
    QTRY_VERIFY2(scene.image() != before, "the selection is painted");
    const QColor highlight = scene.view.palette().color(QPalette::Highlight);
    QVERIFY(containsColor(scene.image(), scene.rect(1), highlight));
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"wonderful\nworld"_s);

    // Dragging backwards selects the same way.
    drag(scene.view.viewport(), to, from);
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"wonderful\nworld"_s);
}

void TestMessageView::doubleClickSelectsAWord()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"hello wonderful world"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    const QPoint inside = scene.pointAtCursor(1, 9); // between "won" and "derful"
    QVERIFY(inside.x() >= 0);

    QTest::mouseDClick(scene.view.viewport(), Qt::LeftButton, {}, inside + QPoint(1, 0));
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"wonderful"_s);
}

void TestMessageView::clickingElsewhereClearsTheSelection()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"hello wonderful world"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    drag(scene.view.viewport(), scene.pointAtCursor(1, 0), scene.pointAtCursor(1, 5));
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"hello"_s);

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, scene.rect(0).center());
    QVERIFY(scene.view.messageDelegate()->textSelection().isEmpty());
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"message 1"_s); // the whole message clicked on

    // A click (no drag) on the text selects nothing either: Ctrl+C copies that whole message.
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, scene.pointAtCursor(1, 3));
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"hello wonderful world"_s);
}

void TestMessageView::draggingOverALinkDoesNotOpenIt()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(
        message(2, u"bob"_s, u"see https://doc.qt.io/qt-6/qlistview.html now"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    QSignalSpy activated(&scene.view, &MessageView::linkActivated);
    const QPoint from = scene.pointAtCursor(1, 8);
    const QPoint to = scene.pointAtCursor(1, 20);
    QVERIFY(from.x() >= 0 && to.x() >= 0);

    drag(scene.view.viewport(), from, to);
    QCOMPARE(activated.size(), 0);
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"s://doc.qt.i"_s);

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, from + QPoint(2, 0));
    QCOMPARE(activated.size(), 1);
}

void TestMessageView::contextMenuCopiesTextAndLinks()
{
    Scene scene(conversation(1, 1));
    scene.model.addMessage(message(2, u"bob"_s, u"docs at https://doc.qt.io/qt-6/ for you"_s, noon + 10 * Minute));
    QVERIFY(scene.show());
    const QPoint onText = scene.pointAtCursor(1, 2);
    const QPoint onLink = scene.pointAtCursor(1, 12);
    QVERIFY(onText.x() >= 0 && onLink.x() >= 0);

    QMenu *menu = openContextMenu(scene.view, onText);
    QVERIFY(menu);
    QVERIFY(!actionNamed(menu, MessageView::tr("Copy Link")));
    QVERIFY(!actionNamed(menu, MessageView::tr("Retry")));
    QAction *copyText = actionNamed(menu, MessageView::tr("Copy Text"));
    QVERIFY(copyText);
    copyText->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"docs at https://doc.qt.io/qt-6/ for you"_s);

    menu = openContextMenu(scene.view, onLink);
    QVERIFY(menu);
    QAction *copyLink = actionNamed(menu, MessageView::tr("Copy Link"));
    QVERIFY(copyLink);
    copyLink->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"https://doc.qt.io/qt-6/"_s);

    // With part of the text selected, Copy Text copies that part.
    drag(scene.view.viewport(), scene.pointAtCursor(1, 0), scene.pointAtCursor(1, 4));
    menu = openContextMenu(scene.view, onText);
    QVERIFY(menu);
    actionNamed(menu, MessageView::tr("Copy Text"))->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"docs"_s);
}

void TestMessageView::theMenuKeyOpensTheSelectedMessagesMenu()
{
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    scene.view.setFocus();
    scene.view.setCurrentIndex(scene.view.indexForRow(0));
    QTest::keyClick(&scene.view, Qt::Key_Down); // the arrow keys move from message to message
    QCOMPARE(scene.view.currentIndex().row(), 1);
    // Qt turns the Menu key into a context menu event with the keyboard as its reason, aimed anywhere.
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(1, 1),
                            scene.view.viewport()->mapToGlobal(QPoint(1, 1)));
    QApplication::sendEvent(scene.view.viewport(), &event);
    QMenu *menu = nullptr;
    for (QMenu *found : scene.view.findChildren<QMenu *>(u"messageMenu"_s)) {
        if (found->isVisible())
            menu = found;
    }
    QVERIFY(menu);
    actionNamed(menu, MessageView::tr("Copy Text"))->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), scene.view.indexForRow(1).data(MessageModel::TextRole).toString());
}

void TestMessageView::contextMenuRetriesAFailedMessage()
{
    Scene scene(conversation(1, 1));
    QVERIFY(scene.show());
    scene.model.addPending(u"p-1"_s, u"me"_s, u"did this arrive?"_s, MessageKind::Text);
    scene.model.markFailed(u"p-1"_s, u"offline"_s);
    QTRY_VERIFY(scene.layout(1)->marker.contains(u"offline"_s));
    QSignalSpy retry(&scene.view, &MessageView::retryRequested);

    QMenu *menu = openContextMenu(scene.view, scene.rect(1).center());
    QVERIFY(menu);
    QAction *action = actionNamed(menu, MessageView::tr("Retry"));
    QVERIFY(action);
    action->trigger();
    menu->close();
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), u"p-1"_s);

    // Or gives it up.
    QSignalSpy discard(&scene.view, &MessageView::discardRequested);
    menu = openContextMenu(scene.view, scene.rect(1).center());
    QVERIFY(menu);
    QAction *remove = actionNamed(menu, MessageView::tr("Delete"));
    QVERIFY(remove);
    remove->trigger();
    menu->close();
    QCOMPARE(discard.size(), 1);
    QCOMPARE(discard.at(0).at(0).toString(), u"p-1"_s);

    menu = openContextMenu(scene.view, scene.rect(0).center());
    QVERIFY(menu);
    QVERIFY2(!actionNamed(menu, MessageView::tr("Retry")), "a sent message has nothing to retry");
    QVERIFY(!actionNamed(menu, MessageView::tr("Delete")));
    menu->close();
}

void TestMessageView::screenReadersReadSenderTimeAndText()
{
    QAccessible::setActive(true);
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&scene.view);
    QVERIFY(list);
    QCOMPARE(list->text(QAccessible::Name), MessageView::tr("Messages"));

    const QString expected = scene.model.index(1).data(Qt::AccessibleTextRole).toString();
    QVERIFY(expected.startsWith(u"bob, "_s));
    QVERIFY(expected.endsWith(u", message 2"_s));
    QStringList names;
    for (int i = 0; i < list->childCount(); ++i) {
        if (QAccessibleInterface *child = list->child(i))
            names.append(child->text(QAccessible::Name));
    }
    QVERIFY2(names.contains(expected), qPrintable(names.join(u" | "_s)));

    QAccessibleInterface *button = QAccessible::queryAccessibleInterface(scene.newMessagesButton());
    QVERIFY(button);
    QCOMPARE(button->text(QAccessible::Name), MessageView::tr("New messages"));
    QAccessible::setActive(false);
}

void TestMessageView::estimatedHeightsAreCorrectedWhenShown()
{
    Scene far;
    QList<ChatMessage> history = conversation(1, 200);
    history[20].text = QString(400, u'i');
    far.model.prependHistory(history, false);
    QVERIFY(far.show());
    const int width = far.view.viewport()->width();
    QVERIFY(!far.view.messageDelegate()->hasExactHeight(far.index(20), width));
    const int exact = far.exactHeight(20);
    QVERIFY2(far.height(20) != exact, "an estimate, and this one is off");

    far.view.scrollTo(far.index(20), QAbstractItemView::PositionAtCenter);
    QTRY_COMPARE(far.height(20), exact);
    QVERIFY(far.view.messageDelegate()->hasExactHeight(far.index(20), width));
    QVERIFY(far.rect(20).intersects(far.view.viewport()->rect()));
    QTRY_VERIFY(far.visibleRowsAreExact());
}

void TestMessageView::theBottomStaysTheBottomAfterCorrections()
{
    Scene scene(misestimated(1, 300));
    QVERIFY(scene.show());
    const auto lastRowEndsTheView = [&scene] {
        return scene.atBottom()
            && scene.rect(scene.model.rowCount() - 1).bottom() == scene.view.viewport()->height() - 1;
    };
    QTRY_VERIFY(lastRowEndsTheView());
    QVERIFY(scene.visibleRowsAreExact());

    // Every height changes with the width; the rows on screen are measured again, the rest estimated.
    for (const int width : {320, 640, 420}) {
        scene.view.resize(width, 400);
        QTRY_VERIFY(scene.visibleRowsAreExact());
        QTRY_VERIFY(lastRowEndsTheView());
        QVERIFY(scene.view.isFollowingNewMessages());
    }

    // Jumping to the top and back down measures many estimated rows on the way; the bottom is still the bottom.
    scene.bar()->setValue(0);
    QTRY_VERIFY(scene.visibleRowsAreExact());
    scene.view.scrollToNewest();
    QTRY_VERIFY(lastRowEndsTheView());
    scene.model.addMessage(message(301, u"carol"_s, QString(200, u'i'), noon + 3010 * Minute));
    QTRY_VERIFY(lastRowEndsTheView());
    QVERIFY(scene.visibleRowsAreExact());
}

void TestMessageView::correctionsAboveTheReaderKeepThePlace()
{
    Scene scene(misestimated(1, 400));
    QVERIFY(scene.show());
    scene.bar()->setValue(scene.bar()->maximum() / 2);
    QTRY_VERIFY(scene.visibleRowsAreExact());

    // Several screens up: into rows never measured. Find the row that will be first on screen there, and where,
    // from the layout as it stands (after the scroll, any look at the geometry runs the pending layout).
    const int target = scene.bar()->value() - 5 * scene.view.viewport()->height();
    int first = -1;
    QRect before;
    for (int row = 0; row < scene.model.rowCount() && first < 0; ++row) {
        const QRect content = scene.rect(row).translated(0, scene.bar()->value());
        if (content.contains(QPoint(10, target))) {
            first = row;
            before = content.translated(0, -target);
        }
    }
    QVERIFY(first >= 0);
    QVERIFY(!scene.view.messageDelegate()->hasExactHeight(scene.index(first), scene.view.viewport()->width()));
    // The first row seen stays where it was scrolled to while it and the rows around it get their exact heights.
    scene.bar()->setValue(target);
    QTRY_VERIFY2(scene.view.messageDelegate()->hasExactHeight(scene.index(first), scene.view.viewport()->width()),
                 "heights were corrected");
    QTRY_VERIFY(scene.visibleRowsAreExact());
    QCOMPARE(scene.rect(first).bottom(), before.bottom());
    QVERIFY(!scene.view.isFollowingNewMessages());
    QVERIFY(!scene.newMessagesButton()->isVisible());
}

void TestMessageView::switchingBackKeepsHeightsInStepWithTheModel()
{
    Scene scene(misestimated(101, 300), true);
    MessageModel other{ConversationId::room(u"other"_s)};
    other.prependHistory(conversation(1, 5), false);
    QVERIFY(scene.show());
    scene.view.scrollTo(scene.index(20), QAbstractItemView::PositionAtTop);
    QTRY_VERIFY(scene.visibleRowsAreExact());
    const int width = scene.view.viewport()->width();
    QVERIFY(scene.view.messageDelegate()->hasExactHeight(scene.index(20), width));
    const int measured = scene.height(20);

    scene.view.setMessageModel(&other);
    QTRY_VERIFY(scene.view.model()->rowCount() == 5);
    // While another conversation is shown, this one changes: a page of history at the top, a message at the end.
    scene.model.prependHistory(conversation(91, 100), true);
    scene.model.addMessage(message(301, u"carol"_s, u"while away"_s, noon + 3010 * Minute));
    scene.view.setMessageModel(&scene.model);
    QTRY_VERIFY(scene.atBottom());

    // The row measured before is now row 30, and its height came along with it.
    QCOMPARE(scene.model.index(30).data(MessageModel::SeqRole).toLongLong(), 121);
    QVERIFY(scene.view.messageDelegate()->hasExactHeight(scene.index(30), width));
    QCOMPARE(scene.height(30), measured);
    QCOMPARE(scene.height(30), scene.exactHeight(30));
    QVERIFY(!scene.view.messageDelegate()->hasExactHeight(scene.index(0), width));
    QVERIFY(scene.visibleRowsAreExact());
}

void TestMessageView::movedRowsKeepTheirHeights()
{
    Scene scene(conversation(1, 3));
    QVERIFY(scene.show());
    scene.model.addPending(u"p-1"_s, u"me"_s, u"a long one: "_s + u"words and more words "_s.repeated(12),
                           MessageKind::Text);
    scene.model.addPending(u"p-2"_s, u"me"_s, u"short"_s, MessageKind::Text);
    QTRY_VERIFY(scene.visibleRowsAreExact());
    const int tall = scene.height(3);

    // The second is confirmed first: it moves above the first, which keeps its height.
    scene.model.markSent(u"p-2"_s, 4, noon + 40 * Minute);
    QCOMPARE(scene.model.index(3).data(MessageModel::IdRole).toString(), u"p-2"_s);
    QTRY_VERIFY(scene.visibleRowsAreExact());
    QCOMPARE(scene.height(4), tall);
    QVERIFY(scene.height(3) < tall);
}

void TestMessageView::findsLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("spelled");
    QTest::addColumn<QUrl>("url");

    QTest::newRow("sentence end") << u"see https://x.org."_s << u"https://x.org"_s << QUrl(u"https://x.org"_s);
    QTest::newRow("balanced parenthesis")
        << u"(https://en.wikipedia.org/wiki/Qt_(software))"_s << u"https://en.wikipedia.org/wiki/Qt_(software)"_s
        << QUrl(u"https://en.wikipedia.org/wiki/Qt_(software)"_s);
    QTest::newRow("websocket") << u"join wss://chat.example:9000/natter now"_s << u"wss://chat.example:9000/natter"_s
                               << QUrl(u"wss://chat.example:9000/natter"_s);
    QTest::newRow("ws") << u"ws://198.51.100.2:8080"_s << u"ws://198.51.100.2:8080"_s
                        << QUrl(u"ws://198.51.100.2:8080"_s);
    QTest::newRow("www") << u"try www.qt.io!"_s << u"www.qt.io"_s << QUrl(u"http://www.qt.io"_s);
    QTest::newRow("angle brackets") << u"<https://a.example/b>"_s << u"https://a.example/b"_s
                                    << QUrl(u"https://a.example/b"_s);
    QTest::newRow("upper case") << u"HTTP://A.EXAMPLE"_s << u"HTTP://A.EXAMPLE"_s << QUrl(u"http://a.example"_s);
    QTest::newRow("inside a word") << u"xhttp://a.example awww.b.example"_s << QString() << QUrl();
    QTest::newRow("no host") << u"https:// and ftp://a.example"_s << QString() << QUrl();
}

void TestMessageView::findsLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, spelled);
    QFETCH(QUrl, url);

    const QList<MessageText::Link> links = MessageText::findLinks(text);
    if (spelled.isEmpty()) {
        QVERIFY(links.isEmpty());
        return;
    }
    QCOMPARE(links.size(), 1);
    QCOMPARE(text.mid(links.at(0).start, links.at(0).length), spelled);
    QCOMPARE(links.at(0).url, url);
}

void TestMessageView::namesDays()
{
    const QDate today(2024, 5, 14);
    QCOMPARE(MessageDelegate::dayLabel(today, today), MessageDelegate::tr("Today"));
    QCOMPARE(MessageDelegate::dayLabel(today.addDays(-1), today), MessageDelegate::tr("Yesterday"));
    QCOMPARE(MessageDelegate::dayLabel(today.addDays(-2), today),
             QLocale().toString(today.addDays(-2), QLocale::LongFormat));
}

void TestMessageView::showsTimesWithoutSeconds()
{
    const QLocale system;
    QLocale::setDefault(QLocale::c()); // whose short format is HH:mm:ss
    const QString c = MessageText::shortTime(QTime(9, 5, 30));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = MessageText::shortTime(QTime(21, 5, 30));
    QLocale::setDefault(system);
    QCOMPARE(c, u"09:05"_s);
    QCOMPARE(german, u"21:05"_s);
}

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
