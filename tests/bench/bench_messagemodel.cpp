// Measures the message model at the size of a long-lived busy room: loading history, live appends, and the
// presentation role a delegate reads for every visible row. Run by hand; not part of the test suite.

#include "messagemodel.h"

#include <QTest>

#include <memory>
#include <vector>

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
    // Runs of three messages per sender, 40 s apart: about a month of a busy room.
    message.from = senders.at((seq / 3) % senders.size());
    message.text = u"message number %1 with some ordinary chat text"_s.arg(seq);
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

} // namespace

class BenchMessageModel : public QObject
{
    Q_OBJECT

private slots:
    void loadHistory();
    void appendToLargeModel();
    void firstOfGroupOverAllRows();
};

void BenchMessageModel::loadHistory()
{
    const QList<ChatMessage> history = makeHistory(HistorySize);
    std::vector<std::unique_ptr<MessageModel>> models; // destroyed after measuring
    QBENCHMARK
    {
        models.push_back(std::make_unique<MessageModel>(ConversationId::room(u"dev"_s)));
        models.back()->prependHistory(history, false);
    }
    QCOMPARE(models.back()->rowCount(), HistorySize);
}

void BenchMessageModel::appendToLargeModel()
{
    MessageModel model(ConversationId::room(u"dev"_s));
    model.prependHistory(makeHistory(HistorySize), false);
    // Prepared beforehand so that only the model's work is measured; each benchmark pass appends newer seqs.
    QList<ChatMessage> live;
    for (int i = 1; i <= AppendCount; ++i)
        live.append(makeMessage(HistorySize + i));
    qint64 nextSeq = HistorySize + 1;
    QBENCHMARK
    {
        for (ChatMessage message : std::as_const(live)) {
            message.ts += (nextSeq - message.seq) * 40'000;
            message.seq = nextSeq++;
            model.addMessage(message);
        }
    }
    QVERIFY(model.rowCount() >= HistorySize + AppendCount);
    QCOMPARE(model.newestSeq(), nextSeq - 1);
}

void BenchMessageModel::firstOfGroupOverAllRows()
{
    MessageModel model(ConversationId::room(u"dev"_s));
    model.prependHistory(makeHistory(HistorySize), false);
    int groups = 0;
    QBENCHMARK
    {
        groups = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            groups += model.data(model.index(row), MessageModel::FirstOfGroupRole).toBool() ? 1 : 0;
    }
    QVERIFY(groups > HistorySize / 3 && groups < HistorySize);
}

QTEST_GUILESS_MAIN(BenchMessageModel)
#include "bench_messagemodel.moc"
