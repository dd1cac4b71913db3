// Measures the message view over a long-lived busy room of 100,000 messages: opening it at the newest message for
// the first time, switching away and back, a change of the view's width, live appends, and painting one screen.
// Run by hand with QT_QPA_PLATFORM=offscreen in a RelWithDebInfo or Release build; not part of ctest. Add
// -median 5 on a busy machine.

#include "clientcache.h"
#include "conversation.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "messageview.h"

#include <QImage>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;
using Natter::Protocol::ChatMessage;
using Natter::Protocol::MessageKind;

namespace {

constexpr int HistorySize = 100'000;
constexpr int AppendCount = 1'000;

ChatMessage makeMessage(qint64 seq)
{
    static const QList<QString> senders{u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s};
    static const qint64 start = QDateTime(QDate(2024, 1, 1), QTime(9, 0)).toMSecsSinceEpoch();
    ChatMessage message;
    message.room = u"dev"_s;
    message.seq = seq;
    message.id = u"m%1"_s.arg(seq);
    // Runs of three messages per sender, 40 s apart: about a month of a busy room. Every 7th is long enough
    // to wrap, every 11th has a link.
    message.from = senders.at((seq / 3) % senders.size());
    message.text = u"message number %1 with some ordinary chat text"_s.arg(seq);
    if (seq % 7 == 0)
        message.text += u", and then a good deal more of it, so that this one wraps onto a second line and maybe"
                        " even a third one when the window is narrow"_s;
    if (seq % 11 == 0)
        message.text += u" see https://example.org/issues/%1"_s.arg(seq);
    message.kind = seq % 97 == 0 ? MessageKind::Action : MessageKind::Text;
    message.ts = start + seq * 40'000;
    return message;
}

QList<ChatMessage> makeHistory(int count)
{
    QList<ChatMessage> messages;
    messages.reserve(count);
    for (qint64 seq = 1; seq <= count; ++seq)
        messages.append(makeMessage(seq));
    return messages;
}

// Runs what the change left for the event loop: the view's delayed layout, then its paint.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

bool atBottom(const MessageView &view)
{
    return view.verticalScrollBar()->value() == view.verticalScrollBar()->maximum();
}

} // namespace

class BenchMessageView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openAtNewest();
    void switchBackAndForth();
    void widthChange();
    void appendBurst();
    void appendOne();
    void paintViewport();
    void openFromTheCache();

private:
    MessageModel m_model{ConversationId::room(u"dev"_s)};
    MessageModel m_other{ConversationId::room(u"other"_s)};
    MessageView m_view;
    qint64 m_nextSeq = HistorySize + 1;
    bool m_narrow = false;
};

void BenchMessageView::initTestCase()
{
    m_model.prependHistory(makeHistory(HistorySize), false);
    m_other.prependHistory(makeHistory(10), false);
    m_view.resize(800, 600);
    m_view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_view));
    m_view.setMessageModel(&m_model); // so that each case can also run on its own
    settle();
}

void BenchMessageView::openAtNewest()
{
    // The first time the conversation is shown: the delegate knows none of its heights.
    QBENCHMARK
    {
        m_view.setMessageModel(&m_other);
        m_view.messageDelegate()->invalidateAll();
        m_view.setMessageModel(&m_model);
        settle();
    }
    QVERIFY(atBottom(m_view));
    QVERIFY(m_view.verticalScrollBar()->maximum() > 0);
}

void BenchMessageView::switchBackAndForth()
{
    // Away to a short conversation and back to the long one, each laid out and painted.
    QBENCHMARK
    {
        m_view.setMessageModel(&m_other);
        settle();
        m_view.setMessageModel(&m_model);
        settle();
    }
    QVERIFY(atBottom(m_view));
}

void BenchMessageView::widthChange()
{
    // One change of the view's width (the user drags the splitter or the window's edge): every row may wrap
    // differently.
    QBENCHMARK
    {
        m_narrow = !m_narrow;
        m_view.resize(m_narrow ? 700 : 800, 600);
        settle();
    }
    QVERIFY(atBottom(m_view));
}

void BenchMessageView::appendBurst()
{
    // A thousand messages in one event-loop turn (a reconnect replay), then the layout and paint they cause.
    QBENCHMARK
    {
        for (int i = 0; i < AppendCount; ++i)
            m_model.addMessage(makeMessage(m_nextSeq++));
        settle();
    }
    QVERIFY(atBottom(m_view));
}

void BenchMessageView::appendOne()
{
    // One live message, laid out and painted: the cost each message of a busy room adds.
    QBENCHMARK
    {
        m_model.addMessage(makeMessage(m_nextSeq++));
        settle();
    }
    QVERIFY(atBottom(m_view));
}

void BenchMessageView::paintViewport()
{
    QImage image(m_view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QBENCHMARK
    {
        m_view.viewport()->render(&image);
    }
}

void BenchMessageView::openFromTheCache()
{
    // What the app does after a restart: a conversation of 100,000 cached messages opened for the first time,
    // from the cache file to the painted view.
    QTemporaryDir directory;
    const ConversationId dev = ConversationId::room(u"dev"_s);
    {
        ClientCache cache;
        QVERIFY(cache.open(directory.filePath(u"cache.sqlite"_s)));
        cache.addMessages(dev, makeHistory(HistorySize));
        cache.flush();
    }
    ClientCache cache;
    QVERIFY(cache.open(directory.filePath(u"cache.sqlite"_s)));
    QBENCHMARK
    {
        Conversation conversation(dev, nullptr, &cache);
        conversation.open();
        m_view.setMessageModel(conversation.messages());
        settle();
        m_view.setMessageModel(&m_other);
    }
}

QTEST_MAIN(BenchMessageView)
#include "bench_messageview.moc"
