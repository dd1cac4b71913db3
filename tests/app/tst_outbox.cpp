// The outbox keeps unacknowledged messages in order, and the reconnect policy spaces attempts out.

#include "outbox.h"
#include "reconnectpolicy.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Natter;
using Natter::Protocol::MessageKind;

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void keepsPendingMessagesInOrder()
    {
        Outbox outbox;
        const QString first =
            outbox.add(ConversationId::room(QStringLiteral("dev")), QStringLiteral("one"), MessageKind::Text).id;
        const QString second =
            outbox.add(ConversationId::direct(QStringLiteral("Bob")), QStringLiteral("two"), MessageKind::Action).id;
        const QString third =
            outbox.add(ConversationId::room(QStringLiteral("dev")), QStringLiteral("three"), MessageKind::Text).id;
        QCOMPARE(outbox.size(), 3);
        QVERIFY(outbox.acknowledge(second));
        QVERIFY(!outbox.acknowledge(second));
        const QList<OutgoingMessage> pending = outbox.pending();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).id, first);
        QCOMPARE(pending.at(1).id, third);
        QCOMPARE(pending.at(1).text, QStringLiteral("three"));
    }

    void idsAreUniqueAndFitTheProtocol()
    {
        Outbox outbox;
        QSet<QString> ids;
        for (int i = 0; i < 1000; ++i) {
            const QString id =
                outbox.add(ConversationId::room(QStringLiteral("dev")), QStringLiteral("x"), MessageKind::Text).id;
            QVERIFY(id.size() >= 1 && id.size() <= 64);
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 1000);
    }

    void failedMessagesWaitForARetry()
    {
        Outbox outbox;
        const QString id =
            outbox.add(ConversationId::room(QStringLiteral("dev")), QStringLiteral("x"), MessageKind::Text).id;
        QVERIFY(outbox.fail(id));
        QVERIFY(outbox.pending().isEmpty());
        QVERIFY(outbox.find(id)->failed);
        const auto retried = outbox.retry(id);
        QVERIFY(retried);
        QVERIFY(!retried->failed);
        QCOMPARE(outbox.pending().size(), 1);
        outbox.discard(id);
        QCOMPARE(outbox.size(), 0);
        QVERIFY(!outbox.retry(id));
    }

    void delaysDoubleUpToTheCap()
    {
        ReconnectPolicy policy(100, 1000, 0.0);
        QRandomGenerator random(42);
        QList<int> delays;
        for (int i = 0; i < 6; ++i)
            delays.append(policy.nextDelayMs(random));
        QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000}));
        QCOMPARE(policy.attempts(), 6);
        policy.reset();
        QCOMPARE(policy.nextDelayMs(random), 100);
    }

    void jitterSpreadsTheDelays()
    {
        ReconnectPolicy policy(1000, 1000, 0.2);
        QRandomGenerator random(7);
        QSet<int> seen;
        for (int i = 0; i < 200; ++i) {
            const int delay = policy.nextDelayMs(random);
            QVERIFY2(delay >= 800 && delay <= 1000, qPrintable(QString::number(delay)));
            seen.insert(delay / 10);
        }
        QVERIFY(seen.size() > 5); // not all at once
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
