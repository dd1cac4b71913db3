// RequestLedger: which request a refusal answers.

#include "clientmessages.h"
#include "requestledger.h"

#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

ErrorEvent refusal(QStringView type, ErrorCode code = ErrorCode::TooManyRooms)
{
    return {code, QStringLiteral("no"), type.toString()};
}

} // namespace

class TestRequestLedger : public QObject
{
    Q_OBJECT

private slots:
    void refusalsGoToTheOldestRequestOfTheirKind()
    {
        RequestLedger ledger;
        ledger.sentJoin(QStringLiteral("a"));
        ledger.sentJoin(QStringLiteral("b"));
        ledger.sentHistory(ConversationId::direct(QStringLiteral("Bob")));
        ledger.answeredJoin(QStringLiteral("a"));
        const auto join = ledger.take(refusal(Join::Type));
        QCOMPARE(join.kind, RequestLedger::Kind::Join);
        QCOMPARE(join.subject, QStringLiteral("b"));
        const auto history = ledger.take(refusal(HistoryRequest::Type, ErrorCode::NameInvalid));
        QCOMPARE(history.kind, RequestLedger::Kind::History);
        QCOMPARE(history.conversation, ConversationId::direct(QStringLiteral("bob")));
        QCOMPARE(ledger.take(refusal(Join::Type)).kind, RequestLedger::Kind::None); // nothing waits any more
    }

    void sinceRoomsAreAnsweredFirst()
    {
        // The server handles since during the hello: a join refusal before the settling answer is a since room's,
        // even when a join sent after the welcome waits too.
        RequestLedger ledger;
        ledger.awaitSinceRooms({QStringLiteral("dev"), QStringLiteral("ops")});
        ledger.sentJoin(QStringLiteral("new"));
        QCOMPARE(ledger.take(refusal(Join::Type)).kind, RequestLedger::Kind::SinceRoom);
        ledger.answeredJoin(QStringLiteral("dev")); // dev was rejoined
        const auto refused = ledger.settleSinceRooms();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).first, QStringLiteral("ops"));
        QCOMPARE(refused.at(0).second.code, ErrorCode::TooManyRooms);
        QVERIFY(!ledger.awaitsSinceRooms());
        const auto join = ledger.take(refusal(Join::Type));
        QCOMPARE(join.kind, RequestLedger::Kind::Join);
        QCOMPARE(join.subject, QStringLiteral("new"));
    }

    void excerptPagesAreToldApart()
    {
        RequestLedger ledger;
        const ConversationId dev = ConversationId::room(QStringLiteral("dev"));
        const ConversationId ops = ConversationId::room(QStringLiteral("ops"));
        ledger.sentHistory(dev);
        ledger.sentHistory(ops, true);
        ledger.sentHistory(dev, true);
        QVERIFY(ledger.answeredHistory(ops));
        QVERIFY(!ledger.answeredHistory(dev));
        const auto refused = ledger.take(refusal(HistoryRequest::Type));
        QCOMPARE(refused.kind, RequestLedger::Kind::Excerpt);
        QCOMPARE(refused.conversation, dev);
        QVERIFY(!ledger.answeredHistory(dev)); // nothing waits any more
    }

    void abandonReturnsTheUnansweredHistory()
    {
        RequestLedger ledger;
        ledger.sentHistory(ConversationId::room(QStringLiteral("dev")));
        ledger.sentTopic(QStringLiteral("dev"));
        ledger.sentHistory(ConversationId::room(QStringLiteral("ops")), true);
        const QList<RequestLedger::HistoryAsk> expected{{ConversationId::room(QStringLiteral("dev")), false},
                                                        {ConversationId::room(QStringLiteral("ops")), true}};
        QCOMPARE(ledger.abandon(), expected);
        QCOMPARE(ledger.take(refusal(SetTopic::Type)).kind, RequestLedger::Kind::None);
    }
};

QTEST_GUILESS_MAIN(TestRequestLedger)
#include "tst_requestledger.moc"
