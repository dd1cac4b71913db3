// History at scale: a room with 1,000,000 stored messages. How long the server takes to read the page that
// goes with `joined` and one `history` page, encoded as it goes on the wire, and how many bytes each message
// costs on disk. Run by hand on a Release build: bench_history [-minimumvalue 0 ...].

#include "historystore.h"
#include "servermessages.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

class BenchHistory : public QObject
{
    Q_OBJECT

private:
    static constexpr int Messages = 1'000'000;
    static constexpr int PageSize = 50;
    QTemporaryDir m_dir;
    HistoryStore m_store;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(m_store.open(m_path));
        QElapsedTimer timer;
        timer.start();
        const QStringList senders{QStringLiteral("Ada"), QStringLiteral("Bob"), QStringLiteral("Carol")};
        for (int i = 0; i < Messages; ++i) {
            const QString &from = senders.at(i % senders.size());
            ChatMessage message;
            message.room = QStringLiteral("big");
            message.from = from;
            message.id = QStringLiteral("m-%1").arg(i);
            message.text = QStringLiteral("Message number %1, about as long as a typical chat line.").arg(i);
            m_store.append(message.room, message, from.toLower());
            if (i % 10'000 == 9'999)
                QVERIFY(m_store.flush());
        }
        QVERIFY(m_store.flush());
        const qint64 fillMs = timer.elapsed();
        m_store.close(); // checkpoints the WAL into the file
        const qint64 bytes = QFileInfo(m_path).size();
        qInfo("stored %d messages in %lld ms; database %lld bytes, %.1f bytes per message", Messages, fillMs, bytes,
              double(bytes) / Messages);
        QVERIFY(m_store.open(m_path));
        QCOMPARE(m_store.lastSeq(QStringLiteral("big")), qint64(Messages));
    }

    void joinedPage()
    {
        // What join reads and sends: the newest page, with `more`.
        QBENCHMARK
        {
            bool more = false;
            Joined joined{QStringLiteral("big"), {}, {QStringLiteral("Ada")}, {}, {}, false, {}};
            joined.history = m_store.latest(QStringLiteral("big"), PageSize, &more);
            joined.more = more;
            const QString frame = encodeFrame(joined);
            QVERIFY(frame.size() > 1000);
        }
    }

    void historyPageFromTheMiddle()
    {
        qint64 before = Messages / 2;
        QBENCHMARK
        {
            bool more = false;
            HistoryPage page{
                QStringLiteral("big"), {}, m_store.before(QStringLiteral("big"), before, PageSize, &more), false};
            page.more = more;
            QCOMPARE(page.messages.size(), PageSize);
            const QString frame = encodeFrame(page);
            QVERIFY(frame.size() > 1000);
            before =
                before > qint64(2) * PageSize ? before - PageSize : Messages / 2; // walk back, like a scrolling user
        }
    }
};

QTEST_GUILESS_MAIN(BenchHistory)
#include "bench_history.moc"
