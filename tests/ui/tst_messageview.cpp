// Proves what a user sees in the message list: text shown literally and wrapped, grouping and day separators,
// links and retry markers that respond to clicks, and a scroll position that follows new messages at the
// bottom, stays put when scrolled up, and loads older history at the top without jumping.

#include "messagedelegate.h"
#include "messagemodel.h"
#include "messagetext.h"
#include "messageview.h"

#include <QApplication>
#include <QClipboard>
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
};

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
    void findsLinks_data();
    void findsLinks();
    void senderColoursAreStableAndReadable();
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

void TestMessageView::senderColoursAreStableAndReadable()
{
    const QColor light(Qt::white);
    const QColor dark(0x1e, 0x1e, 0x1e);
    QCOMPARE(MessageText::senderColor(u"Alice"_s, light), MessageText::senderColor(u"alice"_s, light));
    QVERIFY(MessageText::senderColor(u"alice"_s, light) != MessageText::senderColor(u"bob"_s, light));
    QVERIFY(qAbs(MessageText::senderColor(u"alice"_s, light).hslHue() - 198) <= 1); // the same on every machine
    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"guest-12"_s, u"Zoë"_s}) {
        QVERIFY2(MessageText::contrastRatio(MessageText::senderColor(name, light), light) >= 4.5, qPrintable(name));
        QVERIFY2(MessageText::contrastRatio(MessageText::senderColor(name, dark), dark) >= 4.5, qPrintable(name));
    }
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
